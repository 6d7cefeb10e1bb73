import { z } from 'zod';
import { LearningCategory, learningCategoryLabels, TrainingPlanInput } from '@cep/contracts';
import { defineRequestKind, type RequestKind } from '../reviews';
import { claimRoute, creditHours, findBureauOfRegion, findOrgForRoute, reverseHours } from '../claims';
import type { DbOrTx } from '../../platform/db/database';
import { employerSponsor, providerSponsor, type Sponsor } from './training.sponsors';

/**
 * Who reviews what a sponsor files: above an employer, its 主管部门 when it has one, then the bureau of its region
 * (seed 002: 主管部门—同级人社); a provider's plans and proxy claims, the bureau of its region (seed 002, 003 4.9, 5.2).
 */
const routeOf = async (tx: DbOrTx, sponsor: Sponsor, orgId: string) => {
  if (sponsor.orgKind === 'employer') return (await claimRoute(tx, orgId)).slice(1);
  const provider = await findOrgForRoute(tx, orgId);
  const bureau = provider && (await findBureauOfRegion(tx, provider.regionCode));
  return bureau ? [bureau.id] : [];
};

/** The plan as filed: the checked input, under the org that filed it (`employerId`: the sponsor, employer or provider). */
export const TrainingPlanPayload = TrainingPlanInput.extend({ employerId: z.string(), content: z.string().nullable() });
export type TrainingPlanPayload = z.infer<typeof TrainingPlanPayload>;

const planKind = (sponsor: Sponsor, label: string, permission: 'claims.review' | 'reviews.trainingPlans'): RequestKind =>
  defineRequestKind<TrainingPlanPayload>({
    kind: sponsor.planKind,
    label,
    permission,
    withdrawnByOrgWith: sponsor.planPermission,
    payloadSchema: TrainingPlanPayload,
    route: ({ tx, payload }) => routeOf(tx, sponsor, payload.employerId),
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

/** 单位培训计划: reviewed by 主管部门 then 同级人社 before any hours are claimed under it. */
export const trainingPlanKind = planKind(employerSponsor, '单位培训计划', 'claims.review');
/** 培训计划申报 of a 继续教育机构/基地: reviewed by its bureau (审核培训计划申报). */
export const providerPlanKind = planKind(providerSponsor, '培训计划申报', 'reviews.trainingPlans');

export const Attendee = z.object({
  personId: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  /** A provider's attendee comes from any employer: named so the reviewer can tell who it is. */
  employerName: z.string().nullish(),
});

export const UnitClaimPayload = z.object({
  /** The sponsor org that filed it (an employer or a provider). */
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

const attendeeText = (a: z.infer<typeof Attendee>) => `${a.name}（${a.idNumberMasked}${a.employerName ? `，${a.employerName}` : ''}）`;

/** Hours claimed under an approved plan for its attendees: each attendee's hours count once the last reviewer approves. */
const attendeeClaimKind = (sponsor: Sponsor, label: string, titlePrefix: string): RequestKind =>
  defineRequestKind<UnitClaimPayload>({
    kind: sponsor.claimKind,
    label,
    permission: 'claims.review',
    readPermissions: ['claims.records'],
    hasCreditYear: true,
    withdrawnByOrgWith: sponsor.claimPermission,
    participants: (p) => p.attendees.map((a) => a.personId),
    payloadSchema: UnitClaimPayload,
    route: ({ tx, payload }) => routeOf(tx, sponsor, payload.employerId),
    summarize: async ({ payload }) => ({
      title: `${titlePrefix}：${payload.planTitle}（${payload.attendees.length}人，每人${payload.hours}学时）`,
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
          source: sponsor.recordSource,
          requestId: request.id,
          formCode: null,
          title: `${titlePrefix}：${p.planTitle}`,
        })),
        ctx.clock.now(),
      );
    },
    onRevoked: async ({ tx, ctx, request }) => reverseHours(tx, request.id, ctx.clock.now()),
    present: (p) => {
      const named = p.attendees.slice(0, NAMED_ATTENDEES).map(attendeeText);
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

/** 学时申报 under an approved 单位培训计划, for the employer's own staff. */
export const unitClaimKind = attendeeClaimKind(employerSponsor, '单位培训学时申报', '单位培训');
/** 代申报学时 of a provider for the participants of its approved plan (继续教育基地代申报审批, seed 003 5.2). */
export const proxyClaimKind = attendeeClaimKind(providerSponsor, '继续教育机构代申报学时', '代申报');
