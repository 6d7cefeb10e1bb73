import { sql, type Kysely } from 'kysely';

/**
 * 审验不通过 keeps the approval it takes back: the step becomes `revoked` and records who revoked it, when and why
 * beside the decision (who approved, when), so neither the reviewers nor the applicant lose the approval's trace; a
 * revoked step stays in its org's 已审核 list.
 */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    alter table request_step drop constraint request_step_status_check;
    alter table request_step add constraint request_step_status_check
      check (status in ('waiting', 'pending', 'approved', 'rejected', 'skipped', 'revoked'));
    alter table request_step
      add column revoked_by_account_id uuid references account(id),
      add column revoked_by_person_id uuid references person(id),
      add column revoked_at timestamptz,
      add column revoke_reason text;
    drop index request_step_org_decided_idx;
    create index request_step_org_decided_idx on request_step (reviewer_org_id, decided_at desc, request_id desc)
      where status in ('approved', 'rejected', 'revoked');
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`
    drop index request_step_org_decided_idx;
    create index request_step_org_decided_idx on request_step (reviewer_org_id, decided_at desc, request_id desc)
      where status in ('approved', 'rejected');
    alter table request_step drop column revoked_by_account_id, drop column revoked_by_person_id, drop column revoked_at,
      drop column revoke_reason;
    alter table request_step drop constraint request_step_status_check;
    alter table request_step add constraint request_step_status_check
      check (status in ('waiting', 'pending', 'approved', 'rejected', 'skipped'));
  `.execute(db);
};
