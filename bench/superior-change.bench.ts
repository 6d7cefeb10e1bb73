/**
 * 更换上级部门 of a big org: an employer with 20 二级单位, 10,000 professionals and 50,000 decided requests under it
 * (beside as many elsewhere) moves from one authority to another in one transaction, as the new superior approves.
 * While it runs, 10 other calls arrive (readers of the tree and of the people list, and employers marking people
 * 离职): none may fail, and none may see a half-moved tree (every org and request of the subtree under the old path,
 * or every one under the new).
 */
import { createJobRunner } from '../server/src/platform/jobs/jobs';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadProfile } from '@cep/profiles';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { createTestClock } from '../server/src/platform/clock';
import type { AppContext } from '../server/src/platform/context';
import { migrateToLatest } from '../server/src/platform/db/database';
import { createOutboxNotifier } from '../server/src/platform/notify/notifier';
import { provisionProfile } from '../server/src/modules/organizations';
import { decideRequest } from '../server/src/modules/reviews';
import { fileSuperiorChange } from '../server/src/modules/organizations/org-changes.service';
import { listPeople, markEmployment } from '../server/src/modules/people';
import { openBenchDb } from './bench-db';
import { adminActor, bureauOf, insertOrg } from './reviews.bench-data';

const PEOPLE = Number(process.env.MOVE_BENCH_PEOPLE ?? 10_000);
const REQUESTS = PEOPLE * 5;
const ORIGIN = { requestId: null, ip: 'bench' };

export const run = async (): Promise<string> => {
  const { db, close } = await openBenchDb('move');
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
    await buildApp({ ctx }); // registers the request kinds
    const oldAuthority = await insertOrg(db, await bureauOf(db, '410102'), 'authority', '旧主管部门');
    const newAuthority = await insertOrg(db, await bureauOf(db, '410103'), 'authority', '新主管部门');
    const top = await insertOrg(db, oldAuthority, 'employer', '搬迁医院');
    const units = [top];
    for (let i = 0; i < 20; i++) units.push(await insertOrg(db, top, 'employer', `搬迁医院分院${i}`));
    const elsewhere = await insertOrg(db, oldAuthority, 'employer', '不动的医院');
    const [oldAdmin, newAdmin, topAdmin] = [
      await adminActor(db, oldAuthority, 'OLD'),
      await adminActor(db, newAuthority, 'NEW'),
      await adminActor(db, top, 'TOP'),
    ];

    // People spread over the units; each with 5 decided claims (and as many requests outside the subtree).
    await sql`
      with u as (select ${sql.lit(units.length)} as n), units as (select * from jsonb_array_elements_text(${JSON.stringify(units.map((u) => u.id))}::jsonb) with ordinality as x(id, i)),
      p as (
        insert into person (id_number, name, password_hash)
        select 'MOVE' || lpad(g::text, 14, '0'), '搬迁人员' || g, 'x' from generate_series(1, ${PEOPLE}) g returning id, id_number
      ), a as (
        insert into account (person_id, kind, org_id, status)
        select p.id, 'professional', (select id::uuid from units where i = 1 + (substr(p.id_number, 5)::int % (select n from u))), 'active' from p
        returning id, person_id, org_id
      )
      insert into professional_profile (account_id, person_id, title_series, title_level, major, gender, birth_date, created_at, updated_at)
      select id, person_id, 'health', 'intermediate', '10', 'female', '1988-05-20', now(), now() from a`.execute(db);
    const requestsUnder = async (orgPathSql: string, count: number, tag: string) =>
      sql`
        insert into request (kind, status, applicant_person_id, subject_org_id, scope_path, credit_year, title, search_text, payload,
          current_step, step_count, created_at, updated_at, decided_at)
        select 'hours.claim', 'approved', a.person_id, a.org_id, o.path, 2025, ${tag}, ${tag}, '{}'::jsonb, 1, 1, now(), now(), now()
        from (select person_id, org_id, row_number() over () as r from account where kind = 'professional' and person_id in
          (select id from person where id_number like 'MOVE%')) a join org o on o.id = a.org_id, generate_series(1, ${count / PEOPLE}) g
        where ${sql.raw(orgPathSql)}`.execute(db);
    await requestsUnder('true', REQUESTS, '搬迁单位的申报');
    await sql`insert into request (kind, status, applicant_person_id, subject_org_id, scope_path, credit_year, title, search_text, payload,
        current_step, step_count, created_at, updated_at, decided_at)
      select kind, status, applicant_person_id, ${elsewhere.id}, ${elsewhere.path}, credit_year, '别处的申报', '别处的申报', payload, 1, 1, now(), now(), now()
      from request where title = '搬迁单位的申报'`.execute(db);
    await sql`analyze`.execute(db);

    const filed = await fileSuperiorChange(ctx, topAdmin, { superiorId: newAuthority.id }, ORIGIN);
    await decideRequest({ ctx, actor: oldAdmin, requestId: filed.id, version: 1, decision: 'approve', origin: ORIGIN });

    const oldPrefix = top.path;
    const newPrefix = `${newAuthority.path}${top.id}/`;
    const snapshot = async () => {
      const { rows } = await sql<{ oldOrgs: string; newOrgs: string; oldRequests: string; newRequests: string }>`
        select (select count(*) from org where path like ${`${oldPrefix}%`}) as "oldOrgs",
               (select count(*) from org where path like ${`${newPrefix}%`}) as "newOrgs",
               (select count(*) from request where scope_path like ${`${oldPrefix}%`}) as "oldRequests",
               (select count(*) from request where scope_path like ${`${newPrefix}%`}) as "newRequests"`.execute(db);
      return rows[0]!;
    };
    const before = await snapshot();
    const people = (
      await sql<{ id: string }>`select person_id as id from account where org_id = ${top.id} and kind = 'professional' limit 4`.execute(db)
    ).rows;
    const others = [
      ...Array.from({ length: 5 }, () => snapshot()),
      listPeople(ctx, oldAdmin, { page: 1, pageSize: 20, employment: 'active' }).then((p) => ({ people: p.total })),
      ...people.map((p: { id: string }) =>
        markEmployment(ctx, topAdmin, p.id, { employment: 'left', since: '2026-06-01' }, ORIGIN).then(() => ({ marked: 1 })),
      ),
    ];
    const started = performance.now();
    const approval = decideRequest({ ctx, actor: newAdmin, requestId: filed.id, version: 2, decision: 'approve', origin: ORIGIN });
    const settled = await Promise.allSettled([approval, ...others]);
    const moveMs = performance.now() - started;
    const after = await snapshot();
    const failures = settled.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason));
    const halfMoved = settled
      .slice(1, 6)
      .map((s) => (s.status === 'fulfilled' ? (s.value as Awaited<ReturnType<typeof snapshot>>) : null))
      .filter((s) => {
        if (!s) return false;
        const [orgs, requests] = [Number(before.oldOrgs), Number(before.oldRequests)];
        const whole = (oldN: number, newN: number, all: number) => (oldN === all && newN === 0) || (oldN === 0 && newN === all);
        return !whole(Number(s.oldOrgs), Number(s.newOrgs), orgs) || !whole(Number(s.oldRequests), Number(s.newRequests), requests);
      });
    return `## 更换上级部门 of a big org

An employer with ${units.length - 1} 二级单位 and ${PEOPLE.toLocaleString('en')} professionals, ${Number(before.oldRequests).toLocaleString('en')} decided
requests under it and as many elsewhere, moves from one authority to another when the new superior approves (one
transaction: the decision, the org paths, the requests' scope paths, the audit row). 10 other calls start with it:
5 readers counting the subtree's orgs and requests under the old and the new path, a people list, 4 employers' 离职 marks.

| measure | value |
| --- | --- |
| final approval (the whole move), wall time with the 10 calls | ${moveMs.toFixed(0)} ms |
| orgs moved / requests moved | ${after.newOrgs} / ${Number(after.newRequests).toLocaleString('en')} |
| left under the old path | ${after.oldOrgs} orgs, ${after.oldRequests} requests |
| other calls failed | ${failures.length}${failures.length ? ` (${failures.join('; ')})` : ''} |
| readers that saw a half-moved tree | ${halfMoved.length} |

Bar (issue 12): < 5 s, no failures, no half-moved tree.`;
  } finally {
    await close();
  }
};
