import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, sql, type Transaction } from 'kysely';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database } from './schema';
import { migrations } from './migrations';
import { grantJobSchema, installJobSchema } from '../jobs/jobs';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the pool or an open transaction: data functions take this so callers decide the transaction. */
export type DbOrTx = Db | Tx;

// bigint (bigserial ids, count(*)) arrives as text; counts here stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// A date column is a calendar day, not an instant: keep it as 'YYYY-MM-DD'.
pg.types.setTypeParser(1082, (v) => v);

/** A bounded memo of a string conversion: query texts and column names come from the code, so few are ever seen. */
const memo = (convert: (s: string) => string, max: number) => {
  const seen = new Map<string, string>();
  return (s: string) => {
    let out = seen.get(s);
    if (out === undefined) {
      out = convert(s);
      if (seen.size < max) seen.set(s, out);
    }
    return out;
  };
};

/** A name per query text (its hash), so that one text is one prepared statement on every connection. */
const statementNameOf = memo((text) => `q${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`, 10_000);

/**
 * How many statements one connection keeps prepared. A text that differs by its number of values (an IN list,
 * a multi-row insert) is a statement of its own, and PostgreSQL keeps each until the connection closes: past
 * this many, a connection sends new texts unnamed, as before, so a backend's memory stays bounded.
 */
export const MAX_PREPARED_PER_CONNECTION = 500;

/**
 * Sends every query that has parameters as a named prepared statement: PostgreSQL then parses and plans it once
 * per connection instead of on every call. Profiled (docs/BENCHMARKS.md): planning a five-table join took longer
 * than running it. Queries without parameters (transaction control, multi-statement migrations) stay as they are.
 */
const prepareStatements = (client: pg.PoolClient) => {
  const plain = client.query.bind(client) as (...args: unknown[]) => unknown;
  const prepared = new Set<string>();
  const named = (text: unknown, values?: unknown) => {
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0) return plain(text, values);
    const name = statementNameOf(text);
    if (!prepared.has(name)) {
      if (prepared.size >= MAX_PREPARED_PER_CONNECTION) return plain(text, values);
      prepared.add(name);
    }
    return plain({ name, text, values });
  };
  client.query = named as typeof client.query;
};

/**
 * Kysely's CamelCasePlugin with its name conversions remembered: it converts every identifier of every query
 * and every key of every result row with regular expressions, a visible share of a list page's CPU (issue 9).
 */
class MemoCamelCasePlugin extends CamelCasePlugin {
  readonly #camel = memo((s) => super.camelCase(s), 5_000);
  readonly #snake = memo((s) => super.snakeCase(s), 5_000);
  protected override camelCase(s: string) {
    return this.#camel(s);
  }
  protected override snakeCase(s: string) {
    return this.#snake(s);
  }
}

export const createDb = (connectionString: string, poolSize = 10): Db => {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  pool.on('connect', prepareStatements);
  // An idle client whose server connection ends (a restart, a forced drop at shutdown) emits 'error' on the
  // pool; without a listener that would crash the process. The pool drops the client and the next query reconnects.
  pool.on('error', (error) => {
    if ((error as { code?: string }).code !== '57P01') console.error('数据库连接异常:', error.message);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new MemoCamelCasePlugin()] });
};

export const migrateToLatest = async <DB>(db: Kysely<DB>) => {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`数据库迁移失败: ${failed?.migrationName ?? ''} ${String(error)}`);
  return results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
};

/**
 * What the platform's own role may do: read and write the business tables, append to the audit log (never
 * change or remove a row of it), and nothing to the schema, which stays the owner's (SECURITY.md L3).
 * Idempotent; runs after every migration, so a new table is covered at once.
 */
export const grantAppRole = async <DB>(owner: Kysely<DB>, appRole: string) => {
  const role = sql.id(appRole);
  await sql`grant usage on schema public to ${role}`.execute(owner);
  await sql`grant select, insert, update, delete on all tables in schema public to ${role}`.execute(owner);
  await sql`grant usage, select, update on all sequences in schema public to ${role}`.execute(owner);
  await sql`revoke update, delete, truncate on audit_log from ${role}`.execute(owner);
  await sql`revoke insert, update, delete, truncate on kysely_migration, kysely_migration_lock from ${role}`.execute(owner);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_namespace where nspname = 'pgboss'`.execute(owner);
  if (rows[0]?.n) await grantJobSchema(owner, appRole);
};

/** Migrates as the schema's owner in a short-lived connection, then grants the app role (when it is another role). */
export const migrateAsOwner = async (ownerUrl: string, appRole: string | null) => {
  const owner = createDb(ownerUrl, 1);
  try {
    await migrateToLatest(owner);
    await installJobSchema(ownerUrl);
    if (appRole) await grantAppRole(owner, appRole);
  } finally {
    await owner.destroy();
  }
};
