import { sql } from 'kysely';
import type { LearningCategory, SyncResult } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import type { CurrentSyncRecord, SyncDayLoad, SyncPerson } from './hours-sync.decide';

const sourceColumns = [
  'id',
  'name',
  'categories',
  'fromYear',
  'toYear',
  'keyPrefix',
  'createdAt',
  'revokedAt',
  'lastBatchAt',
  'acceptedCount',
  'refusedCount',
] as const;

export const insertSource = (
  db: DbOrTx,
  values: {
    name: string;
    categories: LearningCategory[];
    fromYear: number;
    toYear: number;
    keyHash: string;
    keyPrefix: string;
    createdByAccountId: string;
    createdAt: Date;
  },
) => db.insertInto('syncSource').values(values).returning(sourceColumns).executeTakeFirstOrThrow();

export const findActiveSourceByName = (db: DbOrTx, name: string) =>
  db.selectFrom('syncSource').select('id').where('name', '=', name).where('revokedAt', 'is', null).executeTakeFirst();

export const listSources = (db: DbOrTx) =>
  db.selectFrom('syncSource').select(sourceColumns).orderBy('revokedAt', 'desc').orderBy('createdAt', 'desc').execute();

export const findSource = (db: DbOrTx, id: string) => db.selectFrom('syncSource').select(sourceColumns).where('id', '=', id).executeTakeFirst();

/** The source a key opens (by the key's hash), revoked ones included so that the caller can say so. */
export const findSourceByKeyHash = (db: DbOrTx, keyHash: string) =>
  db
    .selectFrom('syncSource')
    .select(['id', 'name', 'categories', 'fromYear', 'toYear', 'revokedAt'])
    .where('keyHash', '=', keyHash)
    .executeTakeFirst();

/** Whether the source's key still works, read under the batch's lock (a revocation that committed meanwhile wins). */
export const isSourceActive = async (db: DbOrTx, id: string) =>
  Boolean(await db.selectFrom('syncSource').select('id').where('id', '=', id).where('revokedAt', 'is', null).executeTakeFirst());

/** A new key for an active source (更换密钥): the old one stops, the source and its records stay. */
export const replaceKey = (db: DbOrTx, id: string, key: { keyHash: string; keyPrefix: string }) =>
  db.updateTable('syncSource').set(key).where('id', '=', id).where('revokedAt', 'is', null).returning('id').executeTakeFirst();

export const revokeSource = (db: DbOrTx, id: string, at: Date) =>
  db.updateTable('syncSource').set({ revokedAt: at }).where('id', '=', id).where('revokedAt', 'is', null).returning('id').executeTakeFirst();

/** One batch of a source at a time: two resends of the same record cannot both insert it. */
export const lockSource = async (db: DbOrTx, sourceId: string) => {
  await sql`select pg_advisory_xact_lock(hashtext(${`sync-source:${sourceId}`}))`.execute(db);
};

/** The active professionals with these ID numbers, with their title series (whose specialty a course must match). */
export const findProfessionalsByIdNumbers = async (db: DbOrTx, idNumbers: string[]): Promise<SyncPerson[]> =>
  idNumbers.length === 0
    ? []
    : db
        .selectFrom('person as p')
        .innerJoin('account as a', 'a.personId', 'p.id')
        .innerJoin('professionalProfile as pp', 'pp.accountId', 'a.id')
        .select(['p.id as personId', 'p.idNumber', 'p.name', 'pp.titleSeries'])
        .where('p.idNumber', 'in', idNumbers)
        .where('a.kind', '=', 'professional')
        .where('a.status', '=', 'active')
        .execute();

export const findCurrentRecords = (db: DbOrTx, sourceId: string, externalIds: string[]): Promise<CurrentSyncRecord[]> =>
  db
    .selectFrom('syncRecord')
    .select(['id', 'externalId', 'personId', 'contentHash', 'hoursRecordId'])
    .where('sourceId', '=', sourceId)
    .where('externalId', 'in', externalIds)
    .where('supersededAt', 'is', null)
    .execute();

/** The people's current synced records (every source) on days between `from` and `to`, for the 8-hour day. */
export const findSyncDayLoads = async (db: DbOrTx, q: { personIds: string[]; from: string; to: string }): Promise<SyncDayLoad[]> => {
  if (q.personIds.length === 0) return [];
  const { rows } = await sql<SyncDayLoad>`
    select id, person_id as "personId", completed_on as day, hours::float8 as hours, course from sync_record
    where person_id = any(${q.personIds}::uuid[]) and completed_on between ${q.from} and ${q.to} and superseded_at is null`.execute(db);
  return rows;
};

export const insertBatch = (
  db: DbOrTx,
  values: { id: string; sourceId: string; receivedAt: Date; itemCount: number; counts: Record<SyncResult, number> },
) =>
  db
    .insertInto('syncBatch')
    .values({ ...values, counts: JSON.stringify(values.counts) })
    .execute();

export type NewSyncRecord = {
  id: string;
  externalId: string;
  personId: string;
  course: string;
  category: LearningCategory;
  hours: number;
  completedOn: string;
  seriesCode: string | null;
  contentHash: string;
  hoursRecordId: string;
};

/** Inserts the accepted records in one statement (a batch of 1,000 is one round trip). */
export const insertRecords = async (db: DbOrTx, batch: { sourceId: string; batchId: string; receivedAt: Date }, records: NewSyncRecord[]) => {
  if (records.length === 0) return;
  await sql`
    insert into sync_record (id, source_id, external_id, batch_id, person_id, course, category, hours, completed_on, series_code,
      content_hash, hours_record_id, received_at)
    select x.id, ${batch.sourceId}, x.external_id, ${batch.batchId}, x.person_id, x.course, x.category, x.hours, x.completed_on,
      x.series_code, x.content_hash, x.hours_record_id, ${batch.receivedAt}
    from jsonb_to_recordset(${JSON.stringify(
      records.map((r) => ({
        id: r.id,
        external_id: r.externalId,
        person_id: r.personId,
        course: r.course,
        category: r.category,
        hours: r.hours,
        completed_on: r.completedOn,
        series_code: r.seriesCode,
        content_hash: r.contentHash,
        hours_record_id: r.hoursRecordId,
      })),
    )}::jsonb) as x(id uuid, external_id text, person_id uuid, course text, category text, hours numeric, completed_on date,
      series_code text, content_hash text, hours_record_id uuid)`.execute(db);
};

/** Retires the records corrected by this batch (before their successors are inserted: one current per record id). */
export const retireRecords = async (db: DbOrTx, ids: string[], at: Date) => {
  if (ids.length === 0) return;
  await db.updateTable('syncRecord').set({ supersededAt: at }).where('id', 'in', ids).execute();
};

export const pointRecordsToSuccessors = async (db: DbOrTx, pairs: { id: string; successorId: string }[]) => {
  if (pairs.length === 0) return;
  await sql`
    update sync_record as r set superseded_by = x.successor_id
    from jsonb_to_recordset(${JSON.stringify(pairs.map((p) => ({ id: p.id, successor_id: p.successorId })))}::jsonb)
      as x(id uuid, successor_id uuid)
    where r.id = x.id`.execute(db);
};

export const insertRefusals = async (
  db: DbOrTx,
  batch: { sourceId: string; batchId: string; receivedAt: Date },
  refusals: { externalId: string; idNumberMasked: string; name: string; course: string; result: SyncResult; message: string }[],
) => {
  if (refusals.length === 0) return;
  await db
    .insertInto('syncRefusal')
    .values(refusals.map((r) => ({ ...r, sourceId: batch.sourceId, batchId: batch.batchId, receivedAt: batch.receivedAt })))
    .execute();
};

export const countBatch = async (db: DbOrTx, sourceId: string, q: { accepted: number; refused: number; at: Date }) => {
  await db
    .updateTable('syncSource')
    .set((eb) => ({
      acceptedCount: eb('acceptedCount', '+', q.accepted),
      refusedCount: eb('refusedCount', '+', q.refused),
      lastBatchAt: q.at,
    }))
    .where('id', '=', sourceId)
    .execute();
};

export const listRefusals = async (db: DbOrTx, sourceId: string, page: { page: number; pageSize: number }) => {
  const base = db.selectFrom('syncRefusal').where('sourceId', '=', sourceId);
  const [items, total] = await Promise.all([
    base
      .select(['batchId', 'receivedAt', 'externalId', 'idNumberMasked', 'name', 'course', 'result', 'message'])
      .orderBy('receivedAt', 'desc')
      .orderBy('externalId')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
};
