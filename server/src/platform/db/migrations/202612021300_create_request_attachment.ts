import { sql, type Kysely } from 'kysely';

/**
 * Files an applicant attaches to a request (学习证明材料, a sign-in sheet): uploaded first (request_id null, only the
 * uploader sees it), then bound to the request in the transaction that files it; from then on the request's
 * reviewers may download it too.
 */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table request_attachment (
      id uuid primary key default gen_random_uuid(),
      uploader_person_id uuid not null references person(id),
      request_id uuid references request(id),
      filename text not null,
      stored_name text not null unique,
      content_type text not null,
      size int not null check (size > 0),
      sha256 text not null,
      created_at timestamptz not null
    );
    create index request_attachment_request_idx on request_attachment (request_id, created_at) where request_id is not null;
    create index request_attachment_unbound_idx on request_attachment (uploader_person_id, created_at) where request_id is null;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table request_attachment`.execute(db);
};
