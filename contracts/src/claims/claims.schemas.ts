import { z } from 'zod';
import { Text } from '../common/text';
import { AttachmentIds } from '../reviews/reviews.schemas';
import { LearningCategory, LearningFormSet } from '../profiles/learning-form.schemas';

/** A calendar day as YYYY-MM-DD (whether it exists is the rules' check). */
export const Day = (label: string) => z.string({ error: `请选择${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { message: `请选择${label}` });

/**
 * The values of a learning form's own fields (生成自 profile): text (cleaned like any text input: no NUL, no
 * invisible-only text) or a number; the rule engine checks each against the form.
 */
export const ClaimFieldValues = z
  .record(
    z.string().regex(/^[a-z][a-zA-Z0-9]{0,40}$/, { message: '字段名无效' }),
    z.union([
      z.number({ error: '请填写数字' }).min(0, { message: '数字不能为负' }).max(1_000_000, { message: '数字过大' }),
      Text({ label: '填写内容', max: 200 }),
    ]),
  )
  .refine((fields) => Object.keys(fields).length <= 30, { message: '填写的项目过多' });

/** What the rule engine needs to price a claim (the live figure under the form, and the server's own check). */
export const ClaimQuoteInput = z.object({
  formCode: z.string({ error: '请选择学习形式' }).min(1, { message: '请选择学习形式' }).max(40),
  startDate: Day('开始时间').optional(),
  endDate: Day('结束时间').optional(),
  /** The declared forms' hours (申请学时); computed forms ignore it. */
  hours: z.number({ error: '申请学时应为数字' }).positive({ message: '申请学时应大于0' }).max(3_000, { message: '申请学时过大' }).optional(),
  fields: ClaimFieldValues.default({}),
});
export type ClaimQuoteInput = z.infer<typeof ClaimQuoteInput>;

export const ClaimQuote = z.union([
  z.object({ ok: z.literal(true), hours: z.number(), explanation: z.string() }),
  z.object({ ok: z.literal(true), fullYear: z.array(LearningCategory), explanation: z.string() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type ClaimQuote = z.infer<typeof ClaimQuote>;

/** 学时(分)申报: one activity of one learning form. */
export const ClaimInput = ClaimQuoteInput.extend({
  creditYear: z.number({ error: '请选择认证年度' }).int().min(2000).max(2100),
  /** Chosen when the form allows both; otherwise the form's own. */
  category: LearningCategory.optional(),
  title: Text({ label: '学习内容', max: 100 }),
  startDate: Day('开始时间'),
  endDate: Day('结束时间'),
  assessmentResult: Text({ label: '考核结果', max: 100 }).optional(),
  /** 学习证明材料: the applicant's uploads (POST /api/requests/attachments), bound to the claim when it is filed. */
  attachmentIds: AttachmentIds.default([]),
});
export type ClaimInput = z.infer<typeof ClaimInput>;

/** The professional an admin files a claim for (学时学分申报 of a bureau): both facts, as on their ID card. */
export const ClaimantLookup = z.object({ idNumber: Text({ label: '身份证号', max: 20 }), name: Text({ label: '姓名', max: 30 }) });
export type ClaimantLookup = z.infer<typeof ClaimantLookup>;
export const Claimant = z.object({ name: z.string(), idNumberMasked: z.string(), employerName: z.string() });
export type Claimant = z.infer<typeof Claimant>;
export const ClaimForPersonInput = ClaimInput.extend({ claimant: ClaimantLookup });
export type ClaimForPersonInput = z.infer<typeof ClaimForPersonInput>;

export const ClaimReceipt = z.object({
  id: z.string(),
  status: z.string(),
  hours: z.number().nullable(),
  fullYear: z.array(LearningCategory).nullable(),
  explanation: z.string(),
});
export type ClaimReceipt = z.infer<typeof ClaimReceipt>;

/** What the claim page needs to draw every form: the profile's forms, the limit per day and the open years. */
export const ClaimFormsView = z.object({
  learningForms: LearningFormSet,
  dailyHourLimit: z.number(),
  claimableYears: z.array(z.number().int()),
  claimWindowMessage: z.string(),
});
export type ClaimFormsView = z.infer<typeof ClaimFormsView>;

/** One year of a person's approved hours (the person-year summary). */
export const PersonYearHours = z.object({
  creditYear: z.number().int(),
  publicHours: z.number(),
  specializedHours: z.number(),
  publicFullYear: z.boolean(),
  specializedFullYear: z.boolean(),
});
export const MyHours = z.object({ years: z.array(PersonYearHours) });
export type MyHours = z.infer<typeof MyHours>;
