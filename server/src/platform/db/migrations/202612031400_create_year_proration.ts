import { sql, type Kysely } from 'kysely';

/**
 * 年度学时折算 approved: a person's year whose requirement is prorated to the months in post (seed 002), with the
 * request that proved it. One per person and year; a later approval replaces it, 审验不通过 removes it.
 */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table year_proration (
      person_id uuid not null references person(id),
      credit_year int not null,
      months_in_post int not null check (months_in_post between 0 and 11),
      reason text not null,
      request_id uuid not null references request(id),
      approved_at timestamptz not null,
      primary key (person_id, credit_year)
    );
    create index year_proration_request_idx on year_proration (request_id);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table year_proration`.execute(db);
};
