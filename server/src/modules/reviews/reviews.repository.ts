import { sql, type Insertable, type Selectable } from 'kysely';
import type { RequestStatus, StepStatus } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { inOrgScope } from '../../platform/auth/scope';
import { startsWithPattern } from '../../platform/db/like';
import type { RequestStepTable, RequestTable } from './reviews.tables';

export type RequestRow = Selectable<RequestTable>;
export type StepRow = Selectable<RequestStepTable>;
export type StepView = StepRow & {
  reviewerOrgName: string;
  reviewerOrgPhone: string | null;
  decidedByName: string | null;
  revokedByName: string | null;
};

export const OPEN_STATUSES: RequestStatus[] = ['pending', 'inReview'];

export const insertRequest = async (db: DbOrTx, values: Insertable<RequestTable>) =>
  db.insertInto('request').values(values).returningAll().executeTakeFirstOrThrow();

export const insertSteps = async (db: DbOrTx, steps: Insertable<RequestStepTable>[]) => {
  await db.insertInto('requestStep').values(steps).execute();
};

/**
 * `<column> = any(<the person's request ids>)`: the requests they filed and those filed for them (participant), as
 * one array computed first (an InitPlan) and then read by primary key. A join of the two lookups to the requests
 * could be planned, once for all a prepared statement's uses, as a scan of every request of a kind.
 */
export const isRequestOfPerson = (idColumn: string, personId: string) =>
  sql<boolean>`${sql.ref(idColumn)} = any(array(
    select id from request where applicant_person_id = ${personId}
    union all select request_id from request_participant where person_id = ${personId}))`;

/**
 * Holds the people's filings until the transaction ends (one request that names a person is filed at a time), then
 * finds an open request of the holding kinds that names any of them as a participant.
 */
export const lockAndFindHold = async (db: DbOrTx, personIds: string[], holdingKinds: string[]) => {
  const people = [...new Set(personIds)].sort();
  await sql`select pg_advisory_xact_lock(hashtext('request-person:' || p)) from unnest(${people}::text[]) as p order by p`.execute(db);
  if (holdingKinds.length === 0) return undefined;
  return db
    .selectFrom('requestParticipant as p')
    .innerJoin('request as r', 'r.id', 'p.requestId')
    .innerJoin('person as who', 'who.id', 'p.personId')
    .select(['r.id', 'r.kind', 'who.name'])
    .where('p.personId', 'in', people)
    .where('r.kind', 'in', holdingKinds)
    .where('r.status', 'in', OPEN_STATUSES)
    .executeTakeFirst();
};

/** The open requests a person filed from one of their accounts (a transfer waits for them). */
export const findOpenFiledBy = (db: DbOrTx, filer: { personId: string; accountId: string }) =>
  db
    .selectFrom('request')
    .selectAll()
    .where('applicantPersonId', '=', filer.personId)
    .where('applicantAccountId', '=', filer.accountId)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('createdAt')
    .execute();

/** The people the request credits besides its applicant, who see it in their own progress view. */
export const insertParticipants = async (db: DbOrTx, requestId: string, personIds: string[]) => {
  if (personIds.length === 0) return;
  await db
    .insertInto('requestParticipant')
    .values([...new Set(personIds)].map((personId) => ({ personId, requestId })))
    .execute();
};

/** Those of the requests that credit the person (they are a participant of them). */
export const findCreditedAmong = async (db: DbOrTx, personId: string, requestIds: string[]) => {
  if (requestIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('requestParticipant')
    .select('requestId')
    .where('personId', '=', personId)
    .where('requestId', 'in', requestIds)
    .execute();
  return new Set(rows.map((r) => r.requestId));
};

export const findRequestById = async (db: DbOrTx, id: string) => db.selectFrom('request').selectAll().where('id', '=', id).executeTakeFirst();

export const findByIdempotencyKey = async (db: DbOrTx, personId: string, key: string) =>
  db.selectFrom('request').selectAll().where('applicantPersonId', '=', personId).where('idempotencyKey', '=', key).executeTakeFirst();

/** A request the admin may see: their org reviews one of its steps, or its subject org is in their data scope. */
export const findVisibleRequest = async (db: DbOrTx, actor: Actor, id: string) =>
  db
    .selectFrom('request as r')
    .selectAll('r')
    .where('r.id', '=', id)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb.selectFrom('requestStep as s').select(sql`1`.as('x')).whereRef('s.requestId', '=', 'r.id').where('s.reviewerOrgId', '=', actor.orgId),
        ),
        inOrgScope(actor, 'r.scopePath'),
      ]),
    )
    .executeTakeFirst();

/** One array parameter for a list of ids: one statement text (and one prepared statement) whatever their number. */
const anyId = (ids: string[]) => sql<string>`any(${ids}::uuid[])`;

/**
 * The requests among `ids` that the admin may see, locked for the decision about to be made (in id order, so two
 * batches over the same requests wait for each other instead of deadlocking). A concurrent decision on one of
 * them waits for this transaction and then finds a newer version.
 */
export const lockVisibleRequests = async (db: DbOrTx, actor: Actor, ids: string[]) =>
  db
    .selectFrom('request as r')
    .selectAll('r')
    .where('r.id', '=', anyId(ids))
    .where((eb) =>
      eb.or([
        eb.exists(
          eb.selectFrom('requestStep as s').select(sql`1`.as('x')).whereRef('s.requestId', '=', 'r.id').where('s.reviewerOrgId', '=', actor.orgId),
        ),
        inOrgScope(actor, 'r.scopePath'),
      ]),
    )
    .orderBy('r.id')
    .forUpdate('r')
    .execute();

export const findSteps = async (db: DbOrTx, requestIds: string[]): Promise<StepView[]> => {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('requestStep as s')
    .innerJoin('org as o', 'o.id', 's.reviewerOrgId')
    .leftJoin('person as p', 'p.id', 's.decidedByPersonId')
    .leftJoin('person as rp', 'rp.id', 's.revokedByPersonId')
    .selectAll('s')
    .select(['o.name as reviewerOrgName', 'o.phone as reviewerOrgPhone', 'p.name as decidedByName', 'rp.name as revokedByName'])
    .where('s.requestId', '=', anyId(requestIds))
    .orderBy('s.requestId')
    .orderBy('s.stepNo')
    .execute();
};

export type TransitionValues = {
  id: string;
  /** The version the transition starts from; a request at another version is left alone. */
  version: number;
  /** The status it starts from (open, or approved for 审验不通过). */
  fromStatus: RequestStatus;
  status: RequestStatus;
  currentStep: number;
  currentReviewerOrgId: string | null;
  currentPermission: string | null;
  updatedAt: Date;
  decidedAt: Date | null;
};

/**
 * The one conditional UPDATE every transition goes through, for one request or a batch's many in one statement:
 * a request moves only if nobody changed it since `version` was read, so of two concurrent decisions exactly one
 * returns a row. The rows go as one JSON parameter (one statement text whatever their number).
 */
export const transitionRequests = async (db: DbOrTx, transitions: TransitionValues[]): Promise<RequestRow[]> => {
  if (transitions.length === 0) return [];
  const values = transitions.map((t) => ({
    id: t.id,
    version: t.version,
    from_status: t.fromStatus,
    status: t.status,
    current_step: t.currentStep,
    current_reviewer_org_id: t.currentReviewerOrgId,
    current_permission: t.currentPermission,
    updated_at: t.updatedAt.toISOString(),
    decided_at: t.decidedAt?.toISOString() ?? null,
  }));
  const { rows } = await sql<RequestRow>`
    update request as r
    set status = v.status, current_step = v.current_step, current_reviewer_org_id = v.current_reviewer_org_id,
      current_permission = v.current_permission, updated_at = v.updated_at, decided_at = v.decided_at, version = r.version + 1
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, version int, from_status text, status text,
      current_step int, current_reviewer_org_id uuid, current_permission text, updated_at timestamptz, decided_at timestamptz)
    where r.id = v.id and r.version = v.version and r.status = v.from_status
    returning r.*`.execute(db);
  return rows;
};

export type StepChange = {
  requestId: string;
  stepNo: number;
  status: StepStatus;
  decision?: { accountId: string; personId: string; at: Date; reason: string | null };
};

/** Every step change of one or many transitions in one statement; a step without a decision keeps its decider. */
export const updateSteps = async (db: DbOrTx, changes: StepChange[]) => {
  if (changes.length === 0) return;
  const values = changes.map((c) => ({
    request_id: c.requestId,
    step_no: c.stepNo,
    status: c.status,
    decided: Boolean(c.decision),
    account_id: c.decision?.accountId ?? null,
    person_id: c.decision?.personId ?? null,
    at: c.decision?.at.toISOString() ?? null,
    reason: c.decision?.reason ?? null,
    revoked: c.status === 'revoked',
  }));
  await sql`
    update request_step as s
    set status = v.status,
      decided_by_account_id = case when v.decided and not v.revoked then v.account_id else s.decided_by_account_id end,
      decided_by_person_id = case when v.decided and not v.revoked then v.person_id else s.decided_by_person_id end,
      decided_at = case when v.decided and not v.revoked then v.at else s.decided_at end,
      reason = case when v.decided and not v.revoked then v.reason else s.reason end,
      revoked_by_account_id = case when v.revoked then v.account_id else s.revoked_by_account_id end,
      revoked_by_person_id = case when v.revoked then v.person_id else s.revoked_by_person_id end,
      revoked_at = case when v.revoked then v.at else s.revoked_at end,
      revoke_reason = case when v.revoked then v.reason else s.revoke_reason end
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(request_id uuid, step_no int, status text, decided boolean,
      account_id uuid, person_id uuid, at timestamptz, reason text, revoked boolean)
    where s.request_id = v.request_id and s.step_no = v.step_no`.execute(db);
};

export const findOrgPath = async (db: DbOrTx, orgId: string) =>
  db.selectFrom('org').select(['path', 'name']).where('id', '=', orgId).executeTakeFirst();

export const findPersonName = async (db: DbOrTx, personId: string) =>
  (await db.selectFrom('person').select('name').where('id', '=', personId).executeTakeFirst())?.name;

export const countExistingOrgs = async (db: DbOrTx, orgIds: string[]) =>
  (
    await db
      .selectFrom('org')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', orgIds)
      .executeTakeFirstOrThrow()
  ).n;

/**
 * Moves requests with a subtree when an org changes its superior: every `scope_path` under `oldPrefix` now begins
 * with `newPrefix` (the request table is the engine's; the tree's move calls it in the same transaction).
 */
export const rewriteScopePaths = async (db: DbOrTx, oldPrefix: string, newPrefix: string) => {
  const { numUpdatedRows } = await db
    .updateTable('request')
    .set({ scopePath: sql<string>`${newPrefix} || substr(scope_path, ${oldPrefix.length + 1})` })
    .where('scopePath', 'like', startsWithPattern(oldPrefix))
    .executeTakeFirst();
  return Number(numUpdatedRows);
};

/** Open requests about an org or anything under it (what stops a superior change), oldest first, at most `limit`. */
export const findOpenInSubtree = (db: DbOrTx, path: string, limit: number) =>
  db
    .selectFrom('request')
    .selectAll()
    .where('scopePath', 'like', startsWithPattern(path))
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('createdAt')
    .limit(limit)
    .execute();

/**
 * Who reviews in `orgId`'s place: the org itself while it is active with an active admin, else the nearest org above
 * it that is (one whose admins were all removed, or that closed, must not swallow requests); undefined when none is.
 */
export const findActingReviewer = async (db: DbOrTx, orgId: string) => {
  const org = await db.selectFrom('org').select(['id', 'path']).where('id', '=', orgId).executeTakeFirst();
  if (!org) return undefined;
  return db
    .selectFrom('org as o')
    .select(['o.id', 'o.name'])
    .where('o.id', 'in', org.path.split('/').filter(Boolean))
    .where('o.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('account as a')
          .select(sql`1`.as('x'))
          .whereRef('a.orgId', '=', 'o.id')
          .where('a.kind', '=', 'admin')
          .where('a.status', '=', 'active'),
      ),
    )
    .orderBy(sql`length(o.path)`, 'desc')
    .limit(1)
    .executeTakeFirst();
};

export const findOrgNames = async (db: DbOrTx, ids: string[]) =>
  new Map((await db.selectFrom('org').select(['id', 'name']).where('id', 'in', ids).execute()).map((o) => [o.id, o.name]));
