import {
  maskIdNumber,
  requestStatusLabels,
  type StaffChoice,
  type SubmittedRequest,
  type TrainingPlanInput,
  type TrainingPlanPage,
  type UnitClaimInput,
} from '@cep/contracts';
import { claimCityRefusal, dailyLimitRefusal, daysBetween, isClaimYearOpen, loadProfile } from '@cep/profiles';
import type { Actor } from '../../platform/auth/actor';
import type { AuditOrigin } from '../../platform/audit/audit';
import { chinaDay } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import type { Tx } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors/app-error';
import { submitRequest } from '../reviews';
import { dailyLoadRefusalOf, findOrgForRoute, lockClaimsOf } from '../claims';
import { TrainingPlanPayload, type UnitClaimPayload } from './training.kinds';
import { findClaimedUnder, findOwnPlan, findStaff, lockPlan, pagePlans, searchStaff } from './training.repository';
import { employerSponsor, type Sponsor } from './training.sponsors';

const refuse = (message: string) => new AppError('VALIDATION_FAILED', message);
const today = (ctx: AppContext) => chinaDay(ctx.clock.now());
const applicantOf = (actor: Actor) => ({ personId: actor.personId, accountId: actor.accountId });

/** 新增培训计划: real dates in order, at most a year, and no more hours than the 8-hour day allows over them. */
export const submitPlan = async (
  ctx: AppContext,
  actor: Actor,
  sponsor: Sponsor,
  input: TrainingPlanInput,
  origin: AuditOrigin,
): Promise<SubmittedRequest> => {
  if (input.startDate > input.endDate) throw refuse('结束时间不能早于开始时间');
  const days = daysBetween(input.startDate, input.endDate);
  if (days === null) throw refuse('开始时间、结束时间应为有效日期');
  if (days > 366) throw refuse('一个培训计划的时间不能超过一年');
  const tooMuch = dailyLimitRefusal(loadProfile(ctx.config.profile), { startDate: input.startDate, endDate: input.endDate, hours: input.hours });
  if (tooMuch) throw refuse(tooMuch);
  const payload: TrainingPlanPayload = { ...input, employerId: actor.orgId, content: input.content || null };
  const row = await submitRequest({ ctx, kind: sponsor.planKind, applicant: applicantOf(actor), payload, origin });
  return { id: row.id, status: row.status };
};

/** The org's plans with where their review stands, and whether hours may now be claimed under each. */
export const listPlans = async (
  ctx: AppContext,
  actor: Actor,
  sponsor: Sponsor,
  query: { page: number; pageSize: number },
): Promise<TrainingPlanPage> => {
  const { total, rows } = await pagePlans(ctx.db, sponsor, actor.orgId, query.page, query.pageSize);
  const day = today(ctx);
  const items = rows.map((row) => {
    const p = TrainingPlanPayload.parse(row.payload);
    return {
      id: row.id,
      title: p.title,
      category: p.category,
      startDate: p.startDate,
      endDate: p.endDate,
      place: p.place,
      hours: p.hours,
      expectedAttendees: p.expectedAttendees,
      status: row.status,
      statusLabel: requestStatusLabels[row.status],
      currentReviewerOrgName: row.currentReviewerOrgName,
      createdAt: row.createdAt.toISOString(),
      canClaim: row.status === 'approved' && p.endDate <= day,
      claimedPeople: row.claimedPeople,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
};

export const listStaffChoices = async (ctx: AppContext, actor: Actor, keyword: string | undefined): Promise<StaffChoice[]> =>
  (await searchStaff(ctx.db, actor.orgId, keyword)).map((s) => ({ personId: s.personId, name: s.name, idNumberMasked: maskIdNumber(s.idNumber) }));

export type ClaimAttendee = UnitClaimPayload['attendees'][number];

/** What an attendees' claim is filed with; `resolveAttendees` turns the sponsor's own input into attendees, or refuses. */
export type AttendeeClaim = {
  planId: string;
  hours: number;
  attachmentIds: string[];
  resolveAttendees: (tx: Tx) => Promise<ClaimAttendee[]>;
};

/**
 * Hours for the attendees of the sponsor's own approved, finished plan (seed 002 单位培训计划 学时申报, 代申报学时): at
 * most the plan's hours each, in an open claim year and a supported city, each attendee once per plan, with the
 * 签到表 / photos attached. Filed under the plan's lock, so two claims cannot both take one attendee.
 */
export const submitAttendeeClaim = async (ctx: AppContext, actor: Actor, sponsor: Sponsor, claim: AttendeeClaim, origin: AuditOrigin) => {
  const profile = loadProfile(ctx.config.profile);
  const day = today(ctx);
  const row = await ctx.db.transaction().execute(async (tx) => {
    await lockPlan(tx, claim.planId);
    const found = await findOwnPlan(tx, sponsor, claim.planId, actor.orgId);
    if (!found) throw notFound('培训计划不存在');
    if (found.status !== 'approved') throw new AppError('INVALID_STATE', '培训计划审核通过后才能申报学时');
    const plan = TrainingPlanPayload.parse(found.payload);
    if (plan.endDate > day) throw new AppError('INVALID_STATE', `培训结束（${plan.endDate}）后才能申报学时`);
    if (claim.hours > plan.hours) throw refuse(`每人申报学时不能超过培训计划的${plan.hours}学时`);
    const creditYear = Number(plan.endDate.slice(0, 4));
    if (!isClaimYearOpen(profile, { year: creditYear, currentYear: Number(day.slice(0, 4)) })) throw refuse(profile.claimWindow.message);
    const sponsorOrg = await findOrgForRoute(tx, actor.orgId);
    const regionRefusal = sponsorOrg ? claimCityRefusal(profile, sponsorOrg.regionCode) : null;
    if (regionRefusal) throw refuse(regionRefusal);
    const attendees = await claim.resolveAttendees(tx);
    await lockClaimsOf(
      tx,
      attendees.map((a) => a.personId),
    );
    const overDay = await dailyLoadRefusalOf(tx, profile, attendees, { startDate: plan.startDate, endDate: plan.endDate, hours: claim.hours });
    const claimed = new Set(
      await findClaimedUnder(
        tx,
        sponsor,
        found.id,
        attendees.map((a) => a.personId),
      ),
    );
    if (claimed.size > 0) {
      const names = attendees.filter((a) => claimed.has(a.personId)).map((a) => a.name);
      throw new AppError('CONFLICT', `${names.join('、')}已在本培训计划的学时申报中，请勿重复申报`);
    }
    if (overDay) throw refuse(overDay);
    if (claim.attachmentIds.length === 0) throw refuse('请上传签到表、现场照片等培训证明材料');
    const payload: UnitClaimPayload = {
      employerId: actor.orgId,
      planId: found.id,
      planTitle: plan.title,
      creditYear,
      category: plan.category,
      startDate: plan.startDate,
      endDate: plan.endDate,
      hours: claim.hours,
      attendees,
    };
    return submitRequest({ ctx, tx, kind: sponsor.claimKind, applicant: applicantOf(actor), payload, origin, attachmentIds: claim.attachmentIds });
  });
  return { id: row.id, status: row.status } satisfies SubmittedRequest;
};

/** The employer's 学时申报 under its plan: the attendees are its own active professionals. */
export const submitUnitClaim = (ctx: AppContext, actor: Actor, input: UnitClaimInput, origin: AuditOrigin) =>
  submitAttendeeClaim(
    ctx,
    actor,
    employerSponsor,
    {
      ...input,
      resolveAttendees: async (tx) => {
        const personIds = [...new Set(input.personIds)];
        const staff = await findStaff(tx, actor.orgId, personIds);
        if (staff.length !== personIds.length) throw refuse('所选人员中有不是本单位在职专业技术人员的，请重新选择');
        return staff.map((s) => ({ personId: s.personId, name: s.name, idNumberMasked: maskIdNumber(s.idNumber) }));
      },
    },
    origin,
  );
