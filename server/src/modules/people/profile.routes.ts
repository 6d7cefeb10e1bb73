import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ClosureInput, IdentityChangeInput, MyProfile, OkMessage, PlainProfileInput, TitleChangeInput, RequestReceipt } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/auth/actor';
import { requestClosure } from './closure.service';
import { getMyProfile, requestIdentityChange, requestTitleChange, updatePlainProfile } from './profile.service';

/** 用户资料管理: 基本信息 (saved at once) and 职称 (reviewed by the employer); the phone and e-mail are identity's. */
export const profileRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['用户资料管理'];

  app.get('/api/me/profile', { schema: { tags, response: { 200: MyProfile } } }, async (req) => getMyProfile(ctx, requireActor(req)));
  app.put('/api/me/profile', { schema: { tags, body: PlainProfileInput, response: { 200: OkMessage } } }, async (req) =>
    updatePlainProfile(ctx, requireActor(req), req.body, originOf(req)),
  );
  app.post('/api/me/title-change', { schema: { tags, body: TitleChangeInput, response: { 201: RequestReceipt } } }, async (req, reply) =>
    reply.code(201).send(await requestTitleChange(ctx, requireActor(req), req.body, originOf(req))),
  );
  app.post('/api/me/closure', { schema: { tags, body: ClosureInput, response: { 201: RequestReceipt } } }, async (req, reply) =>
    reply.code(201).send(await requestClosure(ctx, requireActor(req), req.body, originOf(req))),
  );
  app.post('/api/me/identity-change', { schema: { tags, body: IdentityChangeInput, response: { 201: RequestReceipt } } }, async (req, reply) =>
    reply.code(201).send(await requestIdentityChange(ctx, requireActor(req), req.body, originOf(req))),
  );
};
