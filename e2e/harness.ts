import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../server/src/config';
import type { Db } from '../server/src/platform/db/database';
import { freePort, startEmbeddedCluster } from '../server/src/platform/db/embedded';
import { openClusterDatabase } from '../server/src/platform/bootstrap';
import { buildApp, prepareServer, startJobs } from '../server/src/app';
import type { Notification } from '../server/src/platform/notify/notifier';
import { DEMO_PASSWORD, loadDemoData, type DemoLogin } from '../server/src/demo/demo';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const artifactsDir = path.join(repoRoot, 'e2e', 'artifacts');
export { DEMO_PASSWORD };

/** `sent`: the SMS and e-mail the platform delivered (its carrier here), newest last. */
export type Harness = { baseUrl: string; db: Db; demoLogins: DemoLogin[]; sent: Notification[]; close: () => Promise<void> };

/**
 * The whole platform in this process, as `npm start` runs it, on a throwaway embedded PostgreSQL
 * in a temp folder: migrated, profile provisioned, demo logins loaded, serving the built web app.
 */
export const startHarness = async (options: { profile?: 'henan' | 'shandong' } = {}): Promise<Harness> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cep-e2e-'));
  // initdb runs as the postgres user, which must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const cluster = await startEmbeddedCluster({ dataDir: path.join(dataDir, 'pg'), persistent: false });
  const { db, migrate } = await openClusterDatabase(cluster, 'cep');
  await migrate();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, PROFILE: options.profile ?? 'henan' });
  // One browser from one IP runs every test here; the per-IP limits have their own API tests.
  config.rateLimits.loginPerIpPerMinute = 10_000;
  config.rateLimits.captchaPerIpPerMinute = 10_000;
  // Tests end sessions and change people by writing the database, as another process would: the page must see it
  // at once. The cache's bound is tested in session-cache.test.ts and multi-process.test.ts.
  config.session.cacheSeconds = 0;
  const sent: Notification[] = [];
  const ctx = await prepareServer(config, db, { gateway: (m) => void sent.push(m) });
  const demoLogins = await loadDemoData(ctx);
  // E2E_WEB_DIST: a private build, so another engineer's rebuild of web/dist cannot pull assets from under a running test.
  const app = await buildApp({ ctx, webDist: process.env.E2E_WEB_DIST ?? path.join(repoRoot, 'web', 'dist') });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  await startJobs(ctx);
  const close = async () => {
    await ctx.jobs.stop().catch(() => {});
    await app.close().catch(() => {});
    await db.destroy().catch(() => {});
    await cluster.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { baseUrl: `http://127.0.0.1:${port}`, db, demoLogins, sent, close };
};

export const demoLogin = (harness: Harness, label: string): DemoLogin => {
  const login = harness.demoLogins.find((l) => l.label === label);
  if (!login) throw new Error(`demo login "${label}" missing; have: ${harness.demoLogins.map((l) => l.label).join(', ')}`);
  return login;
};
