import { hoursSourceLabels, learningCategoryLabels, maskIdNumber, type CompletionYear } from '@cep/contracts';
import { loadProfile, titleLevelByCode, titleSeriesByCode } from '@cep/profiles';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import { annualCompletion } from './completion.service';
import { findProfessionalFacts } from './completion.repository';
import { MAX_CERTIFICATE_YEARS } from './certificates.service';

export type StatementRecord = { year: number; title: string; category: string; hours: string; source: string; day: string };

/** What a 学时证明 prints: the person, and for each year of the range its standard, hours, result and records. */
export type HoursStatement = {
  provinceName: string;
  issuerName: string;
  name: string;
  idNumberMasked: string;
  employerName: string;
  titleSeriesName: string;
  titleLevelName: string;
  fromYear: number;
  toYear: number;
  years: Pick<CompletionYear, 'year' | 'required' | 'counted' | 'resultLabel' | 'missing'>[];
  records: StatementRecord[];
};

const day = (d: string) => d.slice(0, 10);

/**
 * 学时证明 (seed 003 7.1): a person's records of a range of years as the platform holds them, for any year (passed,
 * failed or in progress), with each year's standard and result.
 */
export const hoursStatement = async (ctx: AppContext, personId: string, fromYear: number, toYear: number): Promise<HoursStatement> => {
  if (toYear - fromYear + 1 > MAX_CERTIFICATE_YEARS) throw new AppError('VALIDATION_FAILED', `一次最多打印${MAX_CERTIFICATE_YEARS}个年度的学时证明`);
  const facts = await findProfessionalFacts(ctx.db, personId);
  if (!facts) throw new AppError('NOT_FOUND', '未找到该专业技术人员');
  const profile = loadProfile(ctx.config.profile);
  const years = (await annualCompletion(ctx, personId)).years.filter((y) => y.year >= fromYear && y.year <= toYear).sort((a, b) => a.year - b.year);
  if (years.length === 0) throw new AppError('VALIDATION_FAILED', `${fromYear}至${toYear}年度没有该人员的学时年度，请重新选择年度`);
  return {
    provinceName: profile.provinceName,
    issuerName: facts.bureauName ?? `${profile.provinceName}人力资源和社会保障厅`,
    name: facts.name,
    idNumberMasked: maskIdNumber(facts.idNumber),
    employerName: facts.employerName,
    titleSeriesName: titleSeriesByCode(profile, facts.titleSeries)?.name ?? '—',
    titleLevelName: titleLevelByCode(profile, facts.titleLevel as never)?.name ?? '—',
    fromYear,
    toYear,
    years: years.map(({ year, required, counted, resultLabel, missing }) => ({ year, required, counted, resultLabel, missing })),
    records: years.flatMap((y) =>
      [...y.records]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.title.localeCompare(b.title))
        .map((r) => ({
          year: y.year,
          title: r.title,
          category: learningCategoryLabels[r.category],
          hours: r.fullYear ? '全年完成' : String(r.hours),
          source: r.sourceName ? `${hoursSourceLabels[r.source]}（${r.sourceName}）` : hoursSourceLabels[r.source],
          day: day(r.createdAt),
        })),
    ),
  };
};
