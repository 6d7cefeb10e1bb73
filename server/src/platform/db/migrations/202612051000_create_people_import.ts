import { sql, type Kysely } from 'kysely';

/**
 * 批量导入 (seed 002, 003 6): one row per uploaded workbook, its progress committed with each batch of people it
 * creates, and each refused row with its reason (the failure workbook is made from these). 民族 and 学历 are
 * what the template asks beyond the registration form.
 */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    alter table professional_profile add column ethnicity text, add column education text;

    create table people_import (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references org (id),
      person_id uuid not null references person (id),
      account_id uuid not null references account (id),
      employer_id uuid not null references org (id),
      filename text not null,
      stored_name text not null,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      total_rows integer,
      processed_rows integer not null default 0,
      created_count integer not null default 0,
      failed_count integer not null default 0,
      error text,
      created_at timestamptz not null,
      started_at timestamptz,
      finished_at timestamptz
    );
    create index people_import_org_idx on people_import (org_id, created_at desc);

    create table people_import_failure (
      import_id uuid not null references people_import (id) on delete cascade,
      row_no integer not null,
      cells jsonb not null,
      reason text not null,
      primary key (import_id, row_no)
    );
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`
    drop table people_import_failure;
    drop table people_import;
    alter table professional_profile drop column ethnicity, drop column education;
  `.execute(db);
};
