import { createJobRunner } from '../server/src/platform/jobs/jobs';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { registerRequestKinds } from '../server/src/app';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/src/config';
import { createDb, migrateToLatest } from '../server/src/platform/db/database';
import { startEmbeddedCluster } from '../server/src/platform/db/embedded';
import { createDatabaseIfMissing } from '../server/src/platform/bootstrap';
import { provisionProfile } from '../server/src/modules/organizations';
import { systemClock } from '../server/src/platform/clock';
import { createOutboxNotifier } from '../server/src/platform/notify/notifier';
import type { AppContext } from '../server/src/platform/context';
import { loadProfile } from '@cep/profiles';
import { listQueue } from '../server/src/modules/reviews';
import { searchEmployers } from '../server/src/modules/registration/registration.choices';
import { adminActor, bureauOf } from './reviews.bench-data';
import { generateProvince } from './generate-province';

const SIZE = { employers: 2_000, professionals: 100_000, pending: 100_000 };

const medianOf = async (runs: number, work: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
};

/** The synthetic province generator, then reads over it: the province's registration queue and the employer search. */
export const run = async (): Promise<string> => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cep-bench-province-'));
  chmodSync(dir, 0o755);
  const cluster = await startEmbeddedCluster({ dataDir: path.join(dir, 'pg'), persistent: false });
  await createDatabaseIfMissing(cluster.ownerUrl('postgres'), 'cep');
  const db = createDb(cluster.ownerUrl('cep'), 10);
  try {
    await migrateToLatest(db);
    await provisionProfile(db, loadProfile('henan'));
    const ctx: AppContext = {
      db,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      clock: systemClock,
      notifier: createOutboxNotifier(systemClock),
      secret: 'bench',
      jobs: createJobRunner(db),
    };
    registerRequestKinds();
    const { counties, timings } = await generateProvince(db, SIZE);
    const province = await adminActor(db, await bureauOf(db, '410000'), '省人社厅');
    const queue = (keyword?: string) =>
      listQueue({ ctx, actor: province, query: { kind: 'registration.employer', status: 'todo', keyword, page: 1, pageSize: 20 } });
    const rows = [
      `| generate ${SIZE.employers.toLocaleString('en')} employers over ${counties} counties | ${timings.employers!.toFixed(1)} s | multi-row inserts of 1,000 |`,
      `| generate ${SIZE.professionals.toLocaleString('en')} active professionals (person, account, professional_profile) | ${timings.professionals!.toFixed(1)} s | one transaction per 1,000 |`,
      `| generate ${SIZE.pending.toLocaleString('en')} pending employer registrations at the province bureau (person, org, account, request, step) | ${timings.pending!.toFixed(1)} s | one transaction per 1,000 |`,
      `| analyze | ${timings.analyze!.toFixed(1)} s | |`,
      `| province 审核用人单位 queue, first page with total | ${(await medianOf(7, () => queue())).toFixed(1)} ms | median of 7 |`,
      `| province queue, keyword "合成单位4242" (pg_trgm) | ${(await medianOf(7, () => queue('合成单位4242'))).toFixed(1)} ms | median of 7 |`,
      `| 所在单位 search "人民医院" among ${SIZE.employers.toLocaleString('en')} active + ${SIZE.pending.toLocaleString('en')} pending orgs (20 shown) | ${(await medianOf(7, () => searchEmployers(ctx, '人民医院'))).toFixed(1)} ms | median of 7 |`,
      `| 所在单位 search "人民医院12" | ${(await medianOf(7, () => searchEmployers(ctx, '人民医院12'))).toFixed(1)} ms | median of 7 |`,
    ];
    return ['## Synthetic province (bench/generate-province.ts)', '', '| what | time | notes |', '| --- | --- | --- |', ...rows].join('\n');
  } finally {
    await db.destroy();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};
