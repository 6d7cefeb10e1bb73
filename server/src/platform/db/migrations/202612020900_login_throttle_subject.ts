import { sql, type Kysely } from 'kysely';

/** Lock counters per login ID and per ID + source address; `subject_key` ties both to the ID, so one reset clears them. */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    alter table login_throttle add column subject_key text;
    update login_throttle set subject_key = key;
    alter table login_throttle alter column subject_key set not null;
    create index login_throttle_subject_idx on login_throttle (subject_key);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`alter table login_throttle drop column subject_key`.execute(db);
};
