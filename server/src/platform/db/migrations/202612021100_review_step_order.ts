import { sql, type Kysely } from 'kysely';

/**
 * The 已审核 and 全部 tabs of a reviewer queue, read from the reviewer's own steps in index order (issue 9): at a
 * million requests under one bureau, finding the newest twenty by scanning and sorting the requests took seconds.
 * A step keeps its request's submission time (it never changes) so that 全部 lists newest submissions first from
 * one index; 已审核 lists the org's decisions newest first from a partial index of decided steps.
 */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    alter table request_step add column request_created_at timestamptz;
    update request_step s set request_created_at = r.created_at from request r where r.id = s.request_id;
    alter table request_step alter column request_created_at set not null;
    create index request_step_org_submitted_idx on request_step (reviewer_org_id, request_created_at desc, request_id desc);
    create index request_step_org_decided_idx on request_step (reviewer_org_id, decided_at desc, request_id desc)
      where status in ('approved', 'rejected');
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`
    drop index request_step_org_decided_idx;
    drop index request_step_org_submitted_idx;
    alter table request_step drop column request_created_at;
  `.execute(db);
};
