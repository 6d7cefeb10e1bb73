import { sql, type Insertable, type Selectable } from 'kysely';
import type { RequestStatus, StepStatus } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { inOrgScope } from '../../platform/auth/scope';
import type { RequestStepTable, RequestTable } from './reviews.tables';

export type RequestRow = Selectable<RequestTable>;
export type StepRow = Selectable<RequestStepTable>;
export type StepView = StepRow & { reviewerOrgName: string; decidedByName: string | null };

export const OPEN_STATUSES: RequestStatus[] = ['pending', 'inReview'];

export const insertRequest = async (db: DbOrTx, values: Insertable<RequestTable>) =>
  db.insertInto('request').values(values).returningAll().executeTakeFirstOrThrow();

export const insertSteps = async (db: DbOrTx, steps: Insertable<RequestStepTable>[]) => {
  await db.insertInto('requestStep').values(steps).execute();
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

export const findSteps = async (db: DbOrTx, requestIds: string[]): Promise<StepView[]> => {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('requestStep as s')
    .innerJoin('org as o', 'o.id', 's.reviewerOrgId')
    .leftJoin('person as p', 'p.id', 's.decidedByPersonId')
    .selectAll('s')
    .select(['o.name as reviewerOrgName', 'p.name as decidedByName'])
    .where('s.requestId', 'in', requestIds)
    .orderBy('s.requestId')
    .orderBy('s.stepNo')
    .execute();
};

export type TransitionValues = {
  status: RequestStatus;
  currentStep: number;
  currentReviewerOrgId: string | null;
  currentPermission: string | null;
  updatedAt: Date;
  decidedAt: Date | null;
};

/**
 * The one conditional UPDATE every transition goes through: it succeeds only if nobody changed the
 * request since `version` was read, so of two concurrent decisions exactly one returns a row.
 */
export const transitionRequest = async (db: DbOrTx, id: string, version: number, values: TransitionValues) =>
  db
    .updateTable('request')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', 'in', OPEN_STATUSES)
    .returningAll()
    .executeTakeFirst();

export type StepChange = {
  stepNo: number;
  status: StepStatus;
  decision?: { accountId: string; personId: string; at: Date; reason: string | null };
};

export const updateSteps = async (db: DbOrTx, requestId: string, changes: StepChange[]) => {
  for (const change of changes) {
    await db
      .updateTable('requestStep')
      .set({
        status: change.status,
        ...(change.decision
          ? {
              decidedByAccountId: change.decision.accountId,
              decidedByPersonId: change.decision.personId,
              decidedAt: change.decision.at,
              reason: change.decision.reason,
            }
          : {}),
      })
      .where('requestId', '=', requestId)
      .where('stepNo', '=', change.stepNo)
      .execute();
  }
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
