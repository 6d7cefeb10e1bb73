import type { DbOrTx } from '../../platform/db/database';

const invitationQuery = (db: DbOrTx) =>
  db
    .selectFrom('adminInvitation as i')
    .innerJoin('person as p', 'p.id', 'i.personId')
    .innerJoin('org as o', 'o.id', 'i.orgId')
    .leftJoin('role as r', 'r.id', 'i.roleId')
    .select([
      'i.id',
      'i.orgId',
      'i.personId',
      'i.roleId',
      'i.invitedByAccountId',
      'i.status',
      'i.createdAt',
      'i.expiresAt',
      'p.idNumber',
      'o.name as orgName',
      'o.kind as orgKind',
      'o.status as orgStatus',
      'r.name as roleName',
    ]);

export type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationQuery>['executeTakeFirstOrThrow']>>;

/** Invitations still open (pending and not expired) of an org, newest first. */
export const listOpenOfOrg = (db: DbOrTx, orgId: string, now: Date) =>
  invitationQuery(db)
    .where('i.orgId', '=', orgId)
    .where('i.status', '=', 'pending')
    .where('i.expiresAt', '>', now)
    .orderBy('i.createdAt', 'desc')
    .execute();

/** Invitations still open for a person, newest first. */
export const listOpenForPerson = (db: DbOrTx, personId: string, now: Date) =>
  invitationQuery(db)
    .where('i.personId', '=', personId)
    .where('i.status', '=', 'pending')
    .where('i.expiresAt', '>', now)
    .orderBy('i.createdAt', 'desc')
    .execute();

/** One invitation of `scope` (the org that sent it, or the person it is for), locked for the transaction. */
export const findLocked = async (db: DbOrTx, id: string, scope: { orgId: string } | { personId: string }) => {
  let lock = db.selectFrom('adminInvitation').select('id').where('id', '=', id);
  lock = 'orgId' in scope ? lock.where('orgId', '=', scope.orgId) : lock.where('personId', '=', scope.personId);
  if (!(await lock.forUpdate().executeTakeFirst())) return undefined;
  return invitationQuery(db).where('i.id', '=', id).executeTakeFirst();
};

export const insertInvitation = (
  db: DbOrTx,
  values: { orgId: string; personId: string; roleId: string; invitedByAccountId: string; createdAt: Date; expiresAt: Date },
) =>
  db
    .insertInto('adminInvitation')
    .values({ ...values, status: 'pending' })
    .returning('id')
    .executeTakeFirstOrThrow();

export const closeInvitation = (
  db: DbOrTx,
  id: string,
  patch: { status: 'accepted' | 'declined' | 'cancelled'; decidedAt: Date; accountId?: string },
) => db.updateTable('adminInvitation').set(patch).where('id', '=', id).where('status', '=', 'pending').execute();

/** Invitations a person got since `since` (one SMS a day). */
export const countReceivedBy = async (db: DbOrTx, personId: string, since: Date) =>
  Number(
    (
      await db
        .selectFrom('adminInvitation')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('personId', '=', personId)
        .where('createdAt', '>', since)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The person behind the inviting admin account, to tell them the answer. */
export const inviterPersonId = async (db: DbOrTx, accountId: string) =>
  (await db.selectFrom('account').select('personId').where('id', '=', accountId).executeTakeFirst())?.personId ?? null;
