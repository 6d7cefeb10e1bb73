import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  MyRequestsPage,
  OrgChangeInput,
  OrgChangesQuery,
  OrgClosureInput,
  OrgMergeInput,
  OrgDetail,
  OrgIdParams,
  RevokeAdminsResult,
  SubordinatePage,
  SubordinateQuery,
  SuperiorChangeInput,
  RequestReceipt,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireActor, requirePermission } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { presentOrgDetail, presentOrgSummary } from './organizations.presenter';
import * as service from './organizations.service';
import { fileOrgChange, fileOrgClosure, fileOrgMerge, fileSuperiorChange, listOrgChanges } from './org-changes.service';
import * as revocation from './organizations.revocation';
import { divisionsRoutes } from './divisions.routes';

/** Any admin may reach these paths; which subordinates it may see is the kind's own module, checked in the service. */
const requireAdmin = (req: FastifyRequest) => {
  const actor = requireActor(req);
  if (actor.accountKind !== 'admin') throw new AppError('FORBIDDEN');
  return actor;
};

/** 本级机构 (基本信息, 内设部门) and 下属机构管理 (管理下级人社 / 主管部门 / 用人单位 / 继续教育基地 / 二级单位). */
export const organizationsRoutes = async (server: FastifyInstance, ctx: AppContext) => {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/org/profile', { schema: { tags: ['本级机构'], response: { 200: OrgDetail } } }, async (req) => {
    const { org, superAdmin } = await service.getOwnProfile(ctx, requirePermission(req, 'org.profile'));
    return presentOrgDetail(org, superAdmin);
  });

  app.post('/api/org/changes', { schema: { tags: ['本级机构'], body: OrgChangeInput, response: { 201: RequestReceipt } } }, async (req, reply) =>
    reply.code(201).send(await fileOrgChange(ctx, requirePermission(req, 'org.profile'), req.body, originOf(req))),
  );
  app.post(
    '/api/org/superior-change',
    { schema: { tags: ['本级机构'], body: SuperiorChangeInput, response: { 201: RequestReceipt } } },
    async (req, reply) => reply.code(201).send(await fileSuperiorChange(ctx, requirePermission(req, 'org.profile'), req.body, originOf(req))),
  );
  app.post('/api/org/closure', { schema: { tags: ['本级机构'], body: OrgClosureInput, response: { 201: RequestReceipt } } }, async (req, reply) =>
    reply.code(201).send(await fileOrgClosure(ctx, requirePermission(req, 'org.profile'), req.body, originOf(req))),
  );
  app.post('/api/org/merge', { schema: { tags: ['本级机构'], body: OrgMergeInput, response: { 201: RequestReceipt } } }, async (req, reply) =>
    reply.code(201).send(await fileOrgMerge(ctx, requirePermission(req, 'org.profile'), req.body, originOf(req))),
  );
  app.get('/api/org/changes', { schema: { tags: ['本级机构'], querystring: OrgChangesQuery, response: { 200: MyRequestsPage } } }, async (req) =>
    listOrgChanges(ctx, requirePermission(req, 'org.profile'), req.query),
  );

  const tags = ['下属机构管理'];
  app.get('/api/subordinates', { schema: { tags, querystring: SubordinateQuery, response: { 200: SubordinatePage } } }, async (req) => {
    const { items, total } = await service.listSubordinates(ctx, requireAdmin(req), req.query);
    return { items: items.map(presentOrgSummary), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/subordinates/:orgId', { schema: { tags, params: OrgIdParams, response: { 200: OrgDetail } } }, async (req) => {
    const { org, superAdmin } = await service.getSubordinate(ctx, requireAdmin(req), req.params.orgId, originOf(req));
    return presentOrgDetail(org, superAdmin);
  });

  const caller = (req: FastifyRequest) => ({ ctx, actor: requireAdmin(req), origin: originOf(req) });
  app.post('/api/subordinates/:orgId/revoke-admins', { schema: { tags, params: OrgIdParams, response: { 200: RevokeAdminsResult } } }, async (req) =>
    revocation.revokeAdmins(caller(req), req.params.orgId),
  );
  app.post('/api/subordinates/:orgId/restore-admins', { schema: { tags, params: OrgIdParams, response: { 200: RevokeAdminsResult } } }, async (req) =>
    revocation.restoreAdmins(caller(req), req.params.orgId),
  );

  await divisionsRoutes(server, ctx);
};
