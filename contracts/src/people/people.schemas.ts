import { z } from 'zod';
import { OptionalText } from '../common/text';
import { PageQuery, pageOf } from '../common/paging';
import { Day } from '../claims/claims.schemas';

/** 在职 / 离职 / 退休: an employer marks people who left or retired instead of deleting them (seed 001 投诉建议 1, 6). */
export const Employment = z.enum(['active', 'left', 'retired'], { error: '请选择人员状态' });
export type Employment = z.infer<typeof Employment>;
export const employmentLabels: Record<Employment, string> = { active: '在职', left: '离职', retired: '退休' };

export const PeopleQuery = PageQuery.extend({
  keyword: OptionalText({ label: '姓名或身份证号', max: 30 }),
  employment: Employment.optional().default('active'),
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
