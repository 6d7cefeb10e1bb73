import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { InvitationIdParams, MyAdminInvitationList, Ok, OkMessage } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/auth/actor';
import { callerOf } from './admins.caller';
import * as invitations from './invitations.service';

/** 管理员邀请 as the invited person sees them, whatever role they signed in with. */
export const myInvitationRoutes = async (server: FastifyInstance, ctx: AppContext) => {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['管理员邀请'];
  const caller = (req: FastifyRequest) => callerOf(ctx, requireActor(req), originOf(req));

  app.get('/api/me/admin-invitations', { schema: { tags, response: { 200: MyAdminInvitationList } } }, async (req) => ({
    items: await invitations.listMyInvitations(caller(req)),
  }));
  app.post(
    '/api/me/admin-invitations/:invitationId/accept',
    { schema: { tags, params: InvitationIdParams, response: { 200: OkMessage } } },
    async (req) => invitations.acceptInvitation(caller(req), req.params.invitationId),
  );
  app.post(
    '/api/me/admin-invitations/:invitationId/decline',
    { schema: { tags, params: InvitationIdParams, response: { 200: Ok } } },
    async (req) => {
      await invitations.declineInvitation(caller(req), req.params.invitationId);
      return { ok: true as const };
    },
  );
};
