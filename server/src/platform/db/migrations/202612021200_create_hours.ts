import { sql, type Kysely } from 'kysely';

/**
 * Approved hours (issue 10): one row per person, credit year and category that a claim (or later a proxy claim, a
 * unit claim, a learning platform's sync) credits, and the person-year summary that the year's completion reads,
 * changed in the transaction that approves or reverses a record.
 */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table hours_record (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person(id),
      credit_year int not null,
      category text not null check (category in ('public', 'specialized')),
      hours numeric(6, 1) not null check (hours >= 0),
      full_year boolean not null default false,
      source text not null check (source in ('claim', 'proxyClaim', 'unitClaim', 'sync')),
      request_id uuid references request(id),
      form_code text,
      title text not null,
      created_at timestamptz not null,
      unique (request_id, person_id, category)
    );
    create index hours_record_person_year_idx on hours_record (person_id, credit_year);
    create table person_year (
      person_id uuid not null references person(id),
      credit_year int not null,
      public_hours numeric(7, 1) not null default 0 check (public_hours >= 0),
      specialized_hours numeric(7, 1) not null default 0 check (specialized_hours >= 0),
      public_full_year boolean not null default false,
      specialized_full_year boolean not null default false,
      updated_at timestamptz not null,
      primary key (person_id, credit_year)
    );
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table person_year, hours_record`.execute(db);
};
