import { z } from 'zod';
import { TitleLevelCode, type LearningCategory } from '@cep/contracts';
import {
  annualPass,
  claimableYears,
  claimCityRefusal,
  dailyLimitRefusal,
  isClaimYearOpen,
  learningFormByCode,
  loadProfile,
  quoteHours,
} from '@cep/profiles';
import { answerJsonLine } from '../../platform/cli/jsonl';

/**
 * One question to the hours rules, as `npm run -s hours -- --jsonl` reads it (docs/hours.md): the same functions
 * the server and the claim form use, so that people outside the project can check them against the seeds.
 */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });
const Year = z.number().int().min(2000).max(2100);
const base = { profile: z.enum(['henan', 'shandong'], { message: 'profile 只能是 henan 或 shandong' }) };

export const HoursCheck = z.discriminatedUnion(
  'check',
  [
    z.object({ ...base, check: z.literal('quote'), form: z.string().min(1), fields: z.record(z.string(), z.unknown()).default({}) }),
    z.object({
      ...base,
      check: z.literal('annualPass'),
      year: Year,
      titleLevel: TitleLevelCode,
      regionCode: z.string().regex(/^\d{6}$/),
      public: z.number().min(0),
      specialized: z.number().min(0),
    }),
    z.object({ ...base, check: z.literal('dailyLimit'), startDate: Day, endDate: Day, hours: z.number().positive() }),
    z.object({ ...base, check: z.literal('supportedCity'), regionCode: z.string().regex(/^\d{6}$/) }),
    z.object({ ...base, check: z.literal('claimYear'), year: Year, currentYear: Year }),
  ],
  { message: 'check 只能是 quote、annualPass、dailyLimit、supportedCity 或 claimYear' },
);
export type HoursCheck = z.infer<typeof HoursCheck>;

/** The whole year of some categories, as the checker names it. */
const fullYearName = (categories: LearningCategory[]) =>
  categories.length === 2 ? 'fullYear' : categories[0] === 'specialized' ? 'fullYearSpecialized' : 'fullYearPublic';

const allowed = (refusal: string | null) => (refusal ? { allowed: false, message: refusal } : { allowed: true });

export const answerHoursCheck = (check: HoursCheck): Record<string, unknown> => {
  const profile = loadProfile(check.profile); // loaded once per process (load-profile's cache)
  switch (check.check) {
    case 'quote': {
      const form = learningFormByCode(profile, check.form);
      if (!form) return { error: `没有学习形式 ${check.form}（可用：${profile.learningForms.forms.map((f) => f.code).join('、')}）` };
      const quote = quoteHours(form, check.fields);
      if (!quote.ok) return { refused: true, message: quote.message };
      return 'hours' in quote
        ? { hours: quote.hours, explanation: quote.explanation }
        : { hours: fullYearName(quote.fullYear), explanation: quote.explanation };
    }
    case 'annualPass': {
      const result = annualPass(profile, check);
      return result ? { pass: result.pass, required: result.required } : { error: `${check.year}年没有合格学时标准` };
    }
    case 'dailyLimit':
      return allowed(dailyLimitRefusal(profile, check));
    case 'supportedCity':
      return allowed(claimCityRefusal(profile, check.regionCode));
    case 'claimYear':
      return isClaimYearOpen(profile, check)
        ? { allowed: true }
        : { allowed: false, message: profile.claimWindow.message, years: claimableYears(profile, check.currentYear) };
  }
};

/** One input line to one output line; a bad line gets `{"error": …}`. */
export const answerHoursLine = (line: string): string => answerJsonLine(line, HoursCheck, answerHoursCheck);
