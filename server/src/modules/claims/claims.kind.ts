import { z } from 'zod';
import { LearningCategory, learningCategoryLabels } from '@cep/contracts';
import { defineRequestKind, type RequestKindDefinition } from '../reviews';
import { creditHours, findBureauOfRegion, findOrgForRoute, reverseHours } from './claims.repository';
import type { DbOrTx } from '../../platform/db/database';

export const CLAIM_KIND = 'claim.hours';

/** A claim as filed: the form's fields with their labels (for reviewers), and the hours the rule engine gave. */
export const ClaimPayload = z.object({
  employerId: z.string(),
  formCode: z.string(),
  formName: z.string(),
  creditYear: z.number().int(),
  category: LearningCategory,
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number().nullable(),
  fullYear: z.array(LearningCategory).nullable(),
  explanation: z.string(),
  assessmentResult: z.string().nullable(),
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  /** The person credited, when an admin filed the claim for them (学时学分申报); else the applicant. */
  personId: z.string().optional(),
  /** Who that person is, for the reviewers (the ID number masked). */
  claimant: z.object({ name: z.string(), idNumberMasked: z.string() }).optional(),
});
export type ClaimPayload = z.infer<typeof ClaimPayload>;

/**
 * Who reviews a claim, in order (seed 002 学时审核流程: 用人单位—主管部门—人社部门): the employer, its 主管部门 when
 * it has one, and the HR bureau of the employer's region; an employer filed directly under a bureau goes employer
 * -> bureau, and a bureau's own staff (employer and bureau one org) go to the bureau once (the engine merges them).
 */
export const claimRoute = async (db: DbOrTx, employerId: string): Promise<string[]> => {
  const employer = await findOrgForRoute(db, employerId);
  if (!employer) return [];
  const superior = employer.superiorId ? await findOrgForRoute(db, employer.superiorId) : undefined;
  const bureau = await findBureauOfRegion(db, employer.regionCode);
  return [employer.id, ...(superior?.kind === 'authority' ? [superior.id] : []), ...(bureau ? [bureau.id] : [])];
};

const hoursText = (p: ClaimPayload) =>
  p.fullYear ? `完成年度全部${p.fullYear.map((c) => learningCategoryLabels[c]).join('和')}学时` : `${p.hours}学时`;

export const claimKindDefinition: RequestKindDefinition<ClaimPayload> = {
  kind: CLAIM_KIND,
  label: '学时申报',
  permission: 'claims.review',
  readPermissions: ['claims.records'],
  hasCreditYear: true,
  payloadSchema: ClaimPayload,
  participants: (p) => (p.personId ? [p.personId] : []),
  route: ({ tx, payload }) => claimRoute(tx, payload.employerId),
  summarize: async ({ payload }) => ({
    // The hours in the title: a reviewer sees them in the queue and the applicant in every notice.
    title: `${payload.claimant ? `为${payload.claimant.name}申报 ` : ''}${payload.formName}：${payload.title}（${hoursText(payload)}）`,
    subjectOrgId: payload.employerId,
    creditYear: payload.creditYear,
    searchText: `${payload.formName} ${payload.title} ${payload.claimant?.name ?? ''}`,
  }),
  /** On final approval the hours count: one record per category, added to the person-year in this transaction. */
  effect: async ({ tx, ctx, request }) => {
    const p = request.payload;
    const categories = p.fullYear ?? [p.category];
    await creditHours(
      tx,
      categories.map((category) => ({
        personId: p.personId ?? request.applicantPersonId,
        creditYear: p.creditYear,
        category,
        hours: p.fullYear ? 0 : (p.hours ?? 0),
        fullYear: p.fullYear !== null,
        source: 'claim' as const,
        requestId: request.id,
        formCode: p.formCode,
        title: `${p.formName}：${p.title}`,
      })),
      ctx.clock.now(),
    );
  },
  /** 审验不通过 after the final approval: the claim's hours stop counting, in the same transaction. */
  onRevoked: async ({ tx, ctx, request }) => reverseHours(tx, request.id, ctx.clock.now()),
  present: (p) => [
    ...(p.claimant ? [{ label: '申报对象', value: `${p.claimant.name}（${p.claimant.idNumberMasked}）` }] : []),
    { label: '学习形式', value: p.formName },
    { label: '认证年度', value: p.creditYear },
    { label: '科目类别', value: learningCategoryLabels[p.category] },
    { label: '学习内容', value: p.title },
    { label: '起止时间', value: `${p.startDate} 至 ${p.endDate}` },
    { label: '申请学时', value: hoursText(p) },
    { label: '计算方式', value: p.explanation },
    ...p.fields,
    { label: '考核结果', value: p.assessmentResult },
  ],
};

export const claimKind = defineRequestKind(claimKindDefinition);
