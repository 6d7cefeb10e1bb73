import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CreateDivisionInput, DivisionIdParams, DivisionSaved, DivisionStatusResult, DivisionTree, RenameDivisionInput } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requirePermission } from '../../platform/auth/actor';
import { presentDivision, presentDivisionTree } from './divisions.presenter';
import * as service from './divisions.service';

const tags = ['管理内设部门'];

/** 管理内设部门: the divisions of the actor's own org. */
export const divisionsRoutes = async (server: FastifyInstance, ctx: AppContext) => {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const caller = (req: FastifyRequest) => ({ ctx, actor: requirePermission(req, 'org.divisions'), origin: originOf(req) });

  app.get('/api/org/divisions', { schema: { tags, response: { 200: DivisionTree } } }, async (req) => ({
    items: presentDivisionTree(await service.listDivisions(ctx, caller(req).actor)),
  }));

  app.post('/api/org/divisions', { schema: { tags, body: CreateDivisionInput, response: { 201: DivisionSaved } } }, async (req, reply) =>
    reply.status(201).send(presentDivision(await service.createDivision(caller(req), req.body))),
  );

  app.patch(
    '/api/org/divisions/:divisionId',
    { schema: { tags, params: DivisionIdParams, body: RenameDivisionInput, response: { 200: DivisionSaved } } },
    async (req) => presentDivision(await service.renameDivision(caller(req), req.params.divisionId, req.body.name)),
  );

  app.post(
    '/api/org/divisions/:divisionId/disable',
    { schema: { tags, params: DivisionIdParams, response: { 200: DivisionStatusResult } } },
    async (req) => service.disableDivision(caller(req), req.params.divisionId),
  );

  app.post(
    '/api/org/divisions/:divisionId/enable',
    { schema: { tags, params: DivisionIdParams, response: { 200: DivisionStatusResult } } },
    async (req) => service.enableDivision(caller(req), req.params.divisionId),
  );
};
