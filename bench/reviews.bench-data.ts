import { sql } from 'kysely';
import { permissionsOf, type LoginRole } from '@cep/contracts';
import type { Actor } from '../server/src/platform/auth/actor';
import type { Db, DbOrTx } from '../server/src/platform/db/database';

type Org = { id: string; name: string; path: string; kind: 'hrBureau' | 'authority' | 'employer' };

/** An org under `superior` with its materialized path. */
export const insertOrg = async (db: Db, superior: Org, kind: Org['kind'], name: string): Promise<Org> => {
  const row = await db
    .insertInto('org')
    .values({ kind, name, regionCode: '410102', superiorId: superior.id, path: '', status: 'active' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${superior.path}${row.id}/`;
  await db.updateTable('org').set({ path }).where('id', '=', row.id).execute();
  return { id: row.id, name, path, kind };
};

export const bureauOf = async (db: Db, regionCode: string): Promise<Org> =>
  db
    .selectFrom('org')
    .select(['id', 'name', 'path'])
    .select(sql<'hrBureau'>`kind`.as('kind'))
    .where('kind', '=', 'hrBureau')
    .where('regionCode', '=', regionCode)
    .executeTakeFirstOrThrow();

/** A super admin of `org` as the session hook would build it (the bench calls the services directly). */
export const adminActor = async (db: Db, org: Org, tag: string): Promise<Actor> => {
  const person = await db
    .insertInto('person')
    .values({ idNumber: `BENCHADMIN${tag}`.padEnd(18, '0'), name: `${tag}管理员`, passwordHash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const account = await db
    .insertInto('account')
    .values({ personId: person.id, kind: 'admin', orgId: org.id, isSuperAdmin: true, status: 'active' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const role = org.kind as LoginRole;
  return {
    sessionId: 'bench',
    personId: person.id,
    personName: `${tag}管理员`,
    personIdNumber: `BENCHADMIN${tag}`.padEnd(18, '0'),
    accountId: account.id,
    accountKind: 'admin',
    role,
    orgId: org.id,
    orgKind: org.kind,
    orgName: org.name,
    orgPath: org.path,
    isSuperAdmin: true,
    permissions: new Set(permissionsOf(role)),
    mustChangePassword: false,
    mfaStep: null,
  };
};

/** `count` people with a pending professional account at `employer` (what a registration leaves behind). */
export const insertPendingProfessionals = async (db: Db, employer: Org, count: number, prefix: string) => {
  await sql`
    insert into person (id_number, name, password_hash)
    select ${prefix} || lpad(g::text, 12, '0'), '注册人员' || g, 'x' from generate_series(1, ${count}) g`.execute(db);
  return sql<{ personId: string; accountId: string; name: string }>`
    insert into account (person_id, kind, org_id, status)
    select id, 'professional', ${employer.id}, 'pending' from person where id_number like ${prefix} || '%'
    returning person_id as "personId", id as "accountId", (select name from person p where p.id = person_id) as name`
    .execute(db)
    .then((r) => r.rows);
};

/** One unfiled upload per person (its record; the bench measures filing, not the file store): person id -> upload id. */
export const insertUploads = async (db: Db, people: { personId: string }[]) => {
  const { rows } = await sql<{ id: string; personId: string }>`
    insert into request_attachment (uploader_person_id, filename, stored_name, content_type, size, sha256, created_at)
    select p, '参会证明.pdf', 'bench-' || p::text, 'application/pdf', 1024, repeat('0', 64), now()
    from unnest(${people.map((p) => p.personId)}::uuid[]) as p
    returning id, uploader_person_id as "personId"`.execute(db);
  return new Map(rows.map((r) => [r.personId, r.id]));
};

/**
 * `count` pending requests of a generic kind waiting at `reviewer`, filed under `subject`, spread over
 * five credit years and a minute apart, written in bulk (the queue bench measures reading, not writing).
 */
export const insertPendingRequests = async (
  db: Db,
  options: { reviewer: Org; subject: Org; count: number; kind: string; permission: string; prefix: string },
) => {
  const { reviewer, count, permission, prefix } = options;
  await sql`
    insert into person (id_number, name, password_hash)
    select ${prefix} || lpad(g::text, 12, '0'), '申报人' || g, 'x' from generate_series(1, ${count}) g`.execute(db);
  await db.transaction().execute(async (tx) => {
    // Setup at a province's scale: the per-row counter trigger (0.3 ms a row) is switched off for this load
    // (superuser only, as the bench's own cluster is) and the counters are added for the whole load at once.
    await sql`set local session_replication_role = replica`.execute(tx);
    await insertRequestRows(tx, options);
    await sql`
      insert into review_queue_count as c (reviewer_org_id, permission, kind, credit_year, open_count)
      select current_reviewer_org_id, current_permission, kind, coalesce(credit_year, 0), count(*) from request
      where subject_org_id = ${options.subject.id} and status = 'pending'
      group by 1, 2, 3, 4
      on conflict (reviewer_org_id, permission, kind, credit_year) do update set open_count = c.open_count + excluded.open_count`.execute(tx);
  });
  await sql`
    insert into request_step (request_id, step_no, reviewer_org_id, permission, status, request_created_at)
    select id, 1, ${reviewer.id}, ${permission}, 'pending', created_at from request where subject_org_id = ${options.subject.id}`.execute(db);
  // Vacuumed as a province's tables are in their steady state (autovacuum), so index-only scans need no heap visits.
  for (const table of ['request', 'request_step', 'person', 'org', 'review_queue_count']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
};

const insertRequestRows = async (db: DbOrTx, options: { reviewer: Org; subject: Org; kind: string; permission: string; prefix: string }) => {
  const { reviewer, subject, kind, permission, prefix } = options;
  await sql`
    insert into request (kind, status, applicant_person_id, subject_org_id, scope_path, credit_year, title, search_text, payload,
      current_step, step_count, current_reviewer_org_id, current_permission, created_at, updated_at)
    select ${kind}, 'pending', p.id, ${subject.id}, ${subject.path}, 2022 + (n % 5), '学时申报' || n,
      '学时申报' || n || ' ' || p.name || ' ' || ${subject.name}, '{}'::jsonb, 1, 1, ${reviewer.id}, ${permission},
      timestamptz '2026-01-01' + n * interval '1 minute', timestamptz '2026-01-01' + n * interval '1 minute'
    from (select id, name, substr(id_number, ${prefix.length + 1})::int as n from person where id_number like ${prefix} || '%') p`.execute(db);
};
