import type { OrgChangeInput, OrgChangesQuery, OrgClosureInput, OrgMergeInput, SuperiorChangeInput } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { AuditOrigin } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import { listOpenInSubtree, listOrgRequests, submitRequest } from '../reviews';
import { ORG_CHANGE_KIND, type OrgChangePayload } from './org-change.kind';
import { findOrg } from './organizations.repository';
import { countLiving, findBureauAbove, findOpenOrgRequest, findOrgForMove } from './org-changes.repository';
import { livingRefusal } from './org-changes.rules';
import { ORG_CLOSURE_KIND, type OrgClosurePayload } from './org-closure.kind';
import { mergeRefusal, ORG_MERGE_KIND, type OrgMergePayload } from './org-merge.kind';
import { SUPERIOR_CHANGE_KIND, superiorRefusal, type SuperiorChangePayload } from './superior-change.kind';

/** The kinds an org's 变更记录 lists. */
export const ORG_CHANGE_KINDS = [ORG_CHANGE_KIND, SUPERIOR_CHANGE_KIND, ORG_CLOSURE_KIND, ORG_MERGE_KIND];

/** How many of the pending items a refusal lists. */
const PENDING_LISTED = 20;

/** Orgs that registered (and so have a superior that reviewed them); bureaus are provisioned from the profile. */
const CHANGEABLE = new Set(['employer', 'authority', 'provider']);

/** The org of a super admin that may change its own facts: a registered org, active, under a superior. */
const ownChangeableOrg = async (ctx: AppContext, actor: Actor) => {
  if (!actor.isSuperAdmin) throw new AppError('FORBIDDEN', '请使用本单位超级管理员账号修改单位信息');
  const org = await findOrg(ctx.db, actor.orgId);
  if (!org || !CHANGEABLE.has(org.kind)) throw new AppError('FORBIDDEN', '人社部门的机构信息由平台根据省级配置维护，不能在此修改');
  if (org.status !== 'active' || !org.superiorId) throw new AppError('INVALID_STATE', '本单位账号不可用，暂不能修改单位信息');
  return { ...org, superiorId: org.superiorId };
};

/** 修改单位信息 by the org's super admin (seed 002 FAQ 29: 超级管理员账号), with the licence scan. */
export const fileOrgChange = async (ctx: AppContext, actor: Actor, input: OrgChangeInput, origin: AuditOrigin) => {
  const org = await ownChangeableOrg(ctx, actor);
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

/** An org whose 单位注销 waits takes nobody and nothing in (its closure would fail, or leave them in a closed org). */
const closingRefusal = async (ctx: AppContext, target: { id: string; name: string }) =>
  (await findOpenOrgRequest(ctx.db, target.id, ORG_CLOSURE_KIND)) ? `${target.name}正在办理单位注销，不能选择` : null;

/**
 * 更换上级部门 (seed 000 7): refused while the org or anything under it has requests waiting (the refusal lists them,
 * with 撤回 where this admin may take one back); then the old superior and the new one approve.
 */
export const fileSuperiorChange = async (ctx: AppContext, actor: Actor, input: SuperiorChangeInput, origin: AuditOrigin) => {
  const org = await ownChangeableOrg(ctx, actor);
  const [self, target, from] = await Promise.all([
    findOrgForMove(ctx.db, org.id),
    findOrgForMove(ctx.db, input.superiorId),
    findOrgForMove(ctx.db, org.superiorId),
  ]);
  const refusal = superiorRefusal(self!, target) ?? (await closingRefusal(ctx, target!));
  if (refusal) throw new AppError('VALIDATION_FAILED', refusal, { details: { field: 'superiorId' } });
  const pending = await listOpenInSubtree(ctx.db, actor, self!.path, PENDING_LISTED);
  if (pending.length > 0)
    throw new AppError('CONFLICT', '本单位或下级单位还有待审核或审核中的信息，请先处理（审核、驳回或撤回）后再更换上级部门', {
      details: { pending },
    });
  const payload: SuperiorChangePayload = {
    orgId: org.id,
    orgName: org.name,
    orgKind: org.kind,
    from: { id: from!.id, name: from!.name },
    to: { id: target!.id, name: target!.name },
  };
  const row = await submitRequest({
    ctx,
    kind: SUPERIOR_CHANGE_KIND,
    applicant: { personId: actor.personId, accountId: actor.accountId },
    payload,
    origin,
  });
  return { id: row.id, status: row.status, message: `已提交更换上级部门申请，需${from!.name}和${target!.name}双方审核通过后生效` };
};

/**
 * 单位注销: only an org with nobody and nothing left under it (people transferred or closed, sub-units moved or closed,
 * nothing waiting); the bureau above it decides.
 */
export const fileOrgClosure = async (ctx: AppContext, actor: Actor, input: OrgClosureInput, origin: AuditOrigin) => {
  const org = await ownChangeableOrg(ctx, actor);
  if (org.kind === 'provider') throw new AppError('FORBIDDEN', '继续教育机构的注销请联系上级部门办理');
  const living = await countLiving(ctx.db, org);
  const left = livingRefusal(living);
  if (left) {
    const steps = [
      living.people ? '在册人员办理调转或注销' : null,
      living.registering ? '审核（通过或驳回）待审核的注册人员' : null,
      living.orgs ? '下级单位更换上级部门或注销' : null,
    ].filter(Boolean);
    throw new AppError('INVALID_STATE', `本单位${left}，请先${steps.join('、')}后再申请注销`, { details: living });
  }
  const pending = await listOpenInSubtree(ctx.db, actor, org.path, PENDING_LISTED);
  if (pending.length > 0) throw new AppError('CONFLICT', '本单位还有待审核或审核中的信息，请先处理后再申请注销', { details: { pending } });
  const bureau = await findBureauAbove(ctx.db, org.path);
  if (!bureau) throw new AppError('INVALID_STATE', '未找到本单位所属的人社部门');
  const payload: OrgClosurePayload = { orgId: org.id, orgName: org.name, bureauId: bureau.id, explanation: input.explanation };
  const row = await submitRequest({
    ctx,
    kind: ORG_CLOSURE_KIND,
    applicant: { personId: actor.personId, accountId: actor.accountId },
    payload,
    origin,
  });
  return { id: row.id, status: row.status, message: `已提交单位注销申请，${bureau.name}审核通过后生效；注销后仍可登录查看基本信息和操作记录` };
};

/** 单位合并: the merged org's super admin names the surviving org (same kind); nothing may wait under the merged org. */
export const fileOrgMerge = async (ctx: AppContext, actor: Actor, input: OrgMergeInput, origin: AuditOrigin) => {
  const org = await ownChangeableOrg(ctx, actor);
  if (org.kind === 'provider') throw new AppError('FORBIDDEN', '继续教育机构的合并请联系上级部门办理');
  const [self, survivor] = await Promise.all([findOrgForMove(ctx.db, org.id), findOrgForMove(ctx.db, input.survivorId)]);
  const refusal = mergeRefusal(self!, survivor) ?? (await closingRefusal(ctx, survivor!));
  if (refusal) throw new AppError('VALIDATION_FAILED', refusal, { details: { field: 'survivorId' } });
  const pending = await listOpenInSubtree(ctx.db, actor, org.path, PENDING_LISTED);
  if (pending.length > 0) throw new AppError('CONFLICT', '本单位或下级单位还有待审核或审核中的信息，请先处理后再申请合并', { details: { pending } });
  const bureau = await findBureauAbove(ctx.db, org.path);
  if (!bureau) throw new AppError('INVALID_STATE', '未找到本单位所属的人社部门');
  const payload: OrgMergePayload = {
    merged: { id: org.id, name: org.name },
    survivor: { id: survivor!.id, name: survivor!.name },
    bureauId: bureau.id,
    explanation: input.explanation,
  };
  const row = await submitRequest({
    ctx,
    kind: ORG_MERGE_KIND,
    applicant: { personId: actor.personId, accountId: actor.accountId },
    payload,
    origin,
  });
  return { id: row.id, status: row.status, message: `已提交单位合并申请，${bureau.name}审核通过后，本单位人员、下级单位和记录并入${survivor!.name}` };
};
