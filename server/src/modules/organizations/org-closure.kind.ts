import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { defineRequestKind, type RequestKindDefinition } from '../reviews';
import { countLiving, findOpenOrgRequest, lockOrgForMove } from './org-changes.repository';
import { livingRefusal } from './org-changes.rules';
import { closeOrg } from './organizations.writes';

export const ORG_CLOSURE_KIND = 'organizations.orgClosure';

export const OrgClosurePayload = z.object({ orgId: z.string(), orgName: z.string(), bureauId: z.string(), explanation: z.string() });
export type OrgClosurePayload = z.infer<typeof OrgClosurePayload>;

/**
 * 单位注销 (seed 002 审核单位注销): an employer or authority with nobody and nothing left under it asks to close; the bureau
 * above it approves; afterwards it handles no business, and its admins still log in to see its 基本信息 and 变更记录.
 */
export const orgClosureKind = defineRequestKind<OrgClosurePayload>({
  kind: ORG_CLOSURE_KIND,
  label: '单位注销',
  permission: 'reviews.orgClosures',
  payloadSchema: OrgClosurePayload,
  withdrawnByOrgWith: 'org.profile',
  validate: async ({ tx, payload }) => {
    if (await findOpenOrgRequest(tx, payload.orgId, ORG_CLOSURE_KIND)) throw new AppError('CONFLICT', '已有单位注销申请在审核中');
  },
  route: async ({ payload }) => [payload.bureauId],
  summarize: async ({ payload }) => ({ title: `单位注销：${payload.orgName}`, subjectOrgId: payload.orgId, searchText: '单位注销' }),
  effect: async ({ tx, ctx, request }) => {
    // Filed empty, but people may have come in since (a transfer, a merge, a registration): checked again under the lock.
    const org = await lockOrgForMove(tx, request.payload.orgId);
    const left = org ? livingRefusal(await countLiving(tx, org)) : null;
    if (left) throw new AppError('CONFLICT', `该单位现在${left}，本次注销不能生效，请驳回`);
    if (!(await closeOrg(tx, request.payload.orgId, ctx.clock.now())))
      throw new AppError('CONFLICT', '该单位已不是正常状态，本次注销不能生效，请驳回');
  },
  present: (p) => [
    { label: '单位', value: p.orgName },
    { label: '情况说明', value: p.explanation },
  ],
} satisfies RequestKindDefinition<OrgClosurePayload>);
