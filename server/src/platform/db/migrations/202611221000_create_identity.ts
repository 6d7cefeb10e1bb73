import { sql, type Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table captcha (
      id text primary key,
      target_x integer not null,
      piece_y integer not null,
      ip text,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      answered_at timestamptz,
      token_hash text unique,
      token_expires_at timestamptz,
      used_at timestamptz
    );
    create index captcha_expires_idx on captcha (expires_at);
    create table login_throttle (
      key text primary key,
      failure_count integer not null,
      window_started_at timestamptz not null,
      locked_until timestamptz,
      updated_at timestamptz not null
    );
    create table rate_limit_hit (
      bucket text not null,
      key text not null,
      window_start timestamptz not null,
      hits integer not null,
      primary key (bucket, key, window_start)
    );
    create index rate_limit_hit_window_idx on rate_limit_hit (window_start);
    create table verification_code (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person(id),
      purpose text not null check (purpose in ('password_reset')),
      channel text not null check (channel in ('sms','email')),
      code_hash text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      attempts integer not null default 0,
      consumed_at timestamptz
    );
    create index verification_code_person_idx on verification_code (person_id, purpose, created_at desc);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table verification_code, rate_limit_hit, login_throttle, captcha`.execute(db);
};
