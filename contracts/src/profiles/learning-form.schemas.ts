import { z } from 'zod';

/** Public subjects (公需科目) or the subjects of one's own profession (专业科目). */
export const LearningCategory = z.enum(['public', 'specialized']);
export type LearningCategory = z.infer<typeof LearningCategory>;

export const learningCategoryLabels: Record<LearningCategory, string> = { public: '公需科目', specialized: '专业科目' };

export const FormFieldType = z.enum(['text', 'textarea', 'number', 'date', 'select', 'file']);

/** One input a claim form asks for; `key` is the name the claim payload uses. */
export const FormField = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: z.string().min(1),
  type: FormFieldType,
  required: z.boolean(),
  options: z.array(z.object({ value: z.string().min(1), label: z.string().min(1) })).optional(),
  unit: z.string().optional(),
});
export type FormField = z.infer<typeof FormField>;

/**
 * One row of a rate table. `when` holds select-field values that pick the row (an empty object matches
 * everything); the amount is either `hours` or `byRank` (hours for the 1st, 2nd... ranked person;
 * ranks past the end of the list earn nothing).
 */
export const HoursRate = z
  .object({
    when: z.record(z.string(), z.string()).default({}),
    /** How an explanation names a bonus row (宣读、报告论文); rate rows are named by their `when` options. */
    label: z.string().min(1).optional(),
    hours: z.number().positive().optional(),
    byRank: z.array(z.number().positive()).min(1).optional(),
  })
  .refine((r) => (r.hours === undefined) !== (r.byRank === undefined), { message: '学时规则应填写 hours 或 byRank 之一' });
export type HoursRate = z.infer<typeof HoursRate>;

/**
 * How a form's hours are set: `declared` (the organizer or reviewer sets the real study time),
 * `perUnit` (a rate times days / courses / months / 10k characters, plus one-off bonuses),
 * `fixed` (an amount per item), `fullYear` (the year's whole requirement of the listed categories).
 */
export const HoursRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('declared'), decidedBy: z.string().min(1) }),
  z.object({
    kind: z.literal('perUnit'),
    unit: z.enum(['day', 'course', 'month', 'tenThousandChars']),
    unitField: z.string().min(1),
    rates: z.array(HoursRate).min(1),
    bonuses: z.array(HoursRate).default([]),
    /** From this many units on, the year's whole specialized requirement counts (课程进修 ≥ 6 months). */
    fullYearFromUnits: z.number().int().positive().optional(),
    /** The most units one claim may state (days, courses, months, 10k characters): a claim is one activity. */
    maxUnits: z.number().positive(),
    rankField: z.string().optional(),
  }),
  z.object({ kind: z.literal('fixed'), rates: z.array(HoursRate).min(1), rankField: z.string().optional() }),
  z.object({
    kind: z.literal('fullYear'),
    categories: z.array(LearningCategory).min(1),
    /** The activity must last at least this long within the claim's dates (援藏、援疆… 满一年). */
    minMonths: z.number().int().positive().optional(),
  }),
]);
export type HoursRule = z.infer<typeof HoursRule>;

/** A kind of learning activity (学习形式): what the claim form asks and how its hours are computed. */
export const LearningForm = z.object({
  code: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  name: z.string().min(1),
  categories: z.array(LearningCategory).min(1),
  fields: z.array(FormField),
  hoursRule: HoursRule,
  /** Upper bound of one claim of this form, when the standard sets one (null: only the daily limit applies). */
  maxHoursPerClaim: z.number().positive().nullable(),
  /**
   * Whether the hours are time spent, so that the profile's hours-per-day limit holds over the claimed dates
   * (false for what is credited per result: a paper, a patent, an exam passed, a whole year).
   */
  dailyLimit: z.boolean().default(true),
  /** Where the policy document behind `standard` is published (【人社厅文件】), when the profile knows it. */
  policyUrl: z.string().url().optional(),
  /** The conversion standard's own words, shown under 【人社厅文件】 on the claim page. */
  standard: z.string().min(1),
});
export type LearningForm = z.infer<typeof LearningForm>;

/** A profile's learning forms: the fields every claim asks, and each form. */
export const LearningFormSet = z.object({
  source: z.string().min(1),
  commonFields: z.array(FormField),
  forms: z.array(LearningForm).min(1),
});
export type LearningFormSet = z.infer<typeof LearningFormSet>;
