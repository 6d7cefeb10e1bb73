import type { OrgChangeInput, OrgChangesQuery } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { AuditOrigin } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import { listOrgRequests, submitRequest } from '../reviews';
import { ORG_CHANGE_KIND, type OrgChangePayload } from './org-change.kind';
import { findOrg } from './organizations.repository';

/** The kinds an org's 变更记录 lists. */
export const ORG_CHANGE_KINDS = [ORG_CHANGE_KIND];

/** Orgs that registered (and so have a superior that reviewed them); bureaus are provisioned from the profile. */
const CHANGEABLE = new Set(['employer', 'authority', 'provider']);

/** 修改单位信息 by the org's super admin (seed 002 FAQ 29: 超级管理员账号), with the licence scan. */
export const fileOrgChange = async (ctx: AppContext, actor: Actor, input: OrgChangeInput, origin: AuditOrigin) => {
  if (!actor.isSuperAdmin) throw new AppError('FORBIDDEN', '请使用本单位超级管理员账号修改单位信息');
  const org = await findOrg(ctx.db, actor.orgId);
  if (!org || !CHANGEABLE.has(org.kind)) throw new AppError('FORBIDDEN', '人社部门的机构信息由平台根据省级配置维护，不能在此修改');
  if (org.status !== 'active' || !org.superiorId) throw new AppError('INVALID_STATE', '本单位账号不可用，暂不能修改单位信息');
  const payload: OrgChangePayload = {
    orgId: org.id,
    superiorId: org.superiorId,
    before: { name: org.name, creditCode: org.creditCode },
    after: { name: input.name ?? org.name, creditCode: input.creditCode ?? org.creditCode },
  };
  const row = await submitRequest({
    ctx,
    kind: ORG_CHANGE_KIND,
    applicant: { personId: actor.personId, accountId: actor.accountId },
    payload,
    origin,
    attachmentIds: input.attachmentIds,
  });
  return { id: row.id, status: row.status, message: '已提交修改单位信息，上级部门审核通过后生效' };
};

/** 变更记录: the org's own change requests, with 撤销 while they wait. */
export const listOrgChanges = (ctx: AppContext, actor: Actor, query: OrgChangesQuery) =>
  listOrgRequests(ctx, actor, { kinds: ORG_CHANGE_KINDS, ...query });
