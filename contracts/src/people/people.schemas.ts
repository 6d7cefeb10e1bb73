import { z } from 'zod';
import { OptionalText } from '../common/text';
import { PageQuery, pageOf } from '../common/paging';
import { Day } from '../claims/claims.schemas';

/** 在职 / 离职 / 退休: an employer marks people who left or retired instead of deleting them (seed 001 投诉建议 1, 6). */
export const Employment = z.enum(['active', 'left', 'retired'], { error: '请选择人员状态' });
export type Employment = z.infer<typeof Employment>;
export const employmentLabels: Record<Employment, string> = { active: '在职', left: '离职', retired: '退休' };

/** A name of 2 characters or more, or a whole ID number (seed 002: 通过姓名、身份证等信息进行筛选). */
const PeopleKeyword = OptionalText({ label: '姓名或身份证号', max: 30 }).refine(
  (v) => !v || (/\d/.test(v) ? /^\d{17}[\dXx]$/.test(v) : [...v].length >= 2),
  { message: '请输入至少2个字的姓名，或完整的18位身份证号' },
);

export const PeopleQuery = PageQuery.extend({
  keyword: PeopleKeyword,
  employment: Employment.optional().default('active'),
  /** An employer of the scope (its own people only, not its sub-units'). */
  orgId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid({ message: '请选择单位' }).optional()),
  titleSeries: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(40).optional()),
  titleLevel: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['none', 'junior', 'intermediate', 'senior'], { message: '请选择职称等级' }).optional(),
  ),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

/** One professional in the admin's scope, masked, with this year's hours. */
export const PersonListItem = z.object({
  personId: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  employerName: z.string(),
  titleLabel: z.string(),
  employment: Employment,
  employmentLabel: z.string(),
  employmentSince: z.string().nullable(),
  thisYear: z.object({ year: z.number().int(), public: z.number(), specialized: z.number() }),
  /** The admin's org is the person's employer: it may mark them 离职 / 退休 or back 在职. */
  mayMark: z.boolean(),
  /** A 账号注销 of this person waits for review: not offered again. */
  closurePending: z.boolean(),
});
export type PersonListItem = z.infer<typeof PersonListItem>;

export const PeopleListPage = pageOf(PersonListItem).extend({
  /** How many of the scope are 在职 / 离职 / 退休 (the active count is what the statistics count). */
  counts: z.record(Employment, z.number().int()),
});
export type PeopleListPage = z.infer<typeof PeopleListPage>;

export const EmploymentInput = z
  .object({ employment: Employment, since: Day('日期').optional() })
  .refine((v) => v.employment === 'active' || v.since !== undefined, { message: '请选择离职或退休日期', path: ['since'] });
export type EmploymentInput = z.infer<typeof EmploymentInput>;

/** 专技人员信息查询's 详情: what the admin sees of one person of the scope (ID number and phone masked). */
export const PersonDetails = z.object({
  personId: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  genderLabel: z.string(),
  birthYear: z.number().int(),
  phoneMasked: z.string().nullable(),
  employerName: z.string(),
  titleLabel: z.string(),
  titleObtainedOn: z.string().nullable(),
  majorName: z.string(),
  ethnicityName: z.string().nullable(),
  educationName: z.string().nullable(),
  employment: Employment,
  employmentLabel: z.string(),
  employmentSince: z.string().nullable(),
  registeredAt: z.string(),
  /** Still on the initial or an admin's temporary password. */
  mustChangePassword: z.boolean(),
});
export type PersonDetails = z.infer<typeof PersonDetails>;

/** The active employers of the admin's scope by part of the name (its own org first): 查询's filter, 导入到单位. */
export const ScopeEmployerQuery = z.object({ keyword: z.string().trim().max(30).optional() });
export const ScopeEmployerChoices = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), creditCode: z.string().nullable() })),
});
export type ScopeEmployerChoices = z.infer<typeof ScopeEmployerChoices>;
