import {
  learningCategoryLabels,
  maskIdNumber,
  type Claimant,
  type ClaimantLookup,
  type ClaimForPersonInput,
  type ClaimFormsView,
  type ClaimInput,
  type ClaimQuote,
  type ClaimQuoteInput,
  type ClaimReceipt,
  type LearningForm,
  type MyHours,
  type Profile,
  type ScopeRecordsQuery,
} from '@cep/contracts';
import {
  claimableYears,
  claimCityRefusal,
  dailyLimitRefusal,
  dailyLoadRefusal,
  daysBetween,
  isClaimYearOpen,
  learningFormByCode,
  loadProfile,
  quoteHours,
} from '@cep/profiles';
import type { Actor } from '../../platform/auth/actor';
import type { AuditOrigin } from '../../platform/audit/audit';
import { chinaDay } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors/app-error';
import { listRequestKinds, listScopeRecords, submitRequest } from '../reviews';
import { CLAIM_KIND, type ClaimPayload } from './claims.kind';
import type { DbOrTx } from '../../platform/db/database';
import {
  findClaimedContents,
  findDailyLoads,
  findSyncedDayLoads,
  findOrgForRoute,
  findOverlappingClaim,
  findProfessionalInScope,
  listPersonYears,
  lockClaimsOf,
} from './claims.repository';

const refuse = (message: string) => new AppError('VALIDATION_FAILED', message);

const requireProfessional = (actor: Actor) => {
  if (actor.accountKind !== 'professional') throw new AppError('FORBIDDEN', '只有专业技术人员可以申报学时');
};

const profileOf = (ctx: AppContext) => loadProfile(ctx.config.profile);

const requireForm = (profile: Profile, code: string): LearningForm => {
  const form = learningFormByCode(profile, code);
  if (!form) throw refuse('请选择学习形式');
  return form;
};

/** The form's hours for these inputs, with the 8-hour day applied to forms of time spent. */
const quoteOf = (profile: Profile, form: LearningForm, input: ClaimQuoteInput): ClaimQuote => {
  const quote = quoteHours(form, { ...input.fields, hours: input.hours, startDate: input.startDate, endDate: input.endDate });
  if (!quote.ok || !('hours' in quote) || !form.dailyLimit || !input.startDate || !input.endDate) return quote;
  const tooMuch = dailyLimitRefusal(profile, { startDate: input.startDate, endDate: input.endDate, hours: quote.hours });
  return tooMuch ? { ok: false, message: tooMuch } : quote;
};

/** The claim page's live figure: the same rules the submission is checked by (for a professional, or a bureau filing for one). */
export const quoteClaim = (ctx: AppContext, actor: Actor, input: ClaimQuoteInput): ClaimQuote => {
  if (!actor.permissions.has('claims.file')) requireProfessional(actor);
  const profile = profileOf(ctx);
  return quoteOf(profile, requireForm(profile, input.formCode), input);
};

export const claimFormsView = (ctx: AppContext): ClaimFormsView => {
  const profile = profileOf(ctx);
  const currentYear = Number(chinaDay(ctx.clock.now()).slice(0, 4));
  return {
    learningForms: profile.learningForms,
    dailyHourLimit: profile.dailyHourLimit,
    claimableYears: claimableYears(profile, currentYear),
    claimWindowMessage: profile.claimWindow.message,
  };
};

/** Every field the form marks required, present; each value labelled for the reviewers' details view. */
const labelledFields = (form: LearningForm, input: ClaimInput) =>
  form.fields
    .filter((f) => f.type !== 'file')
    .flatMap((f) => {
      const raw = input.fields[f.key];
      if (raw === undefined || raw === '') {
        if (f.required) throw refuse(`请填写${f.label}`);
        return [];
      }
      if (f.type === 'select') {
        const option = f.options?.find((o) => o.value === raw);
        if (!option) throw refuse(`${f.label}的选项无效`);
        return [{ label: f.label, value: option.label }];
      }
      if (f.type === 'number' && !(typeof raw === 'number' || /^\d+(\.\d+)?$/.test(raw))) throw refuse(`${f.label}应为数字`);
      return [{ label: f.label, value: `${raw}${f.unit ?? ''}` }];
    });

/** 学习证明材料: required where the profile's claim form (or the form's own fields) says so. */
const checkEvidence = (profile: Profile, form: LearningForm, input: ClaimInput) => {
  const evidence = [...profile.learningForms.commonFields, ...form.fields].find((f) => f.type === 'file' && f.required);
  if (evidence && input.attachmentIds.length === 0) throw refuse(`请上传${evidence.label}`);
};

/** Two 学习内容 name one result when they differ only in spaces, letter case or full-width punctuation of the same kind. */
const normalizedContent = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s《》“”"'‘’]+/g, '');
const sameContent = (a: string, b: string) => normalizedContent(a) === normalizedContent(b);

/** One claim is one activity: a year at most (a longer study is claimed year by year). */
const MAX_SPAN_DAYS = 366;

/** The dates and credit year of a claim, as the seeds' rules allow them. */
const checkPeriod = (profile: Profile, input: ClaimInput, today: string) => {
  if (input.startDate > input.endDate) throw refuse('结束时间不能早于开始时间');
  const days = daysBetween(input.startDate, input.endDate);
  if (days === null) throw refuse('开始时间、结束时间应为有效日期');
  if (days > MAX_SPAN_DAYS) throw refuse('一次申报的学习时间不能超过一年，请按年度分次申报');
  if (input.endDate > today) throw refuse('结束时间不能晚于今天：请在学习结束后申报');
  const years = [Number(input.startDate.slice(0, 4)), Number(input.endDate.slice(0, 4))];
  if (!years.includes(input.creditYear)) throw refuse('认证年度应为学习开始或结束的年度');
  if (!isClaimYearOpen(profile, { year: input.creditYear, currentYear: Number(today.slice(0, 4)) })) throw refuse(profile.claimWindow.message);
};

/** The category a claim counts in: chosen, or the form's only one, or the first a whole-year claim completes. */
const categoryOf = (form: LearningForm, input: ClaimInput, quote: ClaimQuote) => {
  const category =
    input.category ?? (form.categories.length === 1 ? form.categories[0] : quote.ok && 'fullYear' in quote ? quote.fullYear[0] : undefined);
  if (!category) throw refuse('请选择科目类别');
  if (!form.categories.includes(category)) throw refuse(`${form.name}只能申报${form.categories.map((c) => learningCategoryLabels[c]).join('或')}`);
  return category;
};

/** Whom a claim credits, and who files it: the professional themself, or an admin for a professional in scope. */
type Filing = {
  claimant: { personId: string; orgId: string; name: string; idNumber: string };
  applicant: { personId: string; accountId: string };
  /** Set when an admin files for the claimant: the claimant follows it, the admin's org does not review itself. */
  onBehalf: boolean;
};

/**
 * 学时(分)申报: checks the claim by the profile's rules (the form's standard, the 8-hour day, the claim window, the
 * supported cities, the same activity claimed twice) and files it on the review engine, routed employer ->
 * 主管部门 -> the bureau of the employer's region.
 */
const fileClaim = async (ctx: AppContext, filing: Filing, input: ClaimInput, origin: AuditOrigin): Promise<ClaimReceipt> => {
  const { claimant } = filing;
  const profile = profileOf(ctx);
  const form = requireForm(profile, input.formCode);
  const employer = await findOrgForRoute(ctx.db, claimant.orgId);
  if (employer?.status !== 'active')
    throw new AppError('FORBIDDEN', filing.onBehalf ? '该人员所在单位的账号不可用，暂不能申报学时' : '您所在单位的账号不可用，暂不能申报学时');
  const notHere = claimCityRefusal(profile, employer.regionCode);
  if (notHere) throw refuse(notHere);
  checkPeriod(profile, input, chinaDay(ctx.clock.now()));
  const fields = labelledFields(form, input);
  const quote = quoteOf(profile, form, input);
  if (!quote.ok) throw refuse(quote.message);
  const category = categoryOf(form, input, quote);
  checkEvidence(profile, form, input);
  const payload: ClaimPayload = {
    employerId: employer.id,
    formCode: form.code,
    formName: form.name,
    creditYear: input.creditYear,
    category,
    title: input.title,
    startDate: input.startDate,
    endDate: input.endDate,
    hours: 'hours' in quote ? quote.hours : null,
    fullYear: 'fullYear' in quote ? quote.fullYear : null,
    explanation: quote.explanation,
    assessmentResult: input.assessmentResult ?? null,
    fields,
    ...(filing.onBehalf ? { personId: claimant.personId, claimant: { name: claimant.name, idNumberMasked: maskIdNumber(claimant.idNumber) } } : {}),
  };
  const row = await ctx.db.transaction().execute(async (tx) => {
    // One claim of a person at a time, so that a double click or two tabs cannot both pass the check below.
    await lockClaimsOf(tx, [claimant.personId]);
    const same = await findOverlappingClaim(tx, { personId: claimant.personId, kind: CLAIM_KIND, ...input, formCode: form.code });
    if (same) throw new AppError('CONFLICT', `该时间段内已申报过同一学习形式的学时（${same.title}），请勿重复申报`);
    if (!form.dailyLimit) {
      // A one-off result (a paper, a patent, a book) counts once, whatever dates it is claimed with.
      const claimed = await findClaimedContents(tx, { personId: claimant.personId, kind: CLAIM_KIND, formCode: form.code });
      const again = claimed.find((c) => sameContent(c.content, input.title));
      if (again) throw new AppError('CONFLICT', `该成果已申报过（${again.title}），同一成果不能重复申报`);
    }
    if (form.dailyLimit && payload.hours !== null) {
      const overDay = await dailyLoadRefusalOf(tx, profile, [{ personId: claimant.personId }], { ...input, hours: payload.hours });
      if (overDay) throw refuse(overDay);
    }
    const { applicant } = filing;
    return submitRequest({ ctx, tx, kind: CLAIM_KIND, applicant, payload, origin, attachmentIds: input.attachmentIds });
  });
  return { id: row.id, status: row.status, hours: payload.hours, fullYear: payload.fullYear, explanation: payload.explanation };
};

/** A professional's own 学时(分)申报. */
export const submitClaim = (ctx: AppContext, actor: Actor, input: ClaimInput, origin: AuditOrigin) => {
  requireProfessional(actor);
  const self = { personId: actor.personId, accountId: actor.accountId };
  const claimant = { personId: actor.personId, orgId: actor.orgId, name: actor.personName, idNumber: actor.personIdNumber };
  return fileClaim(ctx, { claimant, applicant: self, onBehalf: false }, input, origin);
};

const NO_CLAIMANT = '未找到姓名与身份证号相符的本辖区在职专业技术人员，请核对姓名和身份证号';

/** The professional in the admin's scope with both facts matching (a mismatch does not say which is wrong). */
const requireClaimant = async (ctx: AppContext, actor: Actor, lookup: ClaimantLookup) => {
  const found = await findProfessionalInScope(ctx.db, actor.orgPath, lookup.idNumber.trim().toUpperCase());
  if (!found || found.name !== lookup.name) throw notFound(NO_CLAIMANT);
  return found;
};

/** 核对 the person a bureau files for: their name, masked ID number and employer, to confirm before filling the form. */
export const findClaimant = async (ctx: AppContext, actor: Actor, lookup: ClaimantLookup): Promise<Claimant> => {
  const found = await requireClaimant(ctx, actor, lookup);
  return { name: found.name, idNumberMasked: maskIdNumber(found.idNumber), employerName: found.employerName };
};

/**
 * 学时学分申报 of a bureau (seed 002): the admin files a claim for a professional in its scope, checked by the same
 * rules as the person's own and reviewed along the person's chain; the admin who filed it cannot approve it.
 */
export const submitClaimForPerson = async (ctx: AppContext, actor: Actor, input: ClaimForPersonInput, origin: AuditOrigin) => {
  const { claimant: lookup, ...claim } = input;
  const found = await requireClaimant(ctx, actor, lookup);
  const applicant = { personId: actor.personId, accountId: actor.accountId };
  if (found.personId === actor.personId) throw new AppError('FORBIDDEN', '不能为本人申报学时，请以专业技术人员身份登录申报');
  const claimant = { personId: found.personId, orgId: found.orgId, name: found.name, idNumber: found.idNumber };
  return fileClaim(ctx, { claimant, applicant, onBehalf: true }, claim, origin);
};

/** The people's open or approved claims over [start, end] that the 8-hour day counts (forms counted by time). */
export const timedClaimLoads = async (db: DbOrTx, profile: Profile, q: { personIds: string[]; startDate: string; endDate: string }) =>
  (await findDailyLoads(db, { ...q, ownKind: CLAIM_KIND })).filter((l) => l.formCode === null || learningFormByCode(profile, l.formCode)?.dailyLimit);

/**
 * 每天申报不超8学时 across the people's claims and their records from learning platforms (under `lockClaimsOf`): the first person for whom this claim would put
 * a day over the limit, named when several are claimed for, or null. Claims of forms not counted by time are left out.
 */
export const dailyLoadRefusalOf = async (
  db: DbOrTx,
  profile: Profile,
  people: { personId: string; name?: string }[],
  claim: { startDate: string; endDate: string; hours: number },
) => {
  const personIds = people.map((p) => p.personId);
  const timed = [...(await timedClaimLoads(db, profile, { personIds, ...claim })), ...(await findSyncedDayLoads(db, { personIds, ...claim }))];
  for (const person of people) {
    const refusal = dailyLoadRefusal(
      profile,
      claim,
      timed.filter((l) => l.personId === person.personId),
    );
    if (refusal) return person.name ? `${person.name}：${refusal}` : refusal;
  }
  return null;
};

/** Every kind of hours claim: the kinds reviewed in 学时审核 that belong to a credit year (a person's, a unit's…). */
const claimKinds = () =>
  listRequestKinds()
    .filter((k) => k.permission === 'claims.review' && k.hasCreditYear)
    .map((k) => k.kind);

/** 单位申报记录: the hours claims filed under the admin's org and below, by state (seed 002). */
export const listClaimRecords = (ctx: AppContext, actor: Actor, query: ScopeRecordsQuery) =>
  listScopeRecords({ ctx, actor, kinds: claimKinds(), query });

export const myHours = async (ctx: AppContext, actor: Actor): Promise<MyHours> => {
  requireProfessional(actor);
  return { years: await listPersonYears(ctx.db, actor.personId) };
};
