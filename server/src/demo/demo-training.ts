import type { AppContext } from '../platform/context';
import { chinaDay } from '../platform/clock';
import { decideRequest, uploadAttachment } from '../modules/reviews';
import { employerSponsor, providerSponsor, submitAnnualReport, submitPlan, submitProxyClaim, submitUnitClaim } from '../modules/training';
import { DEMO_ORIGIN, superAdminActor } from './demo-actor';
import { demoEvidencePdf } from './demo-evidence';

const MARKER = 'demo_training_loaded';
const PROVIDER_MARKER = 'demo_provider_training_loaded';
const DAY_MS = 86_400_000;

/** A day `offset` days from today (negative: before), kept inside this year. */
const dayFrom = (ctx: AppContext, offset: number) => {
  const today = chinaDay(ctx.clock.now());
  const day = chinaDay(new Date(ctx.clock.now().getTime() + offset * DAY_MS));
  if (day.slice(0, 4) === today.slice(0, 4)) return day;
  return offset < 0 ? `${today.slice(0, 4)}-01-01` : `${today.slice(0, 4)}-12-31`;
};

/** Approves a request at each of its steps, as each step's super admin. */
const approveAll = async (ctx: AppContext, requestId: string, steps: number) => {
  for (let i = 0; i < steps; i++) {
    const row = await ctx.db.selectFrom('request').select(['currentReviewerOrgId', 'version']).where('id', '=', requestId).executeTakeFirstOrThrow();
    if (!row.currentReviewerOrgId) return;
    const actor = await superAdminActor(ctx, row.currentReviewerOrgId);
    await decideRequest({ ctx, actor, requestId, version: row.version, decision: 'approve', origin: DEMO_ORIGIN });
  }
};

/**
 * Once per database: the demo employer's 单位培训计划 — one held and approved, with its attendees' 学时申报 waiting at
 * the 主管部门; one coming up, waiting for review — filed through the same services as the page.
 */
export const ensureTrainingDemo = async (ctx: AppContext, professionalIdNumber: string | undefined) => {
  if (!professionalIdNumber) return;
  const done = await ctx.db.selectFrom('platformSetting').select('value').where('key', '=', MARKER).executeTakeFirst();
  if (done) return;
  const { orgId } = await ctx.db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .select('a.orgId')
    .where('p.idNumber', '=', professionalIdNumber)
    .where('a.kind', '=', 'professional')
    .executeTakeFirstOrThrow();
  // The demo professional's colleagues (and the professional): the attendees of the training held.
  const attendeeIds = (
    await ctx.db
      .selectFrom('account')
      .select('personId')
      .where('orgId', '=', orgId)
      .where('kind', '=', 'professional')
      .where('status', '=', 'active')
      .orderBy('createdAt')
      .limit(3)
      .execute()
  ).map((a) => a.personId);
  const admin = await superAdminActor(ctx, orgId);
  const held = await submitPlan(
    ctx,
    admin,
    employerSponsor,
    {
      title: '心肺复苏技能培训',
      category: 'specialized',
      startDate: dayFrom(ctx, -20),
      endDate: dayFrom(ctx, -20),
      place: '医院急诊科示教室',
      hours: 8,
      expectedAttendees: 30,
      content: '成人心肺复苏与AED使用，理论与实操考核',
    },
    DEMO_ORIGIN,
  );
  await approveAll(ctx, held.id, 2);
  const sheet = await uploadAttachment(ctx, admin, {
    filename: '心肺复苏培训签到表（演示）.pdf',
    bytes: demoEvidencePdf('Demo sign-in sheet: CPR training'),
  });
  await submitUnitClaim(ctx, admin, { planId: held.id, personIds: attendeeIds, hours: 8, attachmentIds: [sheet.id] }, DEMO_ORIGIN);
  await submitPlan(
    ctx,
    admin,
    employerSponsor,
    {
      title: '医疗质量与安全管理培训',
      category: 'public',
      startDate: dayFrom(ctx, 10),
      endDate: dayFrom(ctx, 11),
      place: '医院学术报告厅',
      hours: 12,
      expectedAttendees: 80,
      content: undefined,
    },
    DEMO_ORIGIN,
  );
  await ctx.db.insertInto('platformSetting').values({ key: MARKER, value: new Date().toISOString() }).execute();
};

const isDone = async (ctx: AppContext, marker: string) =>
  Boolean(await ctx.db.selectFrom('platformSetting').select('value').where('key', '=', marker).executeTakeFirst());

/**
 * Once per database: the demo provider's 培训计划申报 — one held and approved, with its 代申报学时 for the demo
 * professional and two people of other employers waiting at the bureau; one coming up, waiting — and last year's
 * 年度报告 waiting in the bureau's 审核继续教育基地年度报告.
 */
export const ensureProviderDemo = async (ctx: AppContext, logins: { provider?: string; professional?: string }) => {
  if (!logins.provider || !logins.professional || (await isDone(ctx, PROVIDER_MARKER))) return;
  const { orgId } = await ctx.db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .select('a.orgId')
    .where('p.idNumber', '=', logins.provider)
    .where('a.kind', '=', 'admin')
    .executeTakeFirstOrThrow();
  const professional = await ctx.db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .select(['p.idNumber', 'p.name', 'a.orgId'])
    .where('p.idNumber', '=', logins.professional)
    .where('a.kind', '=', 'professional')
    .executeTakeFirstOrThrow();
  const others = await ctx.db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .select(['p.idNumber', 'p.name'])
    .where('a.kind', '=', 'professional')
    .where('a.status', '=', 'active')
    .where('a.orgId', '!=', professional.orgId)
    .orderBy('a.createdAt')
    .limit(2)
    .execute();
  const admin = await superAdminActor(ctx, orgId);
  const held = await submitPlan(
    ctx,
    admin,
    providerSponsor,
    {
      title: '专业技术人员职业道德与诚信建设',
      category: 'public',
      startDate: dayFrom(ctx, -15),
      endDate: dayFrom(ctx, -15),
      place: '继续教育基地培训楼201教室',
      hours: 6,
      expectedAttendees: 120,
      content: '职业道德规范、学术诚信与典型案例',
    },
    DEMO_ORIGIN,
  );
  await approveAll(ctx, held.id, 1);
  const sheet = await uploadAttachment(ctx, admin, {
    filename: '职业道德培训签到表（演示）.pdf',
    bytes: demoEvidencePdf('Demo sign-in sheet: ethics training'),
  });
  const attendees = [professional, ...others].map((p) => ({ idNumber: p.idNumber, name: p.name }));
  await submitProxyClaim(ctx, admin, { planId: held.id, hours: 6, attendees, attachmentIds: [sheet.id] }, DEMO_ORIGIN);
  await submitPlan(
    ctx,
    admin,
    providerSponsor,
    {
      title: '数字技术与人工智能应用',
      category: 'specialized',
      startDate: dayFrom(ctx, 7),
      endDate: dayFrom(ctx, 9),
      place: '继续教育基地多媒体教室',
      hours: 24,
      expectedAttendees: 60,
      content: undefined,
    },
    DEMO_ORIGIN,
  );
  const report = await uploadAttachment(ctx, admin, { filename: '年度报告（演示）.pdf', bytes: demoEvidencePdf('Demo annual report') });
  const lastYear = Number(chinaDay(ctx.clock.now()).slice(0, 4)) - 1;
  const summary = `${lastYear}年共举办公需科目和专业科目培训班12期，培训专业技术人员1860人次；新建课程8门，专兼职教师26人。`;
  await submitAnnualReport(ctx, admin, { year: lastYear, teachers: 26, summary, attachmentIds: [report.id] }, DEMO_ORIGIN);
  await ctx.db.insertInto('platformSetting').values({ key: PROVIDER_MARKER, value: new Date().toISOString() }).execute();
};
