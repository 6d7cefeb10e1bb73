import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../config';
import { sql } from 'kysely';
import { createDb, grantAppRole, type Db } from '../platform/db/database';
import { createTestClock } from '../platform/clock';
import { createOutboxNotifier, type Notification } from '../platform/notify/notifier';
import { buildApp, startJobs } from '../app';
import { createJobRunner } from '../platform/jobs/jobs';
import type { AppContext } from '../platform/context';
import { databaseUrl } from './database-url';

const adminQuery = async (sql: string) => {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/**
 * A fresh database copied from the migrated template, an app on it with a movable clock, and a close().
 * Each test file calls this once in beforeAll; its data is its own.
 */
export const createTestContext = async (options: { configure?: (config: Config) => void; jobs?: boolean } = {}) => {
  const name = `cep_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database "${name}" template "${inject('pgTemplate')}"`);
  /** The database as the platform's role connects to it (also for a test that starts platform processes of its own). */
  const appUrl = databaseUrl(inject('pgAppUrl'), name);
  const db = createDb(appUrl, 8);
  const clock = createTestClock(new Date('2026-03-02T09:00:00+08:00'));
  // Uploaded files of this test file only, removed with its database (never the repository's data/).
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cep-test-data-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  config.rateLimits.loginPerIpPerMinute = 10_000;
  config.rateLimits.captchaPerIpPerMinute = 10_000;
  // Tests see every change at once; platform/auth/session-cache.test.ts turns the cache on.
  config.session.cacheSeconds = 0;
  options.configure?.(config);
  /** What the SMS/e-mail gateway delivered, newest last: the only place a one-time code can be read. */
  const sent: Notification[] = [];
  const notifier = createOutboxNotifier(clock, (m) => void sent.push(m));
  const jobs = createJobRunner(db, { pollingSeconds: 0.5, supervise: false });
  const ctx: AppContext = { db, config, clock, notifier, secret: 'test-secret', jobs };
  const app = await buildApp({ ctx });
  if (options.jobs) await startJobs(ctx);
  const close = async () => {
    if (options.jobs) await jobs.stop();
    await app.close();
    await db.destroy();
    await adminQuery(`drop database if exists "${name}" with (force)`);
    await rm(dataDir, { recursive: true, force: true });
  };
  /** The same database as its owner, for the tests that show what the platform's own role cannot do. */
  const ownerUrl = databaseUrl(inject('pgAdminUrl'), name);
  /** Runs `work` as the schema owner (a test's own tables), then grants the platform's role on what it made. */
  const asOwner = async (work: (owner: Db) => Promise<void>) => {
    const owner = createDb(ownerUrl, 1);
    try {
      await work(owner);
      const { rows } = await sql<{ role: string }>`select current_user as role`.execute(db);
      await grantAppRole(owner, rows[0]!.role);
    } finally {
      await owner.destroy();
    }
  };
  return { app, db, clock, ctx, config, sent, ownerUrl, appUrl, asOwner, close };
};

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;
