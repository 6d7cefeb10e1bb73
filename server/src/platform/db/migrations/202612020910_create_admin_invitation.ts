import { sql, type Kysely } from 'kysely';

/** An org's invitation to a person already on the platform to become its admin; the person accepts or declines. */
export const up = async (db: Kysely<unknown>) => {
  await sql`
    create table admin_invitation (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references org(id),
      person_id uuid not null references person(id),
      role_id uuid references role(id) on delete set null,
      invited_by_account_id uuid not null references account(id),
      status text not null check (status in ('pending','accepted','declined','cancelled')),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      decided_at timestamptz,
      account_id uuid references account(id)
    );
    create unique index admin_invitation_one_pending_idx on admin_invitation (org_id, person_id) where status = 'pending';
    create index admin_invitation_person_idx on admin_invitation (person_id, status);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`drop table admin_invitation`.execute(db);
};
