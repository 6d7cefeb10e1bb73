import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AdminRole, AdminRoleList, Ok, RoleIdParams, RoleInput, RoleUpdateInput } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireAnyPermission, requirePermission } from '../../platform/auth/actor';
import { callerOf } from './admins.caller';
import { presentRole } from './admins.presenter';
import * as service from './roles.service';

const tags = ['角色管理'];

/** 角色管理: named sets of the org's permission modules. The admin page reads the list to assign roles. */
export const rolesRoutes = async (server: FastifyInstance, ctx: AppContext) => {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const caller = (req: Parameters<typeof requirePermission>[0]) => callerOf(ctx, requirePermission(req, 'org.roles'), originOf(req));

  app.get('/api/org/roles', { schema: { tags, response: { 200: AdminRoleList } } }, async (req) => {
    const actor = requireAnyPermission(req, ['org.roles', 'org.admins']);
    return { items: (await service.listRoles(callerOf(ctx, actor, originOf(req)))).map(presentRole) };
  });

  app.post('/api/org/roles', { schema: { tags, body: RoleInput, response: { 201: AdminRole } } }, async (req, reply) =>
    reply.status(201).send(presentRole(await service.createRole(caller(req), req.body))),
  );

  app.patch('/api/org/roles/:roleId', { schema: { tags, params: RoleIdParams, body: RoleUpdateInput, response: { 200: AdminRole } } }, async (req) =>
    presentRole(await service.updateRole(caller(req), req.params.roleId, req.body)),
  );

  app.delete('/api/org/roles/:roleId', { schema: { tags, params: RoleIdParams, response: { 200: Ok } } }, async (req) => {
    await service.deleteRole(caller(req), req.params.roleId);
    return { ok: true as const };
  });
};
