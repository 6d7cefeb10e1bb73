import { z } from 'zod';
import { OptionalText, Text } from '../common/text';
import { PageQuery, Uuid } from '../common/paging';
import { LearningCategory } from '../profiles/learning-form.schemas';
import { AttachmentIds, RequestStatus } from '../reviews/reviews.schemas';
import { Day } from '../claims/claims.schemas';

const Hours = z
  .number({ error: '请填写学时' })
  .positive({ message: '学时应大于0' })
  .max(1_000, { message: '学时过大' })
  .refine((h) => Number.isInteger(h * 10), { message: '学时最多保留一位小数' });

/** 单位培训计划 (trainingPlan): what an employer plans to hold; its authority and peer bureau approve it first. */
export const TrainingPlanInput = z.object({
  title: Text({ label: '培训主题', max: 100 }),
  category: LearningCategory,
  startDate: Day('开始时间'),
  endDate: Day('结束时间'),
  place: Text({ label: '培训地点', max: 100 }),
  /** The hours each attendee earns by attending the whole training. */
  hours: Hours,
  expectedAttendees: z.number({ error: '请填写预计人数' }).int({ message: '预计人数应为整数' }).min(1, { message: '预计人数至少1人' }).max(10_000),
  content: OptionalText({ label: '培训内容', max: 1000, multiline: true }),
});
export type TrainingPlanInput = z.infer<typeof TrainingPlanInput>;

/** 学时申报 under an approved plan: the staff who attended, the hours each earned, and the 签到表 / photos. */
export const UnitClaimInput = z.object({
  planId: Uuid,
  personIds: z.array(Uuid).min(1, { message: '请选择参加培训的专业技术人员' }).max(500, { message: '一次最多申报500人' }),
  hours: Hours,
  attachmentIds: AttachmentIds,
});
export type UnitClaimInput = z.infer<typeof UnitClaimInput>;

/** A professional of the admin's own org, to pick as an attendee (the ID number masked). */
export const StaffChoice = z.object({ personId: z.string(), name: z.string(), idNumberMasked: z.string() });
export type StaffChoice = z.infer<typeof StaffChoice>;
export const StaffChoiceQuery = z.object({ keyword: OptionalText({ label: '关键字', max: 30 }) });

/** One of the org's plans, as its list shows it: the plan, where its review stands, and whether hours may be claimed. */
export const TrainingPlanItem = z.object({
  id: z.string(),
  title: z.string(),
  category: LearningCategory,
  startDate: z.string(),
  endDate: z.string(),
  place: z.string(),
  hours: z.number(),
  expectedAttendees: z.number().int(),
  status: RequestStatus,
  statusLabel: z.string(),
  currentReviewerOrgName: z.string().nullable(),
  createdAt: z.string(),
  /** Approved and over: the 学时申报 of its attendees may be filed. */
  canClaim: z.boolean(),
  claimedPeople: z.number().int(),
});
export type TrainingPlanItem = z.infer<typeof TrainingPlanItem>;
export const TrainingPlanPage = z.object({
  items: z.array(TrainingPlanItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TrainingPlanPage = z.infer<typeof TrainingPlanPage>;
export const TrainingPlanQuery = PageQuery;

export const SubmittedRequest = z.object({ id: z.string(), status: RequestStatus });
export type SubmittedRequest = z.infer<typeof SubmittedRequest>;

/** One line of a provider's roster (代申报学时): who attended, by ID number and name, as the sign-in sheet has them. */
export const RosterEntry = z.object({
  idNumber: Text({ label: '身份证号', max: 20 }),
  name: Text({ label: '姓名', max: 30 }),
});
export type RosterEntry = z.infer<typeof RosterEntry>;
const Roster = z.array(RosterEntry).min(1, { message: '请填写参训人员' }).max(500, { message: '一次最多申报500人' });

/** With the plan: a person already claimed under it is flagged too, before the claim is filed. */
export const RosterCheckInput = z.object({ entries: Roster, planId: Uuid.optional() });
export type RosterCheckInput = z.infer<typeof RosterCheckInput>;

/** A roster line checked against the registered professionals: found with the name matching, or why not. */
export const RosterLine = z.object({
  line: z.number().int(),
  idNumberMasked: z.string(),
  name: z.string(),
  ok: z.boolean(),
  /** The professional's employer, for the provider to confirm it is the right person. */
  employerName: z.string().nullable(),
  message: z.string().nullable(),
});
export type RosterLine = z.infer<typeof RosterLine>;

/** 代申报学时: a provider claims hours for the participants of its approved, finished plan; the bureau approves. */
export const ProxyClaimInput = z.object({
  planId: Uuid,
  hours: Hours,
  attendees: Roster,
  attachmentIds: AttachmentIds,
});
export type ProxyClaimInput = z.infer<typeof ProxyClaimInput>;

/** 年度报告 of a provider: its year's work in its own words, beside what the platform recorded of it. */
export const AnnualReportInput = z.object({
  year: z.number({ error: '请选择报告年度' }).int().min(2000, { message: '报告年度不正确' }).max(2100, { message: '报告年度不正确' }),
  teachers: z.number({ error: '请填写师资人数' }).int({ message: '师资人数应为整数' }).min(0).max(100_000),
  summary: Text({ label: '年度工作总结', min: 10, max: 5000, multiline: true }),
  attachmentIds: AttachmentIds,
});
export type AnnualReportInput = z.infer<typeof AnnualReportInput>;

/** What the platform recorded of a provider's year: its approved plans, and the people and hours of its approved proxy claims. */
export const ProviderYearFigures = z.object({
  year: z.number().int(),
  plans: z.number().int(),
  attendances: z.number().int(),
  hours: z.number(),
});
export type ProviderYearFigures = z.infer<typeof ProviderYearFigures>;
export const ProviderYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
