import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdminResetResult, OkMessage, Uuid } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { adminResetMfa, adminResetPassword } from './identity.admin-reset';
import { canResetPasswords } from './identity.policy';

const PersonParams = z.object({ personId: Uuid });

const resetActor = (req: FastifyRequest) => {
  const actor = requireActor(req);
  if (!canResetPasswords(actor)) throw new AppError('FORBIDDEN');
  return actor;
};

/** An admin resets a person's credentials in its scope: 重置密码 and the second factor (/api/people/:personId/...). */
export const adminResetRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];

  app.post('/api/people/:personId/password-reset', { schema: { tags, params: PersonParams, response: { 200: AdminResetResult } } }, async (req) =>
    adminResetPassword(ctx, originOf(req), resetActor(req), req.params.personId),
  );

  app.post('/api/people/:personId/mfa-reset', { schema: { tags, params: PersonParams, response: { 200: OkMessage } } }, async (req) =>
    adminResetMfa(ctx, originOf(req), requireActor(req), req.params.personId),
  );
};
