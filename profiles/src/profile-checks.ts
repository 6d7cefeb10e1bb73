import type { CodeName, FormField, HoursRate, LearningForm, Profile } from '@cep/contracts';
import { regionByCode } from './profile-rules';

const duplicates = (codes: string[]) => codes.filter((code, i) => codes.indexOf(code) !== i);

const checkRegions = (profile: Profile): string[] => {
  const province = profile.regions[0];
  const problems: string[] = [];
  if (province?.code !== profile.provinceCode || province.name !== profile.provinceName) {
    problems.push(`provinceCode/provinceName 与行政区划数据不符（${province?.code} ${province?.name}）`);
  }
  const known = (code: string) => regionByCode(profile, code) !== undefined;
  for (const s of profile.passStandards) for (const c of s.regionCodes ?? []) if (!known(c)) problems.push(`passStandards: 未知行政区划 ${c}`);
  for (const e of profile.placeholderEmployers) if (!known(e.regionCode)) problems.push(`placeholderEmployers: 未知行政区划 ${e.regionCode}`);
  if (profile.claimCities !== 'all') {
    for (const c of profile.claimCities) {
      if (regionByCode(profile, c)?.level === 'county' || !known(c)) problems.push(`claimCities: ${c} 不是本省的市级或省级行政区划`);
    }
  }
  return problems;
};

/** Every year from the first rule on, and every title level, needs a standard that applies in any region. */
const checkPassStandardCoverage = (profile: Profile): string[] => {
  const years = profile.passStandards.flatMap((s) => [s.fromYear, s.toYear ?? s.fromYear]);
  const problems: string[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years) + 1; year++) {
    for (const level of profile.titleLevels) {
      const covered = profile.passStandards.some(
        (s) =>
          s.regionCodes === null && year >= s.fromYear && (s.toYear === null || year <= s.toYear) && (s.titleLevels?.includes(level.code) ?? true),
      );
      if (!covered) problems.push(`passStandards: ${year}年 ${level.name} 没有适用于全省的合格标准`);
    }
  }
  return problems;
};

const checkCatalogCodes = (profile: Profile): string[] => {
  const lists: Record<string, CodeName[]> = {
    titleSeries: profile.titleSeries,
    majors: profile.majors.flatMap((m) => [m, ...m.children]),
    orgNatures: profile.orgNatures,
    orgLevels: profile.orgLevels,
    industries: profile.industries,
    learningForms: profile.learningForms.forms.map((f) => ({ code: f.code, name: f.name })),
  };
  return Object.entries(lists).flatMap(([list, items]) => duplicates(items.map((i) => i.code)).map((code) => `${list}: 代码 ${code} 重复`));
};

const checkRate = (form: LearningForm, fields: FormField[], rate: HoursRate): string[] =>
  Object.entries(rate.when).flatMap(([key, value]) => {
    const field = fields.find((f) => f.key === key);
    if (field?.type !== 'select') return [`learningForms.${form.code}: 条件字段 ${key} 不是该形式的选择项`];
    return field.options?.some((o) => o.value === value) ? [] : [`learningForms.${form.code}: ${key} 没有选项 ${value}`];
  });

const checkLearningForm = (form: LearningForm, commonFields: FormField[]): string[] => {
  const fields = [...commonFields, ...form.fields];
  const rule = form.hoursRule;
  const problems = duplicates(fields.map((f) => f.key)).map((key) => `learningForms.${form.code}: 字段 ${key} 重复`);
  const referenced = rule.kind === 'perUnit' ? [rule.unitField, rule.rankField] : rule.kind === 'fixed' ? [rule.rankField] : [];
  for (const key of referenced) {
    if (key && fields.find((f) => f.key === key)?.type !== 'number') problems.push(`learningForms.${form.code}: ${key} 应为数字字段`);
  }
  const rates = rule.kind === 'perUnit' ? [...rule.rates, ...rule.bonuses] : rule.kind === 'fixed' ? rule.rates : [];
  for (const rate of rates) problems.push(...checkRate(form, fields, rate));
  if (rates.some((r) => r.byRank) && !(rule.kind === 'perUnit' || rule.kind === 'fixed' ? rule.rankField : undefined)) {
    problems.push(`learningForms.${form.code}: 按排序计算学时需要 rankField`);
  }
  return problems;
};

/** Cross-checks a loaded profile beyond its schema: references, coverage and unique codes. Empty when sound. */
export const findProfileProblems = (profile: Profile): string[] => [
  ...checkRegions(profile),
  ...checkPassStandardCoverage(profile),
  ...checkCatalogCodes(profile),
  ...profile.learningForms.forms.flatMap((form) => checkLearningForm(form, profile.learningForms.commonFields)),
];
