import { subordinatePermissions, SubordinateKind, type SubordinateQuery } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { auditActorOf, type Actor } from '../../platform/auth/actor';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import * as orgs from './organizations.repository';

export const orgNotFound = () => new AppError('NOT_FOUND', '机构不存在或不在您的管理范围内');

/** The actor must hold the module that manages orgs of `kind` (管理下级人社 / 主管部门 / 用人单位 / 继续教育基地). */
export const assertManagesKind = (actor: Actor, kind: string) => {
  const parsed = SubordinateKind.safeParse(kind);
  if (!parsed.success) throw orgNotFound();
  if (actor.accountKind !== 'admin' || !actor.permissions.has(subordinatePermissions[parsed.data])) throw new AppError('FORBIDDEN');
};

export const listSubordinates = (ctx: AppContext, actor: Actor, query: SubordinateQuery) => {
  assertManagesKind(actor, query.kind);
  return orgs.listSubordinates(ctx.db, actor, query);
};

/** An org below the actor's, in scope and of a kind the actor manages; out of scope is 404. */
export const managedSubordinate = async (db: DbOrTx, actor: Actor, orgId: string) => {
  const org = await orgs.findSubordinate(db, actor, orgId);
  if (!org) throw orgNotFound();
  assertManagesKind(actor, org.kind);
  return org;
};

/** A subordinate's 详情, which names its super admin: the view is audited (SECURITY L1). */
export const getSubordinate = async (ctx: AppContext, actor: Actor, orgId: string, origin: AuditOrigin) => {
  const org = await managedSubordinate(ctx.db, actor, orgId);
  await writeAudit(ctx.db, ctx.clock, { event: 'SUBORDINATE_DETAIL_VIEW', actor: auditActorOf(actor), origin, target: { type: 'org', id: org.id } });
  return { org, superAdmin: await orgs.findSuperAdmin(ctx.db, org.id) };
};

/** 基本信息: the actor's own org with its superior and region. */
export const getOwnProfile = async (ctx: AppContext, actor: Actor) => {
  const org = await orgs.findOrg(ctx.db, actor.orgId);
  if (!org) throw orgNotFound();
  return { org, superAdmin: await orgs.findSuperAdmin(ctx.db, org.id) };
};
