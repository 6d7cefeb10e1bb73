/**
 * 学时对接 at a learning platform's year-end push: 10,000 professionals, two completions each (a public course and a
 * specialized one of their title series), sent through the HTTP endpoint in batches of 500 with the source's key,
 * one batch after another as a source sends them; then the same batches again (resends: nothing changes). The
 * person-year sums are checked against a raw sum of the records afterwards.
 */
import { createJobRunner } from '../server/src/platform/jobs/jobs';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import type { SyncItem } from '@cep/contracts';
import { loadProfile } from '@cep/profiles';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { createTestClock } from '../server/src/platform/clock';
import type { AppContext } from '../server/src/platform/context';
import { migrateToLatest } from '../server/src/platform/db/database';
import { createOutboxNotifier } from '../server/src/platform/notify/notifier';
import { provisionProfile } from '../server/src/modules/organizations';
import { registerSyncSource } from '../server/src/modules/hours-sync';
import { demoIdNumber } from '../server/src/demo/demo-ids';
import { openBenchDb } from './bench-db';
import { adminActor, bureauOf, insertOrg } from './reviews.bench-data';

const PEOPLE = Number(process.env.SYNC_BENCH_PEOPLE ?? 10_000);
const BATCH = 500;

export const run = async (): Promise<string> => {
  const { db, close } = await openBenchDb('sync');
  try {
    await migrateToLatest(db);
    await provisionProfile(db, loadProfile('henan'));
    const clock = createTestClock(new Date('2026-06-30T10:00:00+08:00'));
    const ctx: AppContext = {
      db,
      config: loadConfig({ LOG_LEVEL: 'silent', PROFILE: 'henan' }),
      clock,
      notifier: createOutboxNotifier(clock),
      secret: 'bench',
      jobs: createJobRunner(db),
    };
    const app = await buildApp({ ctx });
    const province = await bureauOf(db, '410000');
    const employer = await insertOrg(db, await bureauOf(db, '410102'), 'employer', '基准测试学时对接单位');
    // Valid ID numbers (the API checks the check digit): 1,000 sequence numbers on each of enough birth days.
    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      idNumber: demoIdNumber('410102', new Date(Date.UTC(1980, 0, 1 + Math.floor(i / 1000))).toISOString().slice(0, 10), i % 1000),
      name: `对接学员${i}`,
    }));
    await sql`
      with p as (
        insert into person (id_number, name, password_hash)
        select x.id_number, x.name, 'x' from jsonb_to_recordset(${JSON.stringify(people.map((p) => ({ id_number: p.idNumber, name: p.name })))}::jsonb)
          as x(id_number text, name text)
        returning id
      ), a as (
        insert into account (person_id, kind, org_id, status) select id, 'professional', ${employer.id}, 'active' from p
        returning id, person_id
      )
      insert into professional_profile (account_id, person_id, title_series, title_level, major, title_obtained_on, gender, birth_date,
        created_at, updated_at)
      select id, person_id, 'health', 'intermediate', 'medicine', '2018-09-01', 'female', '1988-05-20', now(), now() from a`.execute(db);
    const { apiKey } = await registerSyncSource(
      ctx,
      await adminActor(db, province, '省人社厅'),
      { name: '基准测试学习平台', categories: ['public', 'specialized'], fromYear: 2025, toYear: 2026 },
      { requestId: null, ip: 'bench' },
    );
    const items: SyncItem[] = people.flatMap((p, i) => [
      {
        recordId: `P-${i}`,
        idNumber: p.idNumber,
        name: p.name,
        course: '公需科目：数字经济',
        category: 'public',
        hours: 6,
        completedOn: '2026-03-10',
      },
      {
        recordId: `S-${i}`,
        idNumber: p.idNumber,
        name: p.name,
        course: '专业科目：临床新进展',
        category: 'specialized',
        hours: 2,
        completedOn: '2026-03-10',
        seriesCode: 'health',
      },
    ]);
    const batches = Array.from({ length: Math.ceil(items.length / BATCH) }, (_, b) => items.slice(b * BATCH, (b + 1) * BATCH));
    const sendAll = async () => {
      const counts: Record<string, number> = {};
      const started = performance.now();
      for (const batch of batches) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/hours-sync/batches',
          headers: { authorization: `Bearer ${apiKey}` },
          payload: { items: batch },
        });
        if (res.statusCode !== 200) throw new Error(`batch refused: ${res.statusCode} ${res.body}`);
        for (const [k, v] of Object.entries(res.json().counts as Record<string, number>)) counts[k] = (counts[k] ?? 0) + v;
      }
      return { ms: performance.now() - started, counts };
    };
    const first = await sendAll();
    const again = await sendAll();
    const { rows } = await sql<{ off: number; years: number }>`
      select count(*) filter (where y.public_hours <> r.p or y.specialized_hours <> r.s)::int as off, count(*)::int as years
      from person_year y join (select person_id, credit_year, sum(case when category = 'public' then hours else 0 end) as p,
        sum(case when category = 'specialized' then hours else 0 end) as s from hours_record group by 1, 2) r
        using (person_id, credit_year)`.execute(db);
    await app.close();
    const rate = (ms: number) => Math.round((items.length / ms) * 1000).toLocaleString('en');
    return [
      '## Hours sync (学时对接)',
      '',
      `${PEOPLE.toLocaleString('en')} professionals, two completions each (${items.length.toLocaleString('en')} records), posted to`,
      '`POST /api/hours-sync/batches` (through the HTTP app: key, Zod parsing of 500 items, the checks, the writes) in',
      `batches of ${BATCH}, one after another. Bar (issue 11): at least 2,000 records a second with the summaries exact.`,
      '',
      '| what | time | records a second | results |',
      '| --- | --- | --- | --- |',
      `| first push | ${(first.ms / 1000).toFixed(1)} s | ${rate(first.ms)} | ${first.counts.accepted} accepted, ${items.length - (first.counts.accepted ?? 0)} other |`,
      `| the same batches again | ${(again.ms / 1000).toFixed(1)} s | ${rate(again.ms)} | ${again.counts.duplicate} duplicates, ${again.counts.accepted} accepted |`,
      '',
      `Person-years checked against a raw sum of their records: ${rows[0]!.off} of ${rows[0]!.years} differ.`,
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
