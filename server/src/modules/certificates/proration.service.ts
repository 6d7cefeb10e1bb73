import type { ProrationInput, TitleLevelCode } from '@cep/contracts';
import { loadProfile, yearCompletion } from '@cep/profiles';
import type { Actor } from '../../platform/auth/actor';
import type { AuditOrigin } from '../../platform/audit/audit';
import { chinaDay } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import { findOrgForRoute, lockClaimsOf } from '../claims';
import { submitRequest } from '../reviews';
import { findProfessionalFacts } from './completion.repository';
import { annualCompletion } from './completion.service';
import { PRORATION_KIND, type ProrationPayload } from './proration.kind';
import { findOpenProration } from './proration.repository';

const NO_HOURS = { public: 0, specialized: 0, publicFullYear: false, specializedFullYear: false };

/**
 * 年度学时折算 (seed 002): a professional asks for a year's requirement to be prorated to the months in post, for one
 * of the profile's cases, with proof; reviewed along the claim chain, one open request per year.
 */
export const submitProration = async (ctx: AppContext, actor: Actor, input: ProrationInput, origin: AuditOrigin) => {
  const profile = loadProfile(ctx.config.profile);
  if (profile.proratedRequirementCases.length === 0) throw new AppError('FORBIDDEN', '本省没有按实际在岗时间折算年度学时要求的规定');
  if (!profile.proratedRequirementCases.includes(input.reason))
    throw new AppError('VALIDATION_FAILED', `折算事由应为：${profile.proratedRequirementCases.join('、')}`);
  const facts = await findProfessionalFacts(ctx.db, actor.personId);
  if (!facts) throw new AppError('FORBIDDEN', '请以专业技术人员身份登录');
  const currentYear = Number(chinaDay(ctx.clock.now()).slice(0, 4));
  const years = (await annualCompletion(ctx, actor.personId)).years.map((y) => y.year);
  if (!years.includes(input.creditYear)) throw new AppError('VALIDATION_FAILED', `只能申请${Math.min(...years)}至${currentYear}年度的学时折算`);
  const at = (monthsInPost: number | null) =>
    yearCompletion(profile, {
      year: input.creditYear,
      currentYear,
      titleLevel: facts.titleLevel as TitleLevelCode,
      regionCode: facts.regionCode,
      totals: NO_HOURS,
      monthsInPost,
    });
  const standard = at(null);
  const prorated = at(input.monthsInPost);
  if (!standard || !prorated) throw new AppError('VALIDATION_FAILED', `${input.creditYear}年度没有学时标准，无需折算`);
  const employer = await findOrgForRoute(ctx.db, facts.orgId);
  if (employer?.status !== 'active') throw new AppError('FORBIDDEN', '您所在单位的账号不可用，暂不能提交申请');
  const payload: ProrationPayload = {
    employerId: employer.id,
    creditYear: input.creditYear,
    reason: input.reason,
    monthsInPost: input.monthsInPost,
    explanation: input.explanation,
    standard: standard.required,
    prorated: prorated.required,
  };
  const row = await ctx.db.transaction().execute(async (tx) => {
    await lockClaimsOf(tx, [actor.personId]);
    if (await findOpenProration(tx, { personId: actor.personId, kind: PRORATION_KIND, creditYear: input.creditYear }))
      throw new AppError('CONFLICT', `${input.creditYear}年度已有学时折算申请在审核中，请勿重复提交`);
    return submitRequest({
      ctx,
      tx,
      kind: PRORATION_KIND,
      applicant: { personId: actor.personId, accountId: actor.accountId },
      payload,
      origin,
      attachmentIds: input.attachmentIds,
    });
  });
  return { id: row.id, status: row.status };
};
