import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadProfile } from '@cep/profiles';
import { startEmbeddedCluster, type EmbeddedCluster } from '../platform/db/embedded';
import { createDb, migrateToLatest } from '../platform/db/database';
import { provisionProfile } from '../platform/profiles/provision';
import { databaseUrl } from './database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

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
    adminUrl = cluster.url('postgres');
  }
  const template = `cep_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  const db = createDb(databaseUrl(adminUrl, template), 2);
  await migrateToLatest(db);
  await provisionProfile(db, loadProfile('henan'));
  await db.destroy();
  project.provide('pgAdminUrl', adminUrl);
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
