import { sql, type Kysely } from 'kysely';

/**
 * 继续教育证书: what was printed for a person and a range of years (one year, or several merged), under a serial
 * that is not guessable. Printing the same content again returns the same row; printing changed content mints a
 * new one: the old one is retired (`superseded_at`) and points at it (`superseded_by`), and then verifies as 已作废.
 */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table certificate (
      id uuid primary key default gen_random_uuid(),
      serial text not null unique,
      person_id uuid not null references person(id),
      from_year int not null,
      to_year int not null check (to_year >= from_year),
      content jsonb not null,
      content_hash text not null,
      issuer_org_id uuid references org(id),
      issued_at timestamptz not null,
      superseded_by uuid references certificate(id),
      superseded_at timestamptz
    );
    create unique index certificate_current_idx on certificate (person_id, from_year, to_year) where superseded_at is null;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table certificate`.execute(db);
};
