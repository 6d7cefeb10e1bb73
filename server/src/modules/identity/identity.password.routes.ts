import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdminResetResult, ChangePasswordInput, ForgotPasswordResetInput, ForgotPasswordSendInput, ForgotPasswordSendResult,
  Ok, OutboxPage, PageQuery, Uuid,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { PUBLIC } from '../../platform/http/access';
import { originOf, requireActor, requirePermission } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { changePassword } from './identity.passwords';
import { adminResetPassword } from './identity.admin-reset';
import { resetWithCode, sendResetCode } from './identity.forgot';
import { canResetPasswords } from './identity.policy';
import { listOutbox } from './identity.outbox';

/** The new password is checked by the service, so every policy refusal is one PASSWORD_POLICY error. */
const NewPassword = z.string().min(1, { message: '请输入新密码' }).max(128);

const resetActor = (req: FastifyRequest) => {
  const actor = requireActor(req);
  if (!canResetPasswords(actor)) throw new AppError('FORBIDDEN');
  return actor;
};

/** 修改密码, 忘记密码, admin reset (重置密码) and the platform outbox the demo reads codes from. */
export const passwordRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  app.post(
    '/api/auth/password/change',
    { schema: { tags, body: ChangePasswordInput.extend({ newPassword: NewPassword }), response: { 200: Ok } } },
    async (req) => changePassword(ctx, originOf(req), requireActor(req, { allowPasswordChangeOnly: true }), req.body),
  );

  app.post(
    '/api/auth/password/forgot/send-code',
    { ...PUBLIC, schema: { tags, body: ForgotPasswordSendInput, response: { 200: ForgotPasswordSendResult } } },
    async (req) => sendResetCode(ctx, originOf(req), req.body),
  );

  app.post(
    '/api/auth/password/forgot/reset',
    { ...PUBLIC, schema: { tags, body: ForgotPasswordResetInput.extend({ newPassword: NewPassword }), response: { 200: Ok } } },
    async (req) => resetWithCode(ctx, originOf(req), req.body),
  );

  app.post(
    '/api/people/:personId/password-reset',
    { schema: { tags: ['people'], params: z.object({ personId: Uuid }), response: { 200: AdminResetResult } } },
    async (req) => adminResetPassword(ctx, originOf(req), resetActor(req), req.params.personId),
  );

  app.get('/api/ops/outbox', { schema: { tags: ['ops'], querystring: PageQuery, response: { 200: OutboxPage } } }, async (req) => {
    requirePermission(req, 'ops.outbox');
    return listOutbox(ctx, req.query);
  });
};
