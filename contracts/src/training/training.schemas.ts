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
