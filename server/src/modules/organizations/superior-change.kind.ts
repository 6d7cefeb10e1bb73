import { z } from 'zod';
import { orgKindLabels } from '@cep/contracts';
import { forgetAllSessions } from '../../platform/auth/session-cache';
import { writeAudit } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { defineRequestKind, rewriteScopePaths, type RequestKindDefinition } from '../reviews';
import { findOpenOrgRequest, lockOrgForMove } from './org-changes.repository';
import { moveSubtree } from './organizations.writes';

export const SUPERIOR_CHANGE_KIND = 'organizations.superiorChange';

/** Who may be whose superior: an employer's parent employer, authority or peer bureau; an authority's bureau; a provider's authority or bureau. */
export const SUPERIOR_KINDS: Record<string, string[]> = {
  employer: ['employer', 'authority', 'hrBureau'],
  authority: ['hrBureau'],
  provider: ['authority', 'hrBureau'],
};

const OrgRef = z.object({ id: z.string(), name: z.string() });
export const SuperiorChangePayload = z.object({ orgId: z.string(), orgName: z.string(), orgKind: z.string(), from: OrgRef, to: OrgRef });
export type SuperiorChangePayload = z.infer<typeof SuperiorChangePayload>;

type Target = Awaited<ReturnType<typeof lockOrgForMove>>;

/** Why `to` cannot be the org's superior now, or null. */
export const superiorRefusal = (org: { id: string; kind: string; path: string; superiorId: string | null }, to: Target) => {
  if (to?.status !== 'active' || !SUPERIOR_KINDS[org.kind]?.includes(to.kind))
    return '所选上级部门不存在、已停用或不能作为本单位的上级部门，请重新选择';
  if (to.id === org.superiorId) return '所选上级部门与当前上级部门相同，无需更换';
  if (to.path.startsWith(org.path)) return '不能选择本单位或本单位的下级单位作为上级部门';
  return null;
};

/**
 * 更换上级部门 (seed 000 7, 002 FAQ 28, 004 12): the old superior, then the new one, approve in 审核机构信息修改; on
 * approval the org's whole subtree (sub-units, their people, requests and records) moves in one transaction: paths
 * rewritten, the region following the new superior, every admin's data scope following at once.
 */
export const superiorChangeKind = defineRequestKind<SuperiorChangePayload>({
  kind: SUPERIOR_CHANGE_KIND,
  label: '更换上级部门',
  permission: 'reviews.orgChanges',
  payloadSchema: SuperiorChangePayload,
  withdrawnByOrgWith: 'org.profile',
  withdrawableUntil: 'final',
  validate: async ({ tx, payload }) => {
    if (await findOpenOrgRequest(tx, payload.orgId, SUPERIOR_CHANGE_KIND)) throw new AppError('CONFLICT', '已有更换上级部门申请在审核中');
  },
  route: async ({ payload }) => [payload.from.id, payload.to.id],
  summarize: async ({ payload }) => ({
    title: `更换上级部门：${payload.orgName}，${payload.from.name} → ${payload.to.name}`,
    subjectOrgId: payload.orgId,
    searchText: `更换上级部门 ${payload.to.name}`,
  }),
  effect: async ({ tx, ctx, request, actor }) => {
    const { orgId, from, to } = request.payload;
    // The org and its new superior, locked in one order (by id) so two moves cannot deadlock.
    const locked = new Map<string, Target>();
    for (const id of [orgId, to.id].sort()) locked.set(id, await lockOrgForMove(tx, id));
    const [org, target] = [locked.get(orgId), locked.get(to.id)];
    if (org?.superiorId !== from.id) throw new AppError('CONFLICT', '该单位的上级部门已变化，本次更换不能生效，请驳回');
    const refusal = superiorRefusal(org, target);
    if (refusal) throw new AppError('CONFLICT', `${refusal}。本次更换不能生效，请驳回`);
    const moved = await moveSubtree(tx, {
      orgId,
      oldPath: org.path,
      newSuperior: { id: target!.id, path: target!.path, regionCode: target!.regionCode },
      oldRegionCode: org.regionCode,
      now: ctx.clock.now(),
    });
    const requests = await rewriteScopePaths(tx, org.path, moved.newPath);
    forgetAllSessions();
    await writeAudit(tx, ctx.clock, {
      event: 'ORG_SUPERIOR_CHANGED',
      actor: actor ? { personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId } : null,
      target: { type: 'org', id: orgId },
      detail: { request: request.id, from: from.id, to: to.id, orgs: moved.orgs, requests },
    });
  },
  present: (p) => [
    { label: '单位', value: `${p.orgName}（${orgKindLabels[p.orgKind as keyof typeof orgKindLabels] ?? p.orgKind}）` },
    { label: '上级部门', value: p.to.name, previous: p.from.name },
  ],
} satisfies RequestKindDefinition<SuperiorChangePayload>);
