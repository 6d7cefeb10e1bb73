import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';
import type { CertificateContent } from './certificates.tables';

/** One certificate of a person and a range printed at a time, so two prints at once cannot mint two serials. */
export const lockCertificatesOf = async (db: DbOrTx, personId: string) => {
  await sql`select pg_advisory_xact_lock(hashtext(${`certificate:${personId}`}))`.execute(db);
};

/** The current (not superseded) certificate of the person and range. */
export const findCurrent = (db: DbOrTx, personId: string, fromYear: number, toYear: number) =>
  db
    .selectFrom('certificate')
    .selectAll()
    .where('personId', '=', personId)
    .where('fromYear', '=', fromYear)
    .where('toYear', '=', toYear)
    .where('supersededAt', 'is', null)
    .executeTakeFirst();

export const insertCertificate = (
  db: DbOrTx,
  values: {
    serial: string;
    personId: string;
    fromYear: number;
    toYear: number;
    content: CertificateContent;
    contentHash: string;
    issuerOrgId: string | null;
    issuedAt: Date;
  },
) =>
  db
    .insertInto('certificate')
    .values({ ...values, content: JSON.stringify(values.content) })
    .returningAll()
    .executeTakeFirstOrThrow();

/** Retires the current certificate (before its successor is inserted: one current per person and range). */
export const retire = async (db: DbOrTx, id: string, at: Date) => {
  await db.updateTable('certificate').set({ supersededAt: at }).where('id', '=', id).execute();
};

export const pointToSuccessor = async (db: DbOrTx, id: string, successorId: string) => {
  await db.updateTable('certificate').set({ supersededBy: successorId }).where('id', '=', id).execute();
};

export const findBySerial = (db: DbOrTx, serial: string) => db.selectFrom('certificate').selectAll().where('serial', '=', serial).executeTakeFirst();

export const findSerialOf = async (db: DbOrTx, id: string) =>
  (await db.selectFrom('certificate').select('serial').where('id', '=', id).executeTakeFirst())?.serial ?? null;
