import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestContext, type TestContext } from '../../test/test-context';
import { credentialsFileOf, startEmbeddedCluster } from './embedded';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

describe('the role the platform runs as (issue 7 finding 3; SECURITY L3)', () => {
  it('is no superuser and cannot touch the audit trail or the schema', async () => {
    const who = await sql<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>`
      select rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user`.execute(t.db);
    expect(who.rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    const refused = [
      sql`alter table audit_log disable trigger audit_log_no_update`,
      sql`drop trigger audit_log_no_update on audit_log`,
      sql`drop table audit_log`,
      sql`create table intruder (id int)`,
      sql`alter table person add column backdoor text`,
      sql`update kysely_migration set name = name`,
      sql`create role intruder login superuser`,
      sql`select rolpassword from pg_authid`,
    ];
    for (const statement of refused)
      await expect(statement.execute(t.db)).rejects.toThrow(/permission denied|must be (the )?owner|must be superuser/);
    await expect(sql`select count(*) from audit_log`.execute(t.db)).resolves.toBeTruthy();
  });
});

describe('an embedded cluster (issue 7 finding 3)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cep-roles-'));
    chmodSync(dir, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gets random passwords at first start, kept in a file only its user can read, and refuses the old fixed one', async () => {
    const dataDir = path.join(dir, 'pg');
    const cluster = await startEmbeddedCluster({ dataDir, persistent: true });
    try {
      const file = credentialsFileOf(dataDir);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const credentials = JSON.parse(readFileSync(file, 'utf8'));
      expect(credentials.owner.password).toMatch(/^[\w-]{32}$/);
      expect(credentials.app.password).not.toBe(credentials.owner.password);
      const port = new URL(cluster.ownerUrl('postgres')).port;
      const legacy = new pg.Client({ connectionString: `postgres://cep:cep-local@127.0.0.1:${port}/postgres` });
      await expect(legacy.connect()).rejects.toThrow(/password authentication failed/);
      const app = new pg.Client({ connectionString: cluster.appUrl('postgres') });
      await app.connect();
      const { rows } = await app.query('select current_user as who, rolsuper from pg_roles where rolname = current_user');
      await app.end();
      expect(rows[0]).toEqual({ who: 'cep_app', rolsuper: false });
    } finally {
      await cluster.stop();
    }
    const again = await startEmbeddedCluster({ dataDir, persistent: true });
    const client = new pg.Client({ connectionString: again.appUrl('postgres') });
    await client.connect();
    await client.end();
    await again.stop();
  });

  it('upgrades a cluster made with the old fixed password: a random one replaces it at the next start', async () => {
    const dataDir = path.join(dir, 'legacy');
    const cluster = await startEmbeddedCluster({ dataDir, persistent: true });
    const owner = new pg.Client({ connectionString: cluster.ownerUrl('postgres') });
    await owner.connect();
    await owner.query(`alter role cep password 'cep-local'`);
    await owner.end();
    await cluster.stop();
    rmSync(credentialsFileOf(dataDir));

    const upgraded = await startEmbeddedCluster({ dataDir, persistent: true });
    try {
      expect(statSync(credentialsFileOf(dataDir)).mode & 0o777).toBe(0o600);
      const port = new URL(upgraded.ownerUrl('postgres')).port;
      const legacy = new pg.Client({ connectionString: `postgres://cep:cep-local@127.0.0.1:${port}/postgres` });
      await expect(legacy.connect()).rejects.toThrow(/password authentication failed/);
      const app = new pg.Client({ connectionString: upgraded.appUrl('postgres') });
      await app.connect();
      await app.end();
    } finally {
      await upgraded.stop();
    }
  });
});
