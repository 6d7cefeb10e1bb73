import { sql, type Insertable } from 'kysely';
import type { DbOrTx, Tx } from '../../platform/db/database';
import type { AccountTable } from '../../platform/db/core.tables';
import type { ProfessionalProfileTable } from './people.tables';

/**
 * The one writer of `person`, `account` and `professional_profile`: every other module (registration, admins,
 * identity, organizations, the request kinds' effects) calls these through the module's index.
 */

type AccountStatus = AccountTable['status'];

export type NewPerson = { idNumber: string; name: string; phone: string | null; email: string | null; passwordHash: string; now?: Date };

/**
 * A person: one who registered gives their own contacts; one an org's admin created (`createdByOrg`) must change
 * the initial password at first login, and the contacts the org typed in cannot recover the account.
 */
export const createPerson = async (db: DbOrTx, person: NewPerson, options: { createdByOrg?: boolean } = {}) => {
  const { now, ...values } = person;
  const byOrg = Boolean(options.createdByOrg);
  const row = await db
    .insertInto('person')
    .values({ ...values, ...(now ? { passwordChangedAt: now, createdAt: now } : {}), mustChangePassword: byOrg, contactsConfirmed: !byOrg })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
};

/** Holds the person's row for the rest of the transaction (two registrations of one person queue here). */
export const lockPerson = async (db: DbOrTx, personId: string) => {
  await db.selectFrom('person').select('id').where('id', '=', personId).forUpdate().execute();
};

/**
 * Sets aside a person whose every account ended, so that the ID number is free for a new person: the old row keeps
 * its history (requests, messages, invitations, authenticator) under `<ID>#<person id>`, which no login matches.
 */
export const archivePerson = async (db: DbOrTx, personId: string) => {
  await db.updateTable('person').set({ idNumber: sql<string>`id_number || '#' || id::text` }).where('id', '=', personId).execute();
};

/** A new password; `tempPasswordExpiresAt` marks an admin's reset (only the change-password step until then). */
export const setPassword = async (db: DbOrTx, personId: string, values: { passwordHash: string; now: Date; tempPasswordExpiresAt: Date | null }) => {
  await db
    .updateTable('person')
    .set({
      passwordHash: values.passwordHash,
      passwordChangedAt: values.now,
      mustChangePassword: values.tempPasswordExpiresAt !== null,
      tempPasswordExpiresAt: values.tempPasswordExpiresAt,
    })
    .where('id', '=', personId)
    .execute();
};

/** Contacts an org's admin typed in: they cannot recover the account until the person confirms their own. */
export const setContactsByOrg = async (db: DbOrTx, personId: string, patch: { phone?: string; email?: string | null }) => {
  await db
    .updateTable('person')
    .set({ ...patch, contactsConfirmed: false })
    .where('id', '=', personId)
    .execute();
};

/**
 * A phone or e-mail the person confirmed by a code: their own, so 忘记密码 may send codes there. The other contact, if
 * an org's admin typed it in and the person never confirmed it, is dropped: one flag confirms both, and that one is
 * still only the org's word (it must not become a way to recover the account).
 */
export const setOwnContact = async (db: DbOrTx, personId: string, patch: { phone: string } | { email: string }) => {
  const other = 'phone' in patch ? 'email' : 'phone';
  await db
    .updateTable('person')
    .set({ ...patch, [other]: sql`case when contacts_confirmed then ${sql.ref(other)} else null end`, contactsConfirmed: true })
    .where('id', '=', personId)
    .execute();
};

export type NewAccount = {
  personId: string;
  kind: 'professional' | 'admin';
  orgId: string;
  status: 'pending' | 'active';
  isSuperAdmin?: boolean;
  roleId?: string | null;
  now?: Date;
};

export const createAccount = async (db: DbOrTx, account: NewAccount) => {
  const { now, ...values } = account;
  const row = await db
    .insertInto('account')
    .values({ ...values, isSuperAdmin: values.isSuperAdmin ?? false, roleId: values.roleId ?? null, ...(now ? { createdAt: now } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
};

/** Moves an account out of `from`; an account already moved is left as it is. Returns whether it moved. */
export const moveAccount = async (db: DbOrTx, accountId: string, from: AccountStatus, to: AccountStatus) =>
  Boolean(
    await db.updateTable('account').set({ status: to }).where('id', '=', accountId).where('status', '=', from).returning('id').executeTakeFirst(),
  );

/** Moves the listed accounts of one org from one state to the other; returns how many moved. */
export const moveAccountsOfOrg = async (db: DbOrTx, orgId: string, accountIds: string[], from: AccountStatus, to: AccountStatus) => {
  if (accountIds.length === 0) return 0;
  const rows = await db
    .updateTable('account')
    .set({ status: to })
    .where('orgId', '=', orgId)
    .where('id', 'in', accountIds)
    .where('status', '=', from)
    .returning('id')
    .execute();
  return rows.length;
};

/** An admin account's state, role or super-admin mark. */
export const updateAdminAccount = async (
  db: DbOrTx,
  accountId: string,
  patch: { status?: 'active' | 'disabled' | 'withdrawn'; roleId?: string | null; isSuperAdmin?: boolean },
) => {
  await db.updateTable('account').set(patch).where('id', '=', accountId).execute();
};

/** Ended accounts keep no link to a role being deleted (the audit log keeps who held what). */
export const detachRoleFromEndedAccounts = async (db: DbOrTx, roleId: string) => {
  await db.updateTable('account').set({ roleId: null }).where('roleId', '=', roleId).where('status', 'in', ['rejected', 'withdrawn']).execute();
};

export const markLoggedIn = async (db: DbOrTx, accountId: string, now: Date) => {
  await db.updateTable('account').set({ lastLoginAt: now }).where('id', '=', accountId).execute();
};

export const createProfessionalProfile = async (db: DbOrTx, values: Insertable<ProfessionalProfileTable>) => {
  await db.insertInto('professionalProfile').values(values).execute();
};

/** 单位合并: the merged org's professionals become the surviving org's (their records are keyed by person). */
export const moveProfessionalsOfOrg = async (db: DbOrTx, fromOrgId: string, toOrgId: string) => {
  const { numUpdatedRows } = await db
    .updateTable('account')
    .set({ orgId: toOrgId })
    .where('orgId', '=', fromOrgId)
    .where('kind', '=', 'professional')
    .executeTakeFirst();
  return Number(numUpdatedRows);
};

/** A person 批量导入 creates, with the employer their professional account goes to. */
export type ImportedPerson = {
  idNumber: string;
  name: string;
  phone: string | null;
  email: string | null;
  orgId: string;
  titleSeries: string;
  titleLevel: string;
  major: string;
  titleObtainedOn: string | null;
  gender: 'male' | 'female';
  birthDate: string;
  ethnicity: string | null;
  education: string | null;
};

/**
 * 批量导入's one statement per batch: the people, their active professional accounts and profiles, all or none.
 * An ID number someone registered meanwhile is skipped (the unique index decides); returns the ID numbers created.
 * The password is `passwordHash` (the initial-password marker) and must be changed at first login; the contacts
 * are the org's, not confirmed.
 */
export const insertImportedPeople = async (tx: Tx, people: ImportedPerson[], values: { passwordHash: string; now: Date }) => {
  if (people.length === 0) return [];
  const col = <K extends keyof ImportedPerson>(key: K) => people.map((p) => p[key]);
  const { rows } = await sql<{ idNumber: string }>`
    with t as (
      select * from unnest(
        ${col('idNumber')}::text[], ${col('name')}::text[], ${col('phone')}::text[], ${col('email')}::text[], ${col('orgId')}::uuid[],
        ${col('titleSeries')}::text[], ${col('titleLevel')}::text[], ${col('major')}::text[], ${col('titleObtainedOn')}::date[],
        ${col('gender')}::text[], ${col('birthDate')}::date[], ${col('ethnicity')}::text[], ${col('education')}::text[]
      ) as t(id_number, name, phone, email, org_id, title_series, title_level, major, title_obtained_on, gender, birth_date, ethnicity, education)
    ),
    p as (
      insert into person (id_number, name, phone, email, password_hash, password_changed_at, must_change_password, contacts_confirmed, created_at)
      select id_number, name, phone, email, ${values.passwordHash}, ${values.now}, true, false, ${values.now} from t
      on conflict (id_number) do nothing
      returning id, id_number
    ),
    a as (
      insert into account (person_id, kind, org_id, status, created_at)
      select p.id, 'professional', t.org_id, 'active', ${values.now} from p join t using (id_number)
      returning id, person_id
    ),
    f as (
      insert into professional_profile (account_id, person_id, title_series, title_level, major, title_obtained_on, gender, birth_date,
        ethnicity, education, created_at, updated_at)
      select a.id, a.person_id, t.title_series, t.title_level, t.major, t.title_obtained_on, t.gender, t.birth_date,
        t.ethnicity, t.education, ${values.now}, ${values.now}
      from a join p on p.id = a.person_id join t using (id_number)
      returning person_id
    )
    select p.id_number from p join f on f.person_id = p.id`.execute(tx);
  return rows.map((r) => r.idNumber);
};

/** Sets aside, as `archivePerson` does one, the people whose every account ended, so their ID numbers can be imported. */
export const archivePeople = async (tx: Tx, personIds: string[]) => {
  if (personIds.length === 0) return;
  await tx
    .updateTable('person')
    .set({ idNumber: sql<string>`id_number || '#' || id::text` })
    .where('id', 'in', personIds)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('account')
            .select('account.id')
            .whereRef('account.personId', '=', 'person.id')
            .where('account.status', 'in', ['pending', 'active', 'disabled']),
        ),
      ),
    )
    .execute();
};
