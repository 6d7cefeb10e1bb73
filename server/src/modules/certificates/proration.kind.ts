import { z } from 'zod';
import { defineRequestKind, type RequestKindDefinition } from '../reviews';
import { claimRoute } from '../claims';
import { deleteProrationOf, findLatestApprovedProration, upsertProration } from './proration.repository';

export const PRORATION_KIND = 'completion.proration';

export const ProrationPayload = z.object({
  employerId: z.string(),
  creditYear: z.number().int(),
  reason: z.string(),
  monthsInPost: z.number().int(),
  explanation: z.string(),
  /** The year's standard and what it becomes, for the reviewers. */
  standard: z.object({ public: z.number(), specialized: z.number(), total: z.number() }),
  prorated: z.object({ public: z.number(), specialized: z.number(), total: z.number() }),
});
export type ProrationPayload = z.infer<typeof ProrationPayload>;

const hours3 = (h: ProrationPayload['standard']) => `公需${h.public} + 专业${h.specialized}，共${h.total}学时`;

/**
 * 年度学时折算: reviewed like an hours claim (employer, 主管部门, the bureau of the employer's region, in 学时审核), and
 * on the final approval the year's requirement is prorated to the months in post.
 */
export const prorationKind = defineRequestKind<ProrationPayload>({
  kind: PRORATION_KIND,
  label: '年度学时折算',
  permission: 'claims.review',
  readPermissions: ['claims.records'],
  hasCreditYear: true,
  payloadSchema: ProrationPayload,
  route: ({ tx, payload }) => claimRoute(tx, payload.employerId),
  summarize: async ({ payload }) => ({
    title: `${payload.creditYear}年度学时折算：${payload.reason}，在岗${payload.monthsInPost}个月`,
    subjectOrgId: payload.employerId,
    creditYear: payload.creditYear,
    searchText: `学时折算 ${payload.reason}`,
  }),
  effect: async ({ tx, ctx, request }) =>
    upsertProration(tx, {
      personId: request.applicantPersonId,
      creditYear: request.payload.creditYear,
      monthsInPost: request.payload.monthsInPost,
      reason: request.payload.reason,
      requestId: request.id,
      approvedAt: ctx.clock.now(),
    }),
  /** 审验不通过: its months no longer count; an earlier approval of the same year that still stands applies again. */
  onRevoked: async ({ tx, ctx, request }) => {
    await deleteProrationOf(tx, request.id);
    const earlier = await findLatestApprovedProration(tx, {
      personId: request.applicantPersonId,
      kind: PRORATION_KIND,
      creditYear: request.payload.creditYear,
      exceptId: request.id,
    });
    if (!earlier) return;
    const payload = ProrationPayload.parse(earlier.payload);
    await upsertProration(tx, {
      personId: request.applicantPersonId,
      creditYear: payload.creditYear,
      monthsInPost: payload.monthsInPost,
      reason: payload.reason,
      requestId: earlier.id,
      approvedAt: earlier.decidedAt ?? ctx.clock.now(),
    });
  },
  present: (p) => [
    { label: '年度', value: p.creditYear },
    { label: '折算事由', value: p.reason },
    { label: '年度内在岗', value: `${p.monthsInPost}个月` },
    { label: '原要求', value: hours3(p.standard) },
    { label: '折算后要求', value: hours3(p.prorated) },
    { label: '情况说明', value: p.explanation },
  ],
} satisfies RequestKindDefinition<ProrationPayload>);
