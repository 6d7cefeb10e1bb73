import { completionResultLabels, type AnnualCompletion, type CompletionYear, type TitleLevelCode } from '@cep/contracts';
import { loadProfile, yearCompletion } from '@cep/profiles';
import { chinaDay } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { listPersonYears } from '../claims';
import { findProfessionalFacts, listRecords } from './completion.repository';
import { listProrations } from './proration.repository';

const NO_TOTALS = { public: 0, specialized: 0, publicFullYear: false, specializedFullYear: false };

/**
 * 年度完成情况 (annualCompletion): one row per year from the year the person registered (and any earlier year they
 * have records in) to this one, newest first: the standard for their title level and region, what counts, the
 * result, what is missing, and the records behind the figures.
 */
export const annualCompletion = async (ctx: AppContext, personId: string, db: DbOrTx = ctx.db): Promise<AnnualCompletion> => {
  const facts = await findProfessionalFacts(db, personId);
  if (!facts) throw new AppError('FORBIDDEN', '只有专业技术人员有年度完成情况');
  const profile = loadProfile(ctx.config.profile);
  const currentYear = Number(chinaDay(ctx.clock.now()).slice(0, 4));
  const [summaries, records, prorations] = [await listPersonYears(db, personId), await listRecords(db, personId), await listProrations(db, personId)];
  const firstYear = Math.min(Number(chinaDay(facts.createdAt).slice(0, 4)), ...summaries.map((s) => s.creditYear));
  const years: CompletionYear[] = [];
  for (let year = currentYear; year >= firstYear; year--) {
    const summary = summaries.find((s) => s.creditYear === year);
    const totals = summary ? { ...summary, public: summary.publicHours, specialized: summary.specializedHours } : NO_TOTALS;
    const completion = yearCompletion(profile, {
      year,
      currentYear,
      titleLevel: facts.titleLevel as TitleLevelCode,
      regionCode: facts.regionCode,
      totals,
      monthsInPost: prorations.find((p) => p.creditYear === year)?.monthsInPost ?? null,
    });
    if (!completion) continue;
    years.push({
      year,
      ...completion,
      resultLabel: completionResultLabels[completion.result],
      publicFullYear: totals.publicFullYear,
      specializedFullYear: totals.specializedFullYear,
      records: records
        .filter((r) => r.creditYear === year)
        .map(({ creditYear: _, createdAt, ...r }) => ({ ...r, createdAt: createdAt.toISOString() })),
    });
  }
  return { years, prorationCases: profile.proratedRequirementCases };
};
