import { sql, type Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table notice (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references org(id),
      region_code text not null references region(code),
      title text not null,
      body text not null,
      status text not null check (status in ('draft','published','withdrawn')),
      published_at timestamptz,
      created_by uuid not null references person(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index notice_published_idx on notice (status, published_at desc);
    create index notice_org_idx on notice (org_id, created_at desc);
    create table notice_attachment (
      id uuid primary key default gen_random_uuid(),
      notice_id uuid not null references notice(id),
      filename text not null,
      content_type text not null,
      size integer not null,
      sha256 text not null,
      stored_name text not null unique,
      created_at timestamptz not null
    );
    create index notice_attachment_notice_idx on notice_attachment (notice_id, created_at);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table notice_attachment, notice`.execute(db);
};
