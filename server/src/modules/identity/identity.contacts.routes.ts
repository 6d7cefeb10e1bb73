import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ContactChangeInput, ForgotPasswordSendResult, NewContact, OkMessage } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/auth/actor';
import { changeContact, sendContactCode } from './identity.contacts';

/** 基本信息修改 of the phone and e-mail: a code to the new one, then the change (any signed-in account's person). */
export const contactRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['用户资料管理'];

  app.post('/api/me/contact-code', { schema: { tags, body: NewContact, response: { 200: ForgotPasswordSendResult } } }, async (req) =>
    sendContactCode(ctx, requireActor(req), req.body, originOf(req)),
  );
  app.post('/api/me/contact', { schema: { tags, body: ContactChangeInput, response: { 200: OkMessage } } }, async (req) =>
    changeContact(ctx, requireActor(req), req.body, originOf(req)),
  );
};
