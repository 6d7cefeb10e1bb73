import { sql, type Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>) => {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`
    create table region (
      code text primary key,
      name text not null,
      level text not null check (level in ('province','city','county')),
      parent_code text references region(code),
      full_name text not null
    );
    create table org (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('hrBureau','authority','employer','provider','platform')),
      name text not null,
      credit_code text,
      region_code text not null references region(code),
      bureau_level text check (bureau_level in ('province','city','county')),
      superior_id uuid references org(id),
      path text not null,
      status text not null check (status in ('pending','active','disabled','rejected','withdrawn')),
      nature text, org_level text, industry text, address text, phone text, email text, contact_name text,
      is_placeholder boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index org_path_idx on org (path text_pattern_ops);
    create index org_superior_idx on org (superior_id);
    create index org_name_trgm_idx on org using gin (name gin_trgm_ops);
    create unique index org_credit_code_live_idx on org (credit_code) where credit_code is not null and status in ('pending','active','disabled');
    create table person (
      id uuid primary key default gen_random_uuid(),
      id_number text not null unique,
      name text not null,
      phone text,
      email text,
      password_hash text not null,
      password_changed_at timestamptz not null default now(),
      must_change_password boolean not null default false,
      temp_password_expires_at timestamptz,
      created_at timestamptz not null default now()
    );
    create table role (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references org(id),
      name text not null,
      description text,
      permissions text[] not null default '{}',
      created_at timestamptz not null default now(),
      unique (org_id, name)
    );
    create table account (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person(id),
      kind text not null check (kind in ('professional','admin')),
      org_id uuid not null references org(id),
      is_super_admin boolean not null default false,
      role_id uuid references role(id),
      status text not null check (status in ('pending','active','disabled','rejected','withdrawn')),
      created_at timestamptz not null default now(),
      last_login_at timestamptz
    );
    create index account_person_idx on account (person_id);
    create index account_org_idx on account (org_id, kind, status);
    create unique index account_one_professional_idx on account (person_id) where kind = 'professional' and status in ('pending','active','disabled');
    create unique index account_one_admin_per_org_idx on account (person_id, org_id) where kind = 'admin' and status in ('pending','active','disabled');
    create unique index account_one_super_admin_idx on account (org_id) where is_super_admin and status in ('pending','active','disabled');
    create table session (
      id text primary key,
      account_id uuid not null references account(id),
      person_id uuid not null references person(id),
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      absolute_expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index session_person_idx on session (person_id);
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null,
      request_id text,
      ip text,
      actor_person_id uuid,
      actor_account_id uuid,
      actor_org_id uuid,
      event text not null,
      target_type text,
      target_id text,
      outcome text not null check (outcome in ('success','failure')),
      reason text,
      detail jsonb
    );
    create index audit_log_event_idx on audit_log (event, at);
    create index audit_log_actor_idx on audit_log (actor_person_id, at);
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only();
    create table outbox (
      id bigserial primary key,
      channel text not null check (channel in ('sms','email','inbox')),
      person_id uuid references person(id),
      destination text,
      subject text not null,
      body text not null,
      created_at timestamptz not null,
      read_at timestamptz
    );
    create index outbox_person_idx on outbox (person_id, created_at);
    create table platform_setting (key text primary key, value text not null);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table platform_setting, outbox, audit_log, session, account, role, person, org, region cascade;
    drop function if exists audit_log_append_only`.execute(db);
};
