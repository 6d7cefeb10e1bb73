import { z } from 'zod';
import { forgetAllSessions } from '../../platform/auth/session-cache';
import { writeAudit } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { moveProfessionalsOfOrg } from '../people';
import { defineRequestKind, rewriteScopePaths, type RequestKindDefinition } from '../reviews';
import { findOpenOrgRequest, lockOrgForMove } from './org-changes.repository';
import { mergeOrgInto } from './organizations.writes';

export const ORG_MERGE_KIND = 'organizations.orgMerge';

const OrgRef = z.object({ id: z.string(), name: z.string() });
export const OrgMergePayload = z.object({ merged: OrgRef, survivor: OrgRef, bureauId: z.string(), explanation: z.string() });
export type OrgMergePayload = z.infer<typeof OrgMergePayload>;

type Locked = Awaited<ReturnType<typeof lockOrgForMove>>;

/** Why `survivor` cannot take in `merged` now, or null. */
export const mergeRefusal = (merged: NonNullable<Locked>, survivor: Locked) => {
  if (survivor?.status !== 'active' || survivor.kind !== merged.kind) return '合并后保留的单位不存在、已停用或类型不同，请重新选择';
  if (survivor.id === merged.id) return '不能与本单位合并';
  if (survivor.path.startsWith(merged.path)) return '不能合并到本单位的下级单位';
  return null;
};

/**
 * 单位合并 (seed 002 审核单位合并): the merged org asks, the bureau above it approves; in one transaction its people,
 * sub-units and requests (and so their records) move to the surviving org, and the merged org closes.
 */
export const orgMergeKind = defineRequestKind<OrgMergePayload>({
  kind: ORG_MERGE_KIND,
  label: '单位合并',
  permission: 'reviews.orgMerges',
  payloadSchema: OrgMergePayload,
  withdrawnByOrgWith: 'org.profile',
  validate: async ({ tx, payload }) => {
    if (await findOpenOrgRequest(tx, payload.merged.id, ORG_MERGE_KIND)) throw new AppError('CONFLICT', '已有单位合并申请在审核中');
  },
  route: async ({ payload }) => [payload.bureauId],
  summarize: async ({ payload }) => ({
    title: `单位合并：${payload.merged.name} → ${payload.survivor.name}`,
    subjectOrgId: payload.merged.id,
    searchText: `单位合并 ${payload.survivor.name}`,
  }),
  effect: async ({ tx, ctx, request, actor }) => {
    const { merged, survivor } = request.payload;
    const locked = new Map<string, Locked>();
    for (const id of [merged.id, survivor.id].sort()) locked.set(id, await lockOrgForMove(tx, id));
    const [from, to] = [locked.get(merged.id), locked.get(survivor.id)];
    if (from?.status !== 'active') throw new AppError('CONFLICT', '被合并的单位已不是正常状态，本次合并不能生效，请驳回');
    const refusal = mergeRefusal(from, to);
    if (refusal) throw new AppError('CONFLICT', `${refusal}。本次合并不能生效，请驳回`);
    const people = await moveProfessionalsOfOrg(tx, from.id, to!.id);
    const units = await mergeOrgInto(tx, { merged: from, survivor: to!, now: ctx.clock.now() });
    const requests = await rewriteScopePaths(tx, from.path, to!.path);
    forgetAllSessions();
    await writeAudit(tx, ctx.clock, {
      event: 'ORG_MERGED',
      actor: actor ? { personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId } : null,
      target: { type: 'org', id: from.id },
      detail: { request: request.id, into: to!.id, people, units, requests },
    });
  },
  present: (p) => [
    { label: '被合并单位', value: p.merged.name },
    { label: '合并后保留的单位', value: p.survivor.name },
    { label: '合并说明', value: p.explanation },
  ],
} satisfies RequestKindDefinition<OrgMergePayload>);
