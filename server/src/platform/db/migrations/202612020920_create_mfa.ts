import { sql, type Kysely } from 'kysely';

/** The second factor of admins (TOTP): one authenticator per person, recovery codes, and the session's pending step. */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table person_mfa (
      person_id uuid primary key references person(id),
      secret_enc text not null,
      confirmed_at timestamptz,
      last_used_step bigint not null default 0,
      created_at timestamptz not null
    );
    create table mfa_recovery_code (
      id bigserial primary key,
      person_id uuid not null references person(id),
      code_hash text not null,
      used_at timestamptz
    );
    create index mfa_recovery_code_person_idx on mfa_recovery_code (person_id);
    alter table session add column mfa_pending text check (mfa_pending in ('verify', 'enroll'));
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`alter table session drop column mfa_pending; drop table mfa_recovery_code, person_mfa`.execute(db);
};
