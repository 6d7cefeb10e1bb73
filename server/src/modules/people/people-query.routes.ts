import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ClosureInput,
  EmploymentInput,
  OkMessage,
  PeopleListPage,
  PeopleQuery,
  PersonDetails,
  RequestReceipt,
  ScopeEmployerChoices,
  ScopeEmployerQuery,
  Uuid,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireAnyPermission, requirePermission } from '../../platform/auth/actor';
import { listPeople, markEmployment, peopleEmployers, personDetails } from './people-query.service';
import { requestClosureFor } from './closure.service';

const PersonParams = z.object({ personId: Uuid });

/** 专技人员信息查询 and the employer's 离职 / 退休 mark. */
export const peopleQueryRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['专技人员信息查询'];

  app.get('/api/people', { schema: { tags, querystring: PeopleQuery, response: { 200: PeopleListPage } } }, async (req) =>
    listPeople(ctx, requirePermission(req, 'statistics.people'), req.query),
  );
  app.get('/api/people/employers', { schema: { tags, querystring: ScopeEmployerQuery, response: { 200: ScopeEmployerChoices } } }, async (req) =>
    peopleEmployers(ctx, requireAnyPermission(req, ['statistics.people', 'imports.people']), req.query.keyword),
  );
  app.get('/api/people/:personId', { schema: { tags, params: PersonParams, response: { 200: PersonDetails } } }, async (req) =>
    personDetails(ctx, requirePermission(req, 'statistics.people'), req.params.personId),
  );
  app.post(
    '/api/people/:personId/employment',
    { schema: { tags, params: PersonParams, body: EmploymentInput, response: { 200: OkMessage } } },
    async (req) => markEmployment(ctx, requirePermission(req, 'statistics.people'), req.params.personId, req.body, originOf(req)),
  );
  app.post(
    '/api/people/:personId/closure',
    { schema: { tags, params: PersonParams, body: ClosureInput, response: { 201: RequestReceipt } } },
    async (req, reply) =>
      reply.code(201).send(await requestClosureFor(ctx, requirePermission(req, 'statistics.people'), req.params.personId, req.body, originOf(req))),
  );
};
