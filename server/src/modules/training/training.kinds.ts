import { z } from 'zod';
import { LearningCategory, learningCategoryLabels, TrainingPlanInput } from '@cep/contracts';
import { defineRequestKind } from '../reviews';
import { claimRoute, creditHours, reverseHours } from '../claims';
import { PLAN_KIND, UNIT_CLAIM_KIND } from './training.repository';

/** Above the employer, which files it: its 主管部门 when it has one, then the bureau of its region (seed 002). */
const routeAboveEmployer = async (tx: Parameters<typeof claimRoute>[0], employerId: string) => (await claimRoute(tx, employerId)).slice(1);

/** The plan as filed: the checked input, under the employer that filed it. */
export const TrainingPlanPayload = TrainingPlanInput.extend({ employerId: z.string(), content: z.string().nullable() });
export type TrainingPlanPayload = z.infer<typeof TrainingPlanPayload>;

/** 单位培训计划: reviewed by 主管部门 then 同级人社 before any hours are claimed under it. */
export const trainingPlanKind = defineRequestKind<TrainingPlanPayload>({
  kind: PLAN_KIND,
  label: '单位培训计划',
  permission: 'claims.review',
  payloadSchema: TrainingPlanPayload,
  route: ({ tx, payload }) => routeAboveEmployer(tx, payload.employerId),
  summarize: async ({ payload }) => ({
    title: `${payload.title}（${payload.startDate} 至 ${payload.endDate}，每人${payload.hours}学时）`,
    subjectOrgId: payload.employerId,
    searchText: payload.place,
  }),
  present: (p) => [
    { label: '培训主题', value: p.title },
    { label: '科目类别', value: learningCategoryLabels[p.category] },
    { label: '起止时间', value: `${p.startDate} 至 ${p.endDate}` },
    { label: '培训地点', value: p.place },
    { label: '每人学时', value: `${p.hours}学时` },
    { label: '预计人数', value: `${p.expectedAttendees}人` },
    { label: '培训内容', value: p.content },
  ],
});

export const Attendee = z.object({ personId: z.string(), name: z.string(), idNumberMasked: z.string() });

export const UnitClaimPayload = z.object({
  employerId: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  creditYear: z.number().int(),
  category: LearningCategory,
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  attendees: z.array(Attendee),
});
export type UnitClaimPayload = z.infer<typeof UnitClaimPayload>;

/** How many attendees the details view names; the rest are counted. */
const NAMED_ATTENDEES = 200;

/** 学时申报 under an approved 单位培训计划: each attendee's hours count once the bureau approves. */
export const unitClaimKind = defineRequestKind<UnitClaimPayload>({
  kind: UNIT_CLAIM_KIND,
  label: '单位培训学时申报',
  permission: 'claims.review',
  readPermissions: ['claims.records'],
  hasCreditYear: true,
  payloadSchema: UnitClaimPayload,
  route: ({ tx, payload }) => routeAboveEmployer(tx, payload.employerId),
  summarize: async ({ payload }) => ({
    title: `单位培训：${payload.planTitle}（${payload.attendees.length}人，每人${payload.hours}学时）`,
    subjectOrgId: payload.employerId,
    creditYear: payload.creditYear,
    searchText: payload.attendees.map((a) => a.name).join(' '),
  }),
  effect: async ({ tx, ctx, request }) => {
    const p = request.payload;
    await creditHours(
      tx,
      p.attendees.map((a) => ({
        personId: a.personId,
        creditYear: p.creditYear,
        category: p.category,
        hours: p.hours,
        fullYear: false,
        source: 'unitClaim' as const,
        requestId: request.id,
        formCode: null,
        title: `单位培训：${p.planTitle}`,
      })),
      ctx.clock.now(),
    );
  },
  onRevoked: async ({ tx, ctx, request }) => reverseHours(tx, request.id, ctx.clock.now()),
  present: (p) => {
    const named = p.attendees.slice(0, NAMED_ATTENDEES).map((a) => `${a.name}（${a.idNumberMasked}）`);
    const more = p.attendees.length > NAMED_ATTENDEES ? ` 等${p.attendees.length}人` : '';
    return [
      { label: '培训计划', value: p.planTitle },
      { label: '认证年度', value: p.creditYear },
      { label: '科目类别', value: learningCategoryLabels[p.category] },
      { label: '起止时间', value: `${p.startDate} 至 ${p.endDate}` },
      { label: '每人学时', value: `${p.hours}学时` },
      { label: '参训人数', value: `${p.attendees.length}人` },
      { label: '参训人员', value: `${named.join('、')}${more}` },
    ];
  },
});
