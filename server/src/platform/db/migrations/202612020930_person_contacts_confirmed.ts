import { sql, type Kysely } from 'kysely';

/** Whether the person gave their phone and e-mail themselves; an org that typed them in cannot use them to recover the account. */
export const up = async (db: Kysely<unknown>) => {
  await sql`alter table person add column contacts_confirmed boolean not null default true`.execute(db);
};

export const down = async (db: Kysely<unknown>) => {
  await sql`alter table person drop column contacts_confirmed`.execute(db);
};
