import path from 'node:path';
import pg from 'pg';
import { loadProfile } from '@cep/profiles';
import type { Config } from '../config';
import { createDb, migrateToLatest, type Db } from './db/database';
import { startEmbeddedCluster, type EmbeddedCluster } from './db/embedded';
import { provisionProfile } from './profiles/provision';
import { ensureSecret } from './secret';
import { createOutboxNotifier, discardGateway, type Gateway } from './notify/notifier';
import { systemClock, type Clock } from './clock';
import type { AppContext } from './context';
import { ensureKnowledgeBase } from '../modules/helpdesk';

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

/** Opens the configured database: the server at DATABASE_URL, or the embedded cluster in DATA_DIR. */
export const openDatabase = async (config: Config): Promise<{ db: Db; cluster: EmbeddedCluster | null }> => {
  if (config.databaseUrl) return { db: createDb(config.databaseUrl), cluster: null };
  const cluster = await startEmbeddedCluster({ dataDir: path.join(config.dataDir, 'pg'), persistent: true });
  await createDatabaseIfMissing(cluster.url('postgres'), 'cep');
  return { db: createDb(cluster.url('cep')), cluster };
};

/**
 * Migrates, provisions the province profile and returns the context every module is built from. `gateway`
 * delivers SMS and e-mail (the demo prints them; production plugs in its carrier).
 */
export const prepareContext = async (config: Config, db: Db, options: { clock?: Clock; gateway?: Gateway } = {}): Promise<AppContext> => {
  const clock = options.clock ?? systemClock;
  await migrateToLatest(db);
  await provisionProfile(db, loadProfile(config.profile));
  const secret = await ensureSecret(db);
  const ctx: AppContext = { db, config, clock, notifier: createOutboxNotifier(clock, options.gateway ?? discardGateway), secret };
  await ensureKnowledgeBase(ctx);
  return ctx;
};
