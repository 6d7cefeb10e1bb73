import { sql, type Kysely } from 'kysely';

/** A professional account's title and study facts, captured at registration (one row per professional account). */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table professional_profile (
      account_id uuid primary key references account(id),
      person_id uuid not null references person(id),
      title_series text not null,
      title_level text not null,
      major text not null,
      title_obtained_on date,
      gender text not null check (gender in ('male','female')),
      birth_date date not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index professional_profile_person_idx on professional_profile (person_id);
    create index professional_profile_title_idx on professional_profile (title_series, title_level);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table professional_profile`.execute(db);
};
