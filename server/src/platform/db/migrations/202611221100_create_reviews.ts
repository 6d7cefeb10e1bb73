import { sql, type Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table request (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      status text not null check (status in ('pending','inReview','approved','rejected','withdrawn')),
      applicant_person_id uuid not null references person(id),
      applicant_account_id uuid references account(id),
      subject_org_id uuid not null references org(id),
      scope_path text not null,
      credit_year int,
      title text not null,
      search_text text not null,
      payload jsonb not null,
      current_step int not null check (current_step >= 1),
      step_count int not null check (step_count >= 1 and current_step <= step_count),
      current_reviewer_org_id uuid references org(id),
      current_permission text,
      version int not null default 1,
      idempotency_key text,
      payload_hash text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      decided_at timestamptz,
      check ((status in ('pending','inReview')) = (current_reviewer_org_id is not null and current_permission is not null))
    );
    create index request_todo_idx on request (current_reviewer_org_id, created_at, id) where status in ('pending','inReview');
    create index request_kind_status_idx on request (kind, status, created_at);
    create index request_applicant_idx on request (applicant_person_id, created_at);
    create index request_scope_idx on request (scope_path text_pattern_ops);
    create index request_search_trgm_idx on request using gin (search_text gin_trgm_ops);
    create unique index request_idempotency_idx on request (applicant_person_id, idempotency_key) where idempotency_key is not null;
    create table request_step (
      request_id uuid not null references request(id),
      step_no int not null check (step_no >= 1),
      reviewer_org_id uuid not null references org(id),
      permission text not null,
      status text not null check (status in ('waiting','pending','approved','rejected','skipped')),
      decided_by_account_id uuid references account(id),
      decided_by_person_id uuid references person(id),
      decided_at timestamptz,
      reason text check (char_length(reason) <= 500),
      primary key (request_id, step_no)
    );
    create index request_step_reviewer_idx on request_step (reviewer_org_id, status, decided_at);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table request_step, request`.execute(db);
};
