import { sql, type Insertable } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { inOrgScope } from '../../platform/auth/scope';
import { containsPattern } from '../../platform/db/like';
import type { PeopleImportFailureTable, PeopleImportTable } from './people.tables';

export const insertImport = async (tx: Tx, values: Insertable<PeopleImportTable>) => {
  const row = await tx.insertInto('peopleImport').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
};

const importRows = (db: DbOrTx) =>
  db
    .selectFrom('peopleImport as i')
    .innerJoin('org as e', 'e.id', 'i.employerId')
    .innerJoin('person as p', 'p.id', 'i.personId')
    .selectAll('i')
    .select(['e.name as employerName', 'p.name as uploaderName']);

export const findImport = (db: DbOrTx, id: string) => importRows(db).where('i.id', '=', id).executeTakeFirst();

/** An org's imports, newest first. */
export const listImportsOfOrg = (db: DbOrTx, orgId: string, limit: number) =>
  importRows(db).where('i.orgId', '=', orgId).orderBy('i.createdAt', 'desc').limit(limit).execute();

/** Imports a server stopped before finishing (or never started): a start sends them to the worker again. */
export const unfinishedImportIds = async (db: DbOrTx) =>
  (await db.selectFrom('peopleImport').select('id').where('status', 'in', ['queued', 'running']).execute()).map((r) => r.id);

const lockKey = (id: string) => sql`hashtextextended(${`people_import:${id}`}, 0)`;

/**
 * Held by the connection that runs the import, for as long as it runs: a second worker (a retry, another process)
 * sees it taken and leaves the import alone; a killed worker's connection ends and frees it.
 */
export const tryImportLock = async (conn: Db, id: string) => {
  const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${lockKey(id)}) as ok`.execute(conn);
  return rows[0]?.ok === true;
};
export const releaseImportLock = async (conn: Db, id: string) => {
  await sql`select pg_advisory_unlock(${lockKey(id)})`.execute(conn);
};

export const lockImportRow = (tx: Tx, id: string) => tx.selectFrom('peopleImport').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const updateImport = async (db: DbOrTx, id: string, patch: Partial<Omit<Insertable<PeopleImportTable>, 'id'>>) => {
  await db.updateTable('peopleImport').set(patch).where('id', '=', id).execute();
};

export const insertFailures = async (tx: Tx, rows: Insertable<PeopleImportFailureTable>[]) => {
  if (rows.length) await tx.insertInto('peopleImportFailure').values(rows).execute();
};

/** The refused rows of an import in row order, read a page at a time (there may be 100,000 of them). */
export async function* failuresOf(db: Db, importId: string, pageSize = 5_000) {
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom('peopleImportFailure')
      .select(['rowNo', 'cells', 'reason'])
      .where('importId', '=', importId)
      .where('rowNo', '>', after)
      .orderBy('rowNo')
      .limit(pageSize)
      .execute();
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.rowNo;
  }
}

/** Who holds these ID numbers, and whether any of their accounts is still live (a person set aside has none). */
export const peopleByIdNumbers = (db: DbOrTx, idNumbers: string[]) =>
  db
    .selectFrom('person as p')
    .select([
      'p.id',
      'p.idNumber',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('account as a')
              .select('a.id')
              .whereRef('a.personId', '=', 'p.id')
              .where('a.status', 'in', ['pending', 'active', 'disabled']),
          )
          .as('live'),
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('account as a')
              .select('a.id')
              .whereRef('a.personId', '=', 'p.id')
              .where('a.kind', '=', 'professional')
              .where('a.status', 'in', ['pending', 'active', 'disabled']),
          )
          .as('professional'),
    ])
    .where('p.idNumber', 'in', idNumbers.length ? idNumbers : [''])
    .execute();

const employerColumns = ['o.id', 'o.name', 'o.creditCode', 'o.path', 'o.kind', 'o.status', 'o.isPlaceholder'] as const;

export const employerById = (db: DbOrTx, id: string) => db.selectFrom('org as o').select(employerColumns).where('o.id', '=', id).executeTakeFirst();

export const employersByCreditCodes = (db: DbOrTx, codes: string[]) =>
  db
    .selectFrom('org as o')
    .select(employerColumns)
    .where('o.creditCode', 'in', codes.length ? codes : [''])
    .where('o.kind', '=', 'employer')
    .where('o.status', '=', 'active')
    .execute();

/** Active employers of the actor's scope (its own org first when it is one), by part of the name. */
export const employerChoices = (db: DbOrTx, actor: Pick<Actor, 'orgPath' | 'orgId'>, keyword: string | undefined) => {
  let q = db
    .selectFrom('org as o')
    .select(['o.id', 'o.name', 'o.creditCode'])
    .where('o.kind', '=', 'employer')
    .where('o.status', '=', 'active')
    .where('o.isPlaceholder', '=', false)
    .where(inOrgScope(actor, 'o.path'));
  if (keyword) q = q.where('o.name', 'like', containsPattern(keyword));
  return q.orderBy(sql`o.id = ${actor.orgId}`, 'desc').orderBy('o.name').limit(20).execute();
};
