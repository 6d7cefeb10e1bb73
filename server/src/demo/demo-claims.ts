import type { ClaimInput } from '@cep/contracts';
import type { AppContext } from '../platform/context';
import { chinaDay } from '../platform/clock';
import { AppError } from '../platform/errors/app-error';
import { decideRequest, uploadAttachment } from '../modules/reviews';
import { demoEvidencePdf } from './demo-evidence';
import { creditHours, submitClaim } from '../modules/claims';
import { DEMO_ORIGIN, professionalActor, superAdminActor } from './demo-actor';

const MARKER = 'demo_claims_loaded';
const DAY_MS = 86_400_000;

/** A day `back` days before today, kept inside this year so that the claim window (this year) takes it. */
const daysAgo = (ctx: AppContext, back: number) => {
  const today = chinaDay(ctx.clock.now());
  const day = chinaDay(new Date(ctx.clock.now().getTime() - back * DAY_MS));
  return day.slice(0, 4) === today.slice(0, 4) ? day : `${today.slice(0, 4)}-01-01`;
};

/** The demo professional's claims: one approved through the whole chain, one halfway, one waiting at the employer. */
const demoClaims = (ctx: AppContext, year: number): { input: Omit<ClaimInput, 'attachmentIds'>; evidence: string; approvals: number }[] => [
  {
    approvals: 3,
    evidence: '学术会议参会证明（演示）.pdf',
    input: {
      formCode: 'academicConference',
      creditYear: year,
      title: '全省卫生健康学术年会',
      startDate: daysAgo(ctx, 42),
      endDate: daysAgo(ctx, 40),
      fields: { meetingLevel: 'national', organizer: '中华医学会', days: 3, presentedPaper: 'yes' },
    },
  },
  {
    approvals: 1,
    evidence: '网络课程学习证明（演示）.pdf',
    input: {
      formCode: 'onlineLearning',
      creditYear: year,
      category: 'public',
      title: '公需科目网络课程',
      startDate: daysAgo(ctx, 30),
      endDate: daysAgo(ctx, 28),
      hours: 12,
      fields: { platform: '专业技术人员继续教育网络学院' },
    },
  },
  {
    approvals: 0,
    evidence: '培训班结业证明（演示）.pdf',
    input: {
      formCode: 'providerTraining',
      creditYear: year,
      category: 'specialized',
      title: '临床技能提升培训班',
      startDate: daysAgo(ctx, 10),
      endDate: daysAgo(ctx, 9),
      hours: 16,
      fields: { provider: '省继续教育基地' },
    },
  },
];

/**
 * Once per database: the demo professional's claims, filed and decided through the same services as the pages,
 * so the reviewers' 学时审核 queues hold one and the professional's year shows approved hours.
 */
export const ensureClaimDemo = async (ctx: AppContext, professionalIdNumber: string | undefined) => {
  if (!professionalIdNumber) return;
  const done = await ctx.db.selectFrom('platformSetting').select('value').where('key', '=', MARKER).executeTakeFirst();
  if (done) return;
  const applicant = await professionalActor(ctx, professionalIdNumber);
  const year = Number(chinaDay(ctx.clock.now()).slice(0, 4));
  for (const { input, evidence, approvals } of demoClaims(ctx, year)) {
    const upload = await uploadAttachment(ctx, applicant, {
      filename: evidence,
      bytes: demoEvidencePdf(`Demo evidence: ${input.formCode}, ${input.startDate}`),
    });
    // Early in January the dates fold onto the 1st and a rule may refuse a claim: the demo then goes without it.
    const receipt = await submitClaim(ctx, applicant, { ...input, attachmentIds: [upload.id] }, DEMO_ORIGIN).catch((error: unknown) => {
      if (error instanceof AppError) return null;
      throw error;
    });
    if (!receipt) continue;
    for (let i = 0; i < approvals; i++) {
      const step = await ctx.db
        .selectFrom('request')
        .select(['currentReviewerOrgId', 'version'])
        .where('id', '=', receipt.id)
        .executeTakeFirstOrThrow();
      const actor = await superAdminActor(ctx, step.currentReviewerOrgId!);
      await decideRequest({ ctx, actor, requestId: receipt.id, version: step.version, decision: 'approve', origin: DEMO_ORIGIN });
    }
  }
  await ctx.db.insertInto('platformSetting').values({ key: MARKER, value: new Date().toISOString() }).execute();
};

const HISTORY_MARKER = 'demo_history_loaded';

/**
 * Once per database: the demo professional's two previous years, passed (as records carried over from the platform
 * they were kept on before), so 年度完成情况 shows passed years and 打印证书 / 合并打印 have something to print.
 */
export const ensureHistoryDemo = async (ctx: AppContext, professionalIdNumber: string | undefined) => {
  if (!professionalIdNumber) return;
  const done = await ctx.db.selectFrom('platformSetting').select('value').where('key', '=', HISTORY_MARKER).executeTakeFirst();
  if (done) return;
  const { personId } = await professionalActor(ctx, professionalIdNumber);
  const year = Number(chinaDay(ctx.clock.now()).slice(0, 4));
  const record = (creditYear: number, category: 'public' | 'specialized', hours: number, title: string) => ({
    personId,
    creditYear,
    category,
    hours,
    fullYear: false,
    source: 'claim' as const,
    requestId: null,
    formCode: null,
    title: `${title}（往年记录，演示）`,
  });
  await creditHours(
    ctx.db,
    [
      record(year - 1, 'public', 30, '公需科目网络学习'),
      record(year - 1, 'specialized', 42, '省医学会学术年会'),
      record(year - 1, 'specialized', 24, '急诊急救技能培训'),
      record(year - 2, 'public', 30, '公需科目网络学习'),
      record(year - 2, 'specialized', 60, '临床专业课程进修'),
    ],
    ctx.clock.now(),
  );
  await ctx.db.insertInto('platformSetting').values({ key: HISTORY_MARKER, value: new Date().toISOString() }).execute();
};
