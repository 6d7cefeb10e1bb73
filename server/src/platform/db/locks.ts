import { sql } from 'kysely';
import type { Tx } from './database';

/**
 * Holds a transaction-scoped advisory lock on `key` until the transaction ends: work under one key runs one
 * transaction at a time, across every process on the database.
 */
export const lockUntilCommit = async (tx: Tx, key: string) => {
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx);
};
