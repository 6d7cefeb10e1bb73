import type { AnnualReportInput, ProviderYearFigures, SubmittedRequest } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { AuditOrigin } from '../../platform/audit/audit';
import { chinaDay } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import { submitRequest } from '../reviews';
import { ANNUAL_REPORT_KIND, type AnnualReportPayload } from './annual-report.kind';
import { findLiveReport, lockReportYear, providerYearFigures } from './training.repository';
import { providerSponsor } from './training.sponsors';

const currentYear = (ctx: AppContext) => Number(chinaDay(ctx.clock.now()).slice(0, 4));

/** The platform's figures of the provider's year, shown beside the report form before it is filed. */
export const yearFigures = async (ctx: AppContext, actor: Actor, year: number): Promise<ProviderYearFigures> => ({
  year,
  ...(await providerYearFigures(ctx.db, providerSponsor, actor.orgId, year)),
});

/** 年度报告: of a year that has begun, once a year (a rejected or withdrawn one may be filed again), with the report file. */
export const submitAnnualReport = async (ctx: AppContext, actor: Actor, input: AnnualReportInput, origin: AuditOrigin): Promise<SubmittedRequest> => {
  if (input.year > currentYear(ctx)) throw new AppError('VALIDATION_FAILED', '不能提交尚未开始年度的年度报告');
  if (input.attachmentIds.length === 0) throw new AppError('VALIDATION_FAILED', '请上传年度报告文件（盖章扫描件）');
  const row = await ctx.db.transaction().execute(async (tx) => {
    await lockReportYear(tx, actor.orgId, input.year);
    if (await findLiveReport(tx, ANNUAL_REPORT_KIND, actor.orgId, input.year)) {
      throw new AppError('CONFLICT', `${input.year}年度报告已提交，请勿重复提交（被驳回或撤回后可重新提交）`);
    }
    const recorded = await providerYearFigures(tx, providerSponsor, actor.orgId, input.year);
    const payload: AnnualReportPayload = {
      providerId: actor.orgId,
      providerName: actor.orgName,
      year: input.year,
      teachers: input.teachers,
      summary: input.summary,
      recorded,
    };
    const applicant = { personId: actor.personId, accountId: actor.accountId };
    return submitRequest({ ctx, tx, kind: ANNUAL_REPORT_KIND, applicant, payload, origin, attachmentIds: input.attachmentIds });
  });
  return { id: row.id, status: row.status };
};
