/**
 * Hours claims at a county's year-end scale: 10,000 professionals each claim a 3-day national conference with a
 * paper (24 hours) through the real claim service and rules, then the employer and the bureau decide them in
 * batches of 1,000 as the 批量审核 page sends them; the bureau's approval credits each person's year.
 */
import { createJobRunner } from '../server/src/platform/jobs/jobs';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { permissionsOf } from '@cep/contracts';
import { loadProfile } from '@cep/profiles';
import { registerRequestKinds } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import type { Actor } from '../server/src/platform/auth/actor';
import { createTestClock } from '../server/src/platform/clock';
import type { AppContext } from '../server/src/platform/context';
import { migrateToLatest } from '../server/src/platform/db/database';
import { createOutboxNotifier } from '../server/src/platform/notify/notifier';
import { provisionProfile } from '../server/src/modules/organizations';
import { decideBatch } from '../server/src/modules/reviews';
import { submitClaim } from '../server/src/modules/claims';
import { openBenchDb } from './bench-db';
import { adminActor, bureauOf, insertOrg, insertPendingProfessionals, insertUploads } from './reviews.bench-data';

const CLAIMS = Number(process.env.CLAIMS_BENCH_COUNT ?? 10_000);
const BATCH = 1_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const professionalOf = (p: { personId: string; accountId: string; name: string }, employer: { id: string; path: string; name: string }): Actor => ({
  sessionId: 'bench',
  personId: p.personId,
  personName: p.name,
  personIdNumber: '',
  accountId: p.accountId,
  accountKind: 'professional',
  role: 'professional',
  orgId: employer.id,
  orgKind: 'employer',
  orgName: employer.name,
  orgPath: employer.path,
  isSuperAdmin: false,
  permissions: new Set(permissionsOf('professional')),
  mustChangePassword: false,
  mfaStep: null,
});

/** Runs `work` over items, `width` at a time. */
const pooled = async <T>(items: T[], width: number, work: (item: T) => Promise<unknown>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
};

/** Decides every id at `actor`'s org in batches of 1,000; returns the time and how many failed. */
const decideAll = async (ctx: AppContext, actor: Actor, ids: string[], version: number) => {
  const started = performance.now();
  let failed = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const items = ids.slice(i, i + BATCH).map((id) => ({ id, version }));
    failed += (await decideBatch({ ctx, actor, items, decision: 'approve' })).filter((r) => !r.ok).length;
  }
  return { ms: performance.now() - started, failed };
};

export const run = async (): Promise<string> => {
  const { db, close } = await openBenchDb('claims');
  try {
    await migrateToLatest(db);
    await provisionProfile(db, loadProfile('henan'));
    registerRequestKinds();
    // Mid-year in China, so the claims' dates (this year, ended) pass the claim window whenever the bench runs.
    const clock = createTestClock(new Date('2026-06-30T10:00:00+08:00'));
    const ctx: AppContext = {
      db,
      config: loadConfig({ LOG_LEVEL: 'silent', PROFILE: 'henan' }),
      clock,
      notifier: createOutboxNotifier(clock),
      secret: 'bench',
      jobs: createJobRunner(db),
    };
    const bureau = await bureauOf(db, '410102');
    const employer = await insertOrg(db, bureau, 'employer', '基准测试学时申报单位');
    const [employerAdmin, bureauAdmin] = [await adminActor(db, employer, '申报单位'), await adminActor(db, bureau, '区人社局')];
    const people = await insertPendingProfessionals(db, employer, CLAIMS, 'BENCHCLAIM');
    await db.updateTable('account').set({ status: 'active' }).where('orgId', '=', employer.id).where('kind', '=', 'professional').execute();

    // 学习证明材料: each person's upload is on record before the timed part (uploading is its own request).
    const uploads = await insertUploads(db, people);
    const ids: string[] = [];
    const submitStarted = performance.now();
    await pooled(people, 10, async (p) => {
      const receipt = await submitClaim(
        ctx,
        professionalOf(p, employer),
        {
          formCode: 'academicConference',
          creditYear: 2026,
          title: '全国学术年会',
          startDate: '2026-05-10',
          endDate: '2026-05-12',
          fields: { meetingLevel: 'national', organizer: '学会', days: 3, presentedPaper: 'yes' },
          attachmentIds: [uploads.get(p.personId)!],
        },
        { requestId: null, ip: 'bench' },
      );
      ids.push(receipt.id);
    });
    const submitMs = performance.now() - submitStarted;
    const first = await decideAll(ctx, employerAdmin, ids, 1);
    const last = await decideAll(ctx, bureauAdmin, ids, 2);
    const credited = await db
      .selectFrom('personYear')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('creditYear', '=', 2026)
      .where(sql`specialized_hours`, '=', 24)
      .executeTakeFirstOrThrow();
    const rate = (ms: number) => Math.round((ids.length / ms) * 1000);
    return [
      '## Hours claims',
      '',
      `${CLAIMS.toLocaleString('en')} professionals of one employer filed directly under a county bureau (so two levels) each claim a`,
      '3-day national conference with a paper through `submitClaim` (the rule engine, the checks, the review engine),',
      'ten at a time; then the employer and the bureau decide them in batches of 1,000, as 批量审核 sends them. The',
      "bureau's approval is final: each item's effect writes the person's hours record and person-year summary.",
      '',
      '| what | time | notes |',
      '| --- | --- | --- |',
      `| submit ${CLAIMS.toLocaleString('en')} claims | ${seconds(submitMs)} | ${rate(submitMs)} a second |`,
      `| employer approves them, 1,000 a batch | ${seconds(first.ms)} | ${rate(first.ms)} decisions a second; ${first.failed} failed |`,
      `| bureau approves them (final: hours credited) | ${seconds(last.ms)} | ${rate(last.ms)} decisions a second; ${last.failed} failed; ${credited.n} person-years at 24 hours |`,
    ].join('\n');
  } finally {
    await close();
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (out) => console.log(out),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
