import { sql, type Kysely } from 'kysely';

/**
 * 学时对接 (issue 11, item 6): learning platforms registered by the province as sources, each with its own API key
 * (only its SHA-256 is kept), the batches they send, the records they report (one current row per source and
 * record id; a correction retires the old row and points it at the new one) and the items refused, with why.
 */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table sync_source (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      categories text[] not null,
      from_year int not null,
      to_year int not null check (to_year >= from_year),
      key_hash text not null unique,
      key_prefix text not null,
      created_by_account_id uuid not null references account(id),
      created_at timestamptz not null,
      revoked_at timestamptz,
      last_batch_at timestamptz,
      accepted_count int not null default 0,
      refused_count int not null default 0
    );
    create unique index sync_source_active_name_idx on sync_source (name) where revoked_at is null;
    create table sync_batch (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sync_source(id),
      received_at timestamptz not null,
      item_count int not null,
      counts jsonb not null
    );
    create index sync_batch_source_idx on sync_batch (source_id, received_at desc);
    create table sync_record (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sync_source(id),
      external_id text not null,
      batch_id uuid not null references sync_batch(id),
      person_id uuid not null references person(id),
      course text not null,
      category text not null check (category in ('public', 'specialized')),
      hours numeric(6, 1) not null check (hours > 0),
      completed_on date not null,
      series_code text,
      content_hash text not null,
      hours_record_id uuid references hours_record(id) on delete set null,
      received_at timestamptz not null,
      superseded_at timestamptz,
      superseded_by uuid references sync_record(id)
    );
    create unique index sync_record_current_idx on sync_record (source_id, external_id) where superseded_at is null;
    create index sync_record_person_day_idx on sync_record (person_id, completed_on) where superseded_at is null;
    create index sync_record_hours_record_idx on sync_record (hours_record_id);
    create table sync_refusal (
      id uuid primary key default gen_random_uuid(),
      batch_id uuid not null references sync_batch(id),
      source_id uuid not null references sync_source(id),
      received_at timestamptz not null,
      external_id text not null,
      id_number_masked text not null,
      name text not null,
      course text not null,
      result text not null,
      message text not null
    );
    create index sync_refusal_source_idx on sync_refusal (source_id, received_at desc);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table sync_refusal, sync_record, sync_batch, sync_source`.execute(db);
};
