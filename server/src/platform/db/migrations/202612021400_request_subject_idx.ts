import { sql, type Kysely } from 'kysely';

/** An org's own requests of a kind, newest first (单位培训计划 lists an employer's plans; unit claims find their plan's). */
export const up = async (db: Kysely<unknown>) => {
  await sql`create index request_subject_idx on request (subject_org_id, kind, created_at desc, id desc)`.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop index request_subject_idx`.execute(db);
};
