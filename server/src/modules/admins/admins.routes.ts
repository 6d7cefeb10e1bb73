import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AddAdminInput,
  AdminIdParams,
  AdminInvitation,
  AdminInvitationList,
  AdminInviteInput,
  AdminItem,
  AdminList,
  AdminListQuery,
  InvitationIdParams,
  Ok,
  UpdateAdminInput,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requirePermission } from '../../platform/auth/actor';
import { callerOf } from './admins.caller';
import { presentAdmin } from './admins.presenter';
import * as service from './admins.service';
import * as lifecycle from './admins.lifecycle';
import * as invitations from './invitations.service';
import { myInvitationRoutes } from './invitations.routes';
import { rolesRoutes } from './roles.routes';

const tags = ['管理单位管理员'];
const ok = { 200: Ok };

/**
 * 管理单位管理员 and 角色管理 of the actor's own org, and its invitations to people already on the platform.
 * 重置密码 is POST /api/people/:personId/password-reset.
 */
export const adminsRoutes = async (server: FastifyInstance, ctx: AppContext) => {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const caller = (req: FastifyRequest) => callerOf(ctx, requirePermission(req, 'org.admins'), originOf(req));

  app.get('/api/org/admins', { schema: { tags, querystring: AdminListQuery, response: { 200: AdminList } } }, async (req) => {
    const c = caller(req);
    return { items: (await service.listAdmins(c, req.query)).map((row) => presentAdmin(row, c.actor)) };
  });

  app.post('/api/org/admins', { schema: { tags, body: AddAdminInput, response: { 201: AdminItem } } }, async (req, reply) => {
    const c = caller(req);
    return reply.status(201).send(presentAdmin(await service.addAdmin(c, req.body), c.actor));
  });

  app.patch(
    '/api/org/admins/:accountId',
    { schema: { tags, params: AdminIdParams, body: UpdateAdminInput, response: { 200: AdminItem } } },
    async (req) => {
      const c = caller(req);
      return presentAdmin(await service.updateAdmin(c, req.params.accountId, req.body), c.actor);
    },
  );

  const action = (path: string, run: (c: ReturnType<typeof caller>, accountId: string) => Promise<void>, method: 'POST' | 'DELETE' = 'POST') =>
    app.route({
      method,
      url: `/api/org/admins/:accountId${path}`,
      schema: { tags, params: AdminIdParams, response: ok },
      handler: async (req) => {
        await run(caller(req), (req.params as { accountId: string }).accountId);
        return { ok: true as const };
      },
    });
  action('/disable', lifecycle.disableAdmin);
  action('/enable', lifecycle.enableAdmin);
  action('', lifecycle.removeAdmin, 'DELETE');
  action('/make-super-admin', lifecycle.handOverSuperAdmin);

  app.post('/api/org/admin-invitations', { schema: { tags, body: AdminInviteInput, response: { 201: AdminInvitation } } }, async (req, reply) =>
    reply.status(201).send(await invitations.inviteAdmin(caller(req), req.body)),
  );
  app.get('/api/org/admin-invitations', { schema: { tags, response: { 200: AdminInvitationList } } }, async (req) => ({
    items: await invitations.listOrgInvitations(caller(req)),
  }));
  app.delete('/api/org/admin-invitations/:invitationId', { schema: { tags, params: InvitationIdParams, response: ok } }, async (req) => {
    await invitations.cancelInvitation(caller(req), req.params.invitationId);
    return { ok: true as const };
  });

  await rolesRoutes(server, ctx);
  await myInvitationRoutes(server, ctx);
};
