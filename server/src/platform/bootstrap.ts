import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config';
import { sql } from 'kysely';
import { createDb, migrateAsOwner, type Db } from './db/database';
import { startEmbeddedCluster, type EmbeddedCluster } from './db/embedded';
import { ensureSecret } from './secret';
import { createOutboxNotifier, discardGateway, type Gateway } from './notify/notifier';
import { systemClock, type Clock } from './clock';
import type { AppContext } from './context';
import { createJobRunner } from './jobs/jobs';

export const createDatabaseIfMissing = async (adminUrl: string, name: string, template?: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`create database "${name}"${template ? ` template "${template}"` : ''}`);
    }
  } finally {
    await client.end();
  }
};

/** The platform's database: `db` connects as the role the platform runs as; `migrate()` changes the schema as its owner. */
export type OpenedDatabase = { db: Db; cluster: EmbeddedCluster | null; migrate: () => Promise<void> };

/** A database of an embedded cluster (created when missing), used as the cluster's app role. */
export const openClusterDatabase = async (cluster: EmbeddedCluster, name: string): Promise<OpenedDatabase> => {
  await createDatabaseIfMissing(cluster.ownerUrl('postgres'), name);
  return { db: createDb(cluster.appUrl(name)), cluster, migrate: () => migrateAsOwner(cluster.ownerUrl(name), cluster.appUser) };
};

/**
 * Opens the configured database: the server at DATABASE_URL (migrated as DATABASE_OWNER_URL's role when
 * given), or the embedded cluster in DATA_DIR.
 */
export const openDatabase = async (config: Config): Promise<OpenedDatabase> => {
  if (config.databaseUrl) {
    const ownerUrl = config.databaseOwnerUrl ?? config.databaseUrl;
    const appRole = config.databaseOwnerUrl ? decodeURIComponent(new URL(config.databaseUrl).username) : null;
    return { db: createDb(config.databaseUrl), cluster: null, migrate: () => migrateAsOwner(ownerUrl, appRole) };
  }
  const cluster = await startEmbeddedCluster({ dataDir: path.join(config.dataDir, 'pg'), persistent: true });
  return openClusterDatabase(cluster, 'cep');
};

/** A warning when the platform connects as a role that could rewrite the schema or the audit trail. */
export const roleWarning = async (db: Db): Promise<string | null> => {
  const { rows } = await sql<{ rolsuper: boolean; owns: boolean }>`
    select r.rolsuper, exists (select 1 from pg_tables t where t.tablename = 'audit_log' and t.tableowner = current_user) as owns
    from pg_roles r where r.rolname = current_user`.execute(db);
  const row = rows[0];
  if (!row?.rolsuper && !row?.owns) return null;
  return '警告：平台以数据库超级用户或表的所有者身份运行，可修改审计日志。请按 docs/OPERATIONS.md 设置 DATABASE_OWNER_URL 并以普通角色连接。';
};

/**
 * The context every module is built from, on a migrated and provisioned database. `gateway` delivers SMS and
 * e-mail (the demo prints them; production plugs in its carrier).
 */
export const createContext = async (config: Config, db: Db, options: { clock?: Clock; gateway?: Gateway } = {}): Promise<AppContext> => {
  const clock = options.clock ?? systemClock;
  const secret = await ensureSecret(db);
  const notifier = createOutboxNotifier(clock, options.gateway ?? discardGateway);
  return { db, config, clock, notifier, secret, jobs: createJobRunner(db) };
};
