import { z } from 'zod';
import { defineRequestKind } from '../reviews';
import { findBureauOfRegion, findOrgForRoute } from '../claims';

export const ANNUAL_REPORT_KIND = 'report.provider';

/** The report as filed: the provider's own account of the year, beside the platform's figures of it at filing. */
export const AnnualReportPayload = z.object({
  providerId: z.string(),
  /** The provider's name when it filed, for the reviewers' list (a report's title is otherwise the same for every provider). */
  providerName: z.string().optional(),
  year: z.number().int(),
  teachers: z.number().int(),
  summary: z.string(),
  recorded: z.object({ plans: z.number().int(), attendances: z.number().int(), hours: z.number() }),
});
export type AnnualReportPayload = z.infer<typeof AnnualReportPayload>;

/** 继续教育基地年度报告: reviewed by the bureau of the provider's region (审核继续教育基地年度报告, seed 002, 003 4.5). */
export const annualReportKind = defineRequestKind<AnnualReportPayload>({
  kind: ANNUAL_REPORT_KIND,
  label: '继续教育基地年度报告',
  permission: 'reviews.annualReports',
  withdrawnByOrgWith: 'training.annualReport',
  payloadSchema: AnnualReportPayload,
  route: async ({ tx, payload }) => {
    const provider = await findOrgForRoute(tx, payload.providerId);
    const bureau = provider && (await findBureauOfRegion(tx, provider.regionCode));
    return bureau ? [bureau.id] : [];
  },
  summarize: async ({ payload }) => ({
    title: `${payload.providerName ? `${payload.providerName}：` : ''}${payload.year}年度报告`,
    subjectOrgId: payload.providerId,
  }),
  present: (p) => [
    { label: '报告年度', value: `${p.year}年` },
    { label: '师资人数', value: `${p.teachers}人` },
    {
      label: '平台记录',
      value: `审核通过的培训计划${p.recorded.plans}个，代申报学时审核通过${p.recorded.attendances}人次、共${p.recorded.hours}学时`,
    },
    { label: '年度工作总结', value: p.summary },
  ],
});
