import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { defineRequestKind, type RequestKindDefinition } from '../reviews';
import { findOpenOrgRequest, isCreditCodeTakenByOther } from './org-changes.repository';
import { setOrgIdentityIfUnchanged } from './organizations.writes';

export const ORG_CHANGE_KIND = 'organizations.orgChange';

const Identity = z.object({ name: z.string(), creditCode: z.string().nullable() });
export const OrgChangePayload = z.object({ orgId: z.string(), superiorId: z.string(), before: Identity, after: Identity });
export type OrgChangePayload = z.infer<typeof OrgChangePayload>;

export const CREDIT_CODE_IN_USE = '该统一社会信用代码已被其他单位使用，请核对后再提交';

/**
 * 修改单位信息 (seed 000 4, 002 FAQ 29): a new name and/or credit code with the licence scan; the superior reviews it
 * in 审核机构信息修改; "已有修改单位信息在审核流程中" while one waits; 撤销 by any admin of the org who may edit its
 * profile, until the superior decides.
 */
export const orgChangeKind = defineRequestKind<OrgChangePayload>({
  kind: ORG_CHANGE_KIND,
  label: '机构信息修改',
  permission: 'reviews.orgChanges',
  payloadSchema: OrgChangePayload,
  withdrawnByOrgWith: 'org.profile',
  validate: async ({ tx, payload: { orgId, before, after } }) => {
    if (before.name === after.name && before.creditCode === after.creditCode)
      throw new AppError('VALIDATION_FAILED', '单位名称和统一社会信用代码都没有变化，无需提交');
    if (await findOpenOrgRequest(tx, orgId, ORG_CHANGE_KIND))
      throw new AppError('CONFLICT', '已有修改单位信息在审核流程中，可在“变更记录”中查看或撤销');
    if (after.creditCode && after.creditCode !== before.creditCode && (await isCreditCodeTakenByOther(tx, after.creditCode, orgId)))
      throw new AppError('ALREADY_EXISTS', CREDIT_CODE_IN_USE, { details: { field: 'creditCode' } });
  },
  route: async ({ payload }) => [payload.superiorId],
  summarize: async ({ payload: { orgId, before, after } }) => ({
    title: before.name === after.name ? `修改统一社会信用代码：${before.name}` : `修改单位名称：${before.name} → ${after.name}`,
    subjectOrgId: orgId,
    searchText: `机构信息修改 ${after.name} ${after.creditCode ?? ''}`,
  }),
  effect: async ({ tx, ctx, request }) => {
    const { orgId, before, after } = request.payload;
    if (after.creditCode && after.creditCode !== before.creditCode && (await isCreditCodeTakenByOther(tx, after.creditCode, orgId)))
      throw new AppError('CONFLICT', `${CREDIT_CODE_IN_USE}。本次修改不能生效，请驳回`);
    if (!(await setOrgIdentityIfUnchanged(tx, { orgId, before, after, now: ctx.clock.now() })))
      throw new AppError('CONFLICT', '该单位的名称或信用代码已变化，本次修改不能生效，请驳回');
  },
  present: ({ before, after }) => [
    { label: '单位名称', value: after.name, previous: before.name },
    { label: '统一社会信用代码', value: after.creditCode, previous: before.creditCode },
  ],
} satisfies RequestKindDefinition<OrgChangePayload>);
