import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  MyTransferView,
  OrgPeople,
  OrgPeopleQuery,
  TransferInput,
  TransferOutInput,
  RequestReceipt,
  TransferRecordsPage,
  TransferRecordsQuery,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireActor, requirePermission } from '../../platform/auth/actor';
import { applyForTransfer, listTransferRecords, myTransfer, searchOwnPeople, startTransferOut } from './transfers.service';

/** 单位调转 (the professional) and 人员调转 (人员调出, 调转记录; 调入 is decided in the review queue). */
export const transfersRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['单位调转'];

  app.get('/api/me/transfer', { schema: { tags, response: { 200: MyTransferView } } }, async (req) => myTransfer(ctx, requireActor(req)));
  app.post('/api/me/transfer', { schema: { tags, body: TransferInput, response: { 201: RequestReceipt } } }, async (req, reply) =>
    reply.code(201).send(await applyForTransfer(ctx, requireActor(req), req.body, originOf(req))),
  );

  app.get('/api/transfers/people', { schema: { tags, querystring: OrgPeopleQuery, response: { 200: OrgPeople } } }, async (req) =>
    searchOwnPeople(ctx, requirePermission(req, 'reviews.transfers'), req.query.keyword),
  );
  app.post('/api/transfers/out', { schema: { tags, body: TransferOutInput, response: { 201: RequestReceipt } } }, async (req, reply) =>
    reply.code(201).send(await startTransferOut(ctx, requirePermission(req, 'reviews.transfers'), req.body, originOf(req))),
  );
  app.get('/api/transfers', { schema: { tags, querystring: TransferRecordsQuery, response: { 200: TransferRecordsPage } } }, async (req) =>
    listTransferRecords(ctx, requirePermission(req, 'reviews.transfers'), req.query),
  );
};
