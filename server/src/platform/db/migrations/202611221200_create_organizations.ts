import { sql, type Kysely } from 'kysely';

/** 内设部门 (divisions), and the record of a superior's 移除权限 so that a restore re-enables exactly what it disabled. */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table division (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references org(id),
      parent_id uuid references division(id),
      name text not null,
      status text not null default 'active' check (status in ('active','disabled')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index division_sibling_name_idx on division (org_id, parent_id, name) nulls not distinct;
    create index division_parent_idx on division (parent_id);
    create table org_admin_revocation (
      org_id uuid primary key references org(id),
      account_ids uuid[] not null,
      revoked_at timestamptz not null,
      revoked_by_account_id uuid references account(id)
    );
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table org_admin_revocation, division`.execute(db);
};
