import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../server/src/platform/db/database';
import { startEmbeddedCluster, type EmbeddedCluster } from '../server/src/platform/db/embedded';
import { createDatabaseIfMissing } from '../server/src/platform/bootstrap';

export type BenchDb = { db: Db; url: string; close: () => Promise<void> };

/** A throwaway database: a new one on the server at DATABASE_URL, or an embedded cluster in a temp folder. */
export const openBenchDb = async (tag: string): Promise<BenchDb> => {
  let cluster: EmbeddedCluster | null = null;
  let dir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(os.tmpdir(), `cep-bench-${tag}-`));
    chmodSync(dir, 0o755);
    cluster = await startEmbeddedCluster({ dataDir: path.join(dir, 'pg'), persistent: false });
    adminUrl = cluster.ownerUrl('postgres');
  }
  const name = `cep_bench_${tag}_${Date.now().toString(36)}`;
  await createDatabaseIfMissing(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), 10);
  return {
    db,
    url: url.toString(),
    close: async () => {
      await db.destroy();
      // pg-pool resolves end() before its sockets have closed; a fast shutdown right away kills them mid-close.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await cluster?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
};
