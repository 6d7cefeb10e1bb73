import { sql } from 'kysely';
import type { TestContext } from './test-context';

/** Tables that a refused request may still touch: its audit row, rate-limit and lockout counters, captchas, sessions. */
const BOOKKEEPING = new Set(['audit_log', 'rate_limit_hit', 'login_throttle', 'captcha', 'session', 'kysely_migration', 'kysely_migration_lock']);

/**
 * A fingerprint (row count and content hash) of every business table, to show that a refused request
 * changed nothing: compare the snapshot before and after.
 */
export const snapshotTables = async (t: TestContext) => {
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(t.db);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (BOOKKEEPING.has(name)) continue;
    const row = await sql<{
      n: number;
      h: string | null;
    }>`select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h from ${sql.table(name)} x`.execute(t.db);
    result[name] = `${row.rows[0]!.n}:${row.rows[0]!.h ?? ''}`;
  }
  return result;
};
