import { z } from 'zod';
import { LearningCategory } from '../profiles/learning-form.schemas';

export const CompletionResult = z.enum(['passed', 'failed', 'inProgress']);
export type CompletionResult = z.infer<typeof CompletionResult>;
export const completionResultLabels: Record<CompletionResult, string> = { passed: '通过', failed: '未通过', inProgress: '进行中' };

export const HoursSource = z.enum(['claim', 'proxyClaim', 'unitClaim', 'sync']);
export type HoursSource = z.infer<typeof HoursSource>;
export const hoursSourceLabels: Record<HoursSource, string> = {
  claim: '学时申报',
  proxyClaim: '继续教育机构代申报',
  unitClaim: '单位培训',
  sync: '学习平台对接',
};

/** One hours record behind a year's figure, with the request it came from (one click away). */
export const CompletionRecord = z.object({
  id: z.string(),
  title: z.string(),
  category: LearningCategory,
  hours: z.number(),
  fullYear: z.boolean(),
  source: HoursSource,
  requestId: z.string().nullable(),
  createdAt: z.string(),
});
export type CompletionRecord = z.infer<typeof CompletionRecord>;

const Hours3 = z.object({ total: z.number(), public: z.number(), specialized: z.number() });

/** 年度完成情况 of one year (annualCompletion): the standard, what counts, the result and what is missing. */
export const CompletionYear = z.object({
  year: z.number().int(),
  required: Hours3,
  counted: Hours3,
  result: CompletionResult,
  resultLabel: z.string(),
  missing: z.string().nullable(),
  note: z.string(),
  monthsInPost: z.number().int().nullable(),
  publicFullYear: z.boolean(),
  specializedFullYear: z.boolean(),
  records: z.array(CompletionRecord),
});
export type CompletionYear = z.infer<typeof CompletionYear>;

export const AnnualCompletion = z.object({ years: z.array(CompletionYear) });
export type AnnualCompletion = z.infer<typeof AnnualCompletion>;
