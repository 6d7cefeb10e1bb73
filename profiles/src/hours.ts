import type { FormField, HoursRate, HoursRule, LearningCategory, LearningForm, Profile, TitleLevelCode } from '@cep/contracts';
import { claimCityCodes, isClaimCity, passStandardFor, regionByCode } from './profile-rules';

/**
 * The hours rules of a claim, pure and shared by the server, the browser and the `npm run hours` checker: what a
 * learning form credits for the fields of a claim (the conversion standards of seed 002, as profile data), the
 * hours-per-day limit over the claimed dates, the cities that claim here, and the yearly pass standard.
 */

/** What a claim is worth: a number of hours, or the whole year's requirement of some categories. */
export type HoursQuote =
  | { ok: true; hours: number; explanation: string }
  | { ok: true; fullYear: LearningCategory[]; explanation: string }
  | { ok: false; message: string };

export type ClaimFields = Record<string, unknown>;

const UNIT_NAMES: Record<Extract<HoursRule, { kind: 'perUnit' }>['unit'], string> = {
  day: '天',
  course: '门',
  month: '个月',
  tenThousandChars: '万字',
};

const CATEGORY_NAMES: Record<LearningCategory, string> = { public: '公需', specialized: '专业' };

const refuse = (message: string): HoursQuote => ({ ok: false, message });

/** Hours print without trailing zeros: 24, 37.5. */
const format = (n: number) => String(Math.round(n * 100) / 100);

const fieldsOf = (form: LearningForm) => new Map(form.fields.map((f) => [f.key, f]));

const optionLabel = (field: FormField | undefined, value: string) => field?.options?.find((o) => o.value === value)?.label ?? value;

/** The select values a rate row asks for, as the person chose them ("国家部委举办", "主课题（项目）组"). */
const whenLabel = (form: LearningForm, rate: HoursRate) => {
  const fields = fieldsOf(form);
  return Object.entries(rate.when)
    .map(([key, value]) => optionLabel(fields.get(key), value))
    .join(' ');
};

const matches = (rate: HoursRate, fields: ClaimFields) => Object.entries(rate.when).every(([key, value]) => fields[key] === value);

/** Every select field a rate table looks at must hold one of its options. */
const selectRefusal = (form: LearningForm, rule: HoursRule, fields: ClaimFields): string | null => {
  const rates = rule.kind === 'perUnit' ? [...rule.rates, ...rule.bonuses] : rule.kind === 'fixed' ? rule.rates : [];
  const keys = new Set(rates.flatMap((r) => Object.keys(r.when)));
  for (const key of keys) {
    const field = fieldsOf(form).get(key);
    const value = fields[key];
    if (value === undefined || value === null || value === '') return `请选择${labelOf(form, key)}`;
    if (!field?.options?.some((o) => o.value === value)) return `${labelOf(form, key)}的选项无效`;
  }
  return null;
};

const labelOf = (form: LearningForm, key: string) => fieldsOf(form).get(key)?.label ?? key;

/** A positive number from a field; whole where counting days, courses, months or ranks. */
const positiveNumber = (label: string, raw: unknown, whole: boolean): number | string => {
  if (raw === undefined || raw === null || raw === '') return `请填写${label}`;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isFinite(n) || n <= 0) return `${label}应为大于0的数字`;
  if (whole && !Number.isInteger(n)) return `${label}应为整数`;
  return n;
};

/** The amount of a rate row for the person's rank, or why the rank earns nothing ("前3名"). */
const amountFor = (form: LearningForm, rate: HoursRate, rank: number | null): { hours: number; rankText: string } | string => {
  if (rate.hours !== undefined) return { hours: rate.hours, rankText: '' };
  const table = rate.byRank!;
  if (rank === null) return '请填写排名';
  if (rank > table.length) {
    const who = whenLabel(form, rate);
    return `${form.name}${who ? `（${who}）` : ''}按职责排序前${table.length}名可计算学时，第${rank}名不能申报`;
  }
  return { hours: table[rank - 1]!, rankText: `第${rank}名 ` };
};

const overCap = (form: LearningForm, hours: number) =>
  form.maxHoursPerClaim !== null && hours > form.maxHoursPerClaim
    ? `学时已达上限：${form.name}每次最多申报${format(form.maxHoursPerClaim)}学时`
    : null;

const quoteDeclared = (form: LearningForm, rule: Extract<HoursRule, { kind: 'declared' }>, fields: ClaimFields): HoursQuote => {
  const hours = positiveNumber('申请学时', fields.hours, false);
  if (typeof hours === 'string') return refuse(hours);
  if (tenths(hours) !== hours) return refuse('申请学时最多保留一位小数');
  return overCap(form, hours)
    ? refuse(overCap(form, hours)!)
    : { ok: true, hours, explanation: `${form.name}：${rule.decidedBy}；申报${format(hours)}学时` };
};

const rankOf = (form: LearningForm, rankField: string | undefined, fields: ClaimFields): number | null | string =>
  rankField ? positiveNumber(labelOf(form, rankField), fields[rankField], true) : null;

/**
 * Why the stated units cannot be one activity over the claimed dates (more days than the dates hold, more months
 * than they span) or exceed the form's bound, or null.
 */
const unitsRefusal = (form: LearningForm, rule: Extract<HoursRule, { kind: 'perUnit' }>, units: number, fields: ClaimFields) => {
  const label = labelOf(form, rule.unitField);
  const unit = UNIT_NAMES[rule.unit];
  if (units > rule.maxUnits) return `${label}不能超过${format(rule.maxUnits)}${unit}`;
  const start = typeof fields.startDate === 'string' ? fields.startDate : '';
  const end = typeof fields.endDate === 'string' ? fields.endDate : '';
  if (!start || !end) return null;
  if (rule.unit === 'day') {
    const days = daysBetween(start, end);
    if (days !== null && units > days) return `${label}不能多于开始时间至结束时间的天数（${days}天）`;
  }
  if (rule.unit === 'month') {
    const months = monthsBetween(start, end);
    if (months !== null && units > months + 1) return `${label}不能多于开始时间至结束时间所跨的月数`;
  }
  return null;
};

/** Hours kept to one decimal, as the records store them. */
const tenths = (n: number) => Math.round(n * 10) / 10;

const quotePerUnit = (form: LearningForm, rule: Extract<HoursRule, { kind: 'perUnit' }>, fields: ClaimFields): HoursQuote => {
  const units = positiveNumber(labelOf(form, rule.unitField), fields[rule.unitField], rule.unit !== 'tenThousandChars');
  if (typeof units === 'string') return refuse(units);
  const badUnits = unitsRefusal(form, rule, units, fields);
  if (badUnits) return refuse(badUnits);
  const unitText = `${format(units)}${UNIT_NAMES[rule.unit]}`;
  if (rule.fullYearFromUnits !== undefined && units >= rule.fullYearFromUnits) {
    return {
      ok: true,
      fullYear: ['specialized'],
      explanation: `${form.name}${unitText}（满${rule.fullYearFromUnits}${UNIT_NAMES[rule.unit]}），可计算完成年度全部专业科目的学时`,
    };
  }
  const rank = rankOf(form, rule.rankField, fields);
  if (typeof rank === 'string') return refuse(rank);
  const rate = rule.rates.find((r) => matches(r, fields));
  if (!rate) return refuse(`${form.name}没有适用的折算标准`);
  const amount = amountFor(form, rate, rank);
  if (typeof amount === 'string') return refuse(amount);
  const bonuses = rule.bonuses.filter((b) => matches(b, fields));
  const hours = tenths(units * amount.hours + bonuses.reduce((sum, b) => sum + (b.hours ?? 0), 0));
  const head = [whenLabel(form, rate), amount.rankText.trim()].filter(Boolean).join(' ');
  const parts = [
    `${head ? `${head} ` : ''}${unitText} × ${format(amount.hours)}`,
    ...bonuses.map((b) => `${b.label ?? '加计'} ${format(b.hours ?? 0)}`),
  ];
  const cap = overCap(form, hours);
  return cap ? refuse(cap) : { ok: true, hours, explanation: `${form.name}：${parts.join(' + ')} = ${format(hours)}学时` };
};

const quoteFixed = (form: LearningForm, rule: Extract<HoursRule, { kind: 'fixed' }>, fields: ClaimFields): HoursQuote => {
  const rate = rule.rates.find((r) => matches(r, fields));
  if (!rate) return refuse(`${form.name}没有适用的折算标准`);
  const rank = rankOf(form, rule.rankField, fields);
  if (typeof rank === 'string') return refuse(rank);
  const amount = amountFor(form, rate, rank);
  if (typeof amount === 'string') return refuse(amount);
  const head = [whenLabel(form, rate), amount.rankText.trim()].filter(Boolean).join(' ');
  const cap = overCap(form, amount.hours);
  return cap ? refuse(cap) : { ok: true, hours: amount.hours, explanation: `${form.name}：${head ? `${head} ` : ''}${format(amount.hours)}学时` };
};

/** Whole calendar months from `start` to the day after `end` (2025-01-01 to 2025-12-31 is 12). */
export const monthsBetween = (start: string, end: string) => {
  const from = parseDay(start);
  const to = parseDay(end);
  if (!from || !to) return null;
  const after = new Date(to.getTime() + DAY_MS);
  let months = (after.getUTCFullYear() - from.getUTCFullYear()) * 12 + (after.getUTCMonth() - from.getUTCMonth());
  if (after.getUTCDate() < from.getUTCDate()) months -= 1;
  return months;
};

const quoteFullYear = (form: LearningForm, rule: Extract<HoursRule, { kind: 'fullYear' }>, fields: ClaimFields): HoursQuote => {
  const what = `可计算完成年度全部${rule.categories.map((c) => CATEGORY_NAMES[c]).join('和')}科目的学时`;
  if (rule.minMonths !== undefined) {
    const months = monthsBetween(String(fields.startDate ?? ''), String(fields.endDate ?? ''));
    if (months === null) return refuse('请填写开始时间和结束时间');
    if (months < rule.minMonths) {
      return refuse(`${form.name}满${rule.minMonths}个月方${what}；所填时间为${Math.max(0, months)}个月`);
    }
  }
  return { ok: true, fullYear: [...rule.categories], explanation: `${form.name}${rule.minMonths ? `满${rule.minMonths}个月` : ''}，${what}` };
};

/**
 * What a claim of `form` with these fields is worth under the form's conversion standard, with the working
 * shown ("学术会议：国家部委举办 3天 × 6 + 宣读、报告论文 6 = 24学时"), or the standard's refusal.
 */
export const quoteHours = (form: LearningForm, fields: ClaimFields): HoursQuote => {
  const rule = form.hoursRule;
  const badSelect = selectRefusal(form, rule, fields);
  if (badSelect) return refuse(badSelect);
  switch (rule.kind) {
    case 'declared':
      return quoteDeclared(form, rule, fields);
    case 'perUnit':
      return quotePerUnit(form, rule, fields);
    case 'fixed':
      return quoteFixed(form, rule, fields);
    case 'fullYear':
      return quoteFullYear(form, rule, fields);
  }
};

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day 'YYYY-MM-DD' as UTC midnight, or null when it is not a real date. */
const parseDay = (text: string): Date | null => {
  const m = DAY.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text ? date : null;
};

/** Days from start to end, both counted (one day when they are equal); null when the dates are wrong. */
export const daysBetween = (start: string, end: string): number | null => {
  const from = parseDay(start);
  const to = parseDay(end);
  if (!from || !to || to < from) return null;
  return Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
};

/** Why a claim of `hours` over these dates breaks the hours-per-day limit (每天申报不超8学时), or null. */
export const dailyLimitRefusal = (profile: Pick<Profile, 'dailyHourLimit'>, claim: { startDate: string; endDate: string; hours: number }) => {
  const days = daysBetween(claim.startDate, claim.endDate);
  if (days === null) return '开始时间、结束时间应为有效日期，且结束时间不早于开始时间';
  const limit = profile.dailyHourLimit;
  if (claim.hours <= days * limit) return null;
  return `每天申报不超${format(limit)}学时：${claim.startDate}至${claim.endDate}共${days}天，最多可申报${format(days * limit)}学时。如果实际学习超过每天${format(limit)}学时，可适当延长开始或者结束时间。`;
};

/** A claim already filed for the person, as the 8-hour day counts it: its hours spread evenly over its days. */
export type DailyLoad = { startDate: string; endDate: string; hours: number; title: string };

const addDays = (day: string, n: number) => new Date(parseDay(day)!.getTime() + n * DAY_MS).toISOString().slice(0, 10);

/**
 * 每天申报不超8学时 across claims (seed 001 学时申报 5): on no day of the new claim may its hours per day and those of
 * the person's other claims covering that day add up to more than the limit. Null when allowed, else the first day
 * over, what is already claimed on it, and the seed's advice.
 */
export const dailyLoadRefusal = (
  profile: Pick<Profile, 'dailyHourLimit'>,
  claim: { startDate: string; endDate: string; hours: number },
  others: DailyLoad[],
): string | null => {
  const days = daysBetween(claim.startDate, claim.endDate);
  if (days === null) return '开始时间、结束时间应为有效日期，且结束时间不早于开始时间';
  const limit = profile.dailyHourLimit;
  const spread = others.flatMap((o) => {
    const span = daysBetween(o.startDate, o.endDate);
    return span ? [{ ...o, perDay: o.hours / span }] : [];
  });
  const perDay = claim.hours / days;
  for (let i = 0; i < days; i++) {
    const day = addDays(claim.startDate, i);
    const covering = spread.filter((o) => o.startDate <= day && o.endDate >= day);
    const taken = covering.reduce((sum, o) => sum + o.perDay, 0);
    if (taken + perDay > limit + 1e-9) {
      const named = covering.map((o) => `“${o.title}”`).join('、');
      return `每天申报不超${format(limit)}学时：${day}已申报${format(taken)}学时（${named}），本次申报每天${format(perDay)}学时，合计超过${format(limit)}学时。如果实际学习超过每天${format(limit)}学时，可适当延长开始或者结束时间。`;
    }
  }
  return null;
};

/** Why people of this region cannot claim hours on this platform (seed 001 支持地市), or null. */
export const claimCityRefusal = (profile: Profile, regionCode: string): string | null => {
  if (isClaimCity(profile, regionCode)) return null;
  const names = claimCityCodes(profile).map((code) =>
    code === profile.provinceCode ? '省直' : shortCityName(regionByCode(profile, code)?.name ?? code),
  );
  const region = regionByCode(profile, regionCode);
  const city = region?.level === 'county' && region.parentCode ? regionByCode(profile, region.parentCode) : region;
  const who = city ? `${city.name}的专业技术人员` : '您所在地区的专业技术人员';
  return `${names.join('/')}可以在本平台进行学时申报；${who}无法在本平台进行学时申报，建议前往地市相关平台进行操作。`;
};

const shortCityName = (name: string) => name.replace(/市$/, '');

export type AnnualCheck = { year: number; titleLevel: TitleLevelCode; regionCode: string; public: number; specialized: number };

/**
 * Whether a year's public and specialized hours meet that year's standard for the person's title level and
 * region: each category its minimum and the total its own. Null when the profile has no standard for the year.
 */
export const annualPass = (profile: Profile, check: AnnualCheck) => {
  const standard = passStandardFor(profile, check);
  if (!standard) return null;
  const required = { total: standard.total, public: standard.public, specialized: standard.specialized };
  const pass = check.public >= required.public && check.specialized >= required.specialized && check.public + check.specialized >= required.total;
  return { pass, required, note: standard.note };
};

/** A person's year as the records add up: hours per category and the whole-year marks (课程进修满6个月, 援藏援疆满一年). */
export type YearRecordTotals = { public: number; specialized: number; publicFullYear: boolean; specializedFullYear: boolean };

export type YearCompletion = {
  required: { total: number; public: number; specialized: number };
  /** What counts against the standard: a whole-year mark counts as that category's requirement met. */
  counted: { total: number; public: number; specialized: number };
  result: 'passed' | 'failed' | 'inProgress';
  /** "公需科目还差 6 学时；专业科目还差 12 学时", or null when nothing is missing. */
  missing: string | null;
  note: string;
  /** Months in post when the requirement was prorated (按实际在岗时间折算), else null. */
  monthsInPost: number | null;
};

/** A requirement prorated to the months in post, up to the next half hour (never more than the full one). */
const prorate = (hours: number, monthsInPost: number | null) =>
  monthsInPost === null ? hours : Math.min(hours, Math.ceil(((hours * monthsInPost) / 12) * 2) / 2);

/**
 * 年度完成情况 of one year (issue 11): that year's standard for the person's title level and region (prorated to the
 * months in post when approved, seed 002), what counts against it, the result — a year not over yet that is short
 * is 进行中, not 未通过 — and what exactly is missing. Null when the profile has no standard for the year.
 */
export const yearCompletion = (
  profile: Profile,
  input: {
    year: number;
    currentYear: number;
    titleLevel: TitleLevelCode;
    regionCode: string;
    totals: YearRecordTotals;
    monthsInPost?: number | null;
  },
): YearCompletion | null => {
  const standard = passStandardFor(profile, input);
  if (!standard) return null;
  const monthsInPost = input.monthsInPost ?? null;
  const required = {
    total: prorate(standard.total, monthsInPost),
    public: prorate(standard.public, monthsInPost),
    specialized: prorate(standard.specialized, monthsInPost),
  };
  const { totals } = input;
  const pub = totals.publicFullYear ? Math.max(totals.public, required.public) : totals.public;
  const spec = totals.specializedFullYear ? Math.max(totals.specialized, required.specialized) : totals.specialized;
  // A whole-year mark of both categories completes the year, whatever the total standard says.
  const total = totals.publicFullYear && totals.specializedFullYear ? Math.max(pub + spec, required.total) : pub + spec;
  const short = [
    ...(pub < required.public ? [`公需科目还差 ${format(required.public - pub)} 学时`] : []),
    ...(spec < required.specialized ? [`专业科目还差 ${format(required.specialized - spec)} 学时`] : []),
  ];
  const totalShort = required.total - total - Math.max(0, required.public - pub) - Math.max(0, required.specialized - spec);
  if (totalShort > 1e-9) short.push(`总学时还差 ${format(totalShort)} 学时（任一科目均可）`);
  const passed = short.length === 0;
  return {
    required,
    counted: { total: format2(total), public: format2(pub), specialized: format2(spec) },
    result: passed ? 'passed' : input.year >= input.currentYear ? 'inProgress' : 'failed',
    missing: passed ? null : short.join('；'),
    note: standard.note,
    monthsInPost,
  };
};

const format2 = (n: number) => Math.round(n * 100) / 100;
