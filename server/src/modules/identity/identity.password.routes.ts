import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordInput, ForgotPasswordResetInput, ForgotPasswordSendInput, ForgotPasswordSendResult, Ok } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { PUBLIC } from '../../platform/http/access';
import { originOf, requireActor } from '../../platform/auth/actor';
import { changePassword } from './identity.passwords';
import { resetWithCode, sendResetCode } from './identity.forgot';

/** The new password is checked by the service, so every policy refusal is one PASSWORD_POLICY error. */
const NewPassword = z.string().min(1, { message: '请输入新密码' }).max(128);

/** 修改密码 and 忘记密码. */
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
};
