import { sql, type Kysely } from 'kysely';

/**
 * 审核单位注销 (seed 002): a closed org handles no more business, but its admins still log in to see its basic
 * information and records, so it is a status of its own, not 'disabled'.
 */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    alter table org drop constraint org_status_check;
    alter table org add constraint org_status_check check (status in ('pending','active','disabled','rejected','withdrawn','closed'));
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`
    update org set status = 'disabled' where status = 'closed';
    alter table org drop constraint org_status_check;
    alter table org add constraint org_status_check check (status in ('pending','active','disabled','rejected','withdrawn'));
  `.execute(db);
};
