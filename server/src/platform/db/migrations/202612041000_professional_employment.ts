import { sql, type Kysely } from 'kysely';

/**
 * 离职 / 退休 instead of deletion (seed 001 投诉建议 1, 6): the employer marks a professional as left or retired from
 * a date; they leave the active lists and counts, keep their records and can still log in. Reversible.
 */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    alter table professional_profile
      add column employment text not null default 'active' check (employment in ('active', 'left', 'retired')),
      add column employment_since date;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`alter table professional_profile drop column employment, drop column employment_since`.execute(db);
};
