import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../test/test-context';
import { PLATFORM_PROCESS, startServerProcess, type ServerProcess } from '../../test/server-processes';
import { multipartFile } from '../../test/uploads';
import { createChain, type Chain } from '../reviews/reviews.test-support';
import { importWorkbook, sampleImportRows } from './people-import.test-support';

let t: TestContext;
let chain: Chain;
let worker: ServerProcess | undefined;
beforeAll(async () => {
  t = await createTestContext(); // no worker in this process: the platform processes below run the import
  chain = await createChain(t, '410103');
});
afterAll(async () => {
  worker?.child.kill('SIGKILL');
  await t.close();
});

const ROWS = 50_000;
const progress = () => t.db.selectFrom('peopleImport').selectAll().executeTakeFirstOrThrow();
/** Polls (a condition, not a time) until `done` holds for the import's row. */
const until = async (done: (row: Awaited<ReturnType<typeof progress>>) => boolean) => {
  for (;;) {
    const row = await progress();
    if (done(row)) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
const startWorker = () =>
  startServerProcess(PLATFORM_PROCESS, { DATABASE_URL: t.appUrl, DATA_DIR: t.config.dataDir, JOBS: 'on', LOG_LEVEL: 'silent' });

/** People of the import whose account or profile is missing: none may ever exist, killed or not. */
const halfMade = async () =>
  Number(
    (
      await sql<{ n: number }>`
        select count(*) as n from person p
        where p.name like '杀测%'
          and not exists (select 1 from account a join professional_profile f on f.account_id = a.id where a.person_id = p.id)`.execute(t.db)
    ).rows[0]!.n,
  );

describe('批量导入 survives a killed server (issue 13)', () => {
  it('SIGKILL during a 50,000-row import: nobody half-made, and after a restart it resumes to the end with no duplicate', {
    timeout: 600_000,
  }, async () => {
    const rows = sampleImportRows(ROWS, '杀测', '410103');
    rows[10]!.phone = 'bad';
    rows[40_000]!.idNumber = rows[39_999]!.idNumber;
    const body = multipartFile('五万人.xlsx', await importWorkbook(rows));
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/people-imports?employerId=${chain.employer.org.id}`,
      headers: { cookie: chain.bureau.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);

    worker = await startWorker();
    const atKill = await until((r) => r.processedRows >= 5_000);
    worker.child.kill('SIGKILL');
    await new Promise((resolve) => worker!.child.once('exit', resolve));
    const afterKill = await progress();
    expect(afterKill.status).toBe('running');
    expect(afterKill.processedRows).toBeGreaterThanOrEqual(atKill.processedRows);
    expect(afterKill.processedRows).toBeLessThan(ROWS);
    expect(await halfMade()).toBe(0);
    const made = await t.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('name', 'like', '杀测%')
      .executeTakeFirstOrThrow();
    expect(Number(made.n)).toBe(afterKill.createdCount);

    worker = await startWorker();
    const done = await until((r) => r.status === 'done' || r.status === 'failed');
    expect(done).toMatchObject({ status: 'done', totalRows: ROWS, processedRows: ROWS, createdCount: ROWS - 2, failedCount: 2 });
    expect(await halfMade()).toBe(0);
    const people = await sql<{ n: number; ids: number }>`
      select count(*) as n, count(distinct id_number) as ids from person where name like '杀测%'`.execute(t.db);
    expect(people.rows[0]).toEqual({ n: ROWS - 2, ids: ROWS - 2 });
    const failures = await t.db.selectFrom('peopleImportFailure').select(['rowNo', 'reason']).orderBy('rowNo').execute();
    expect(failures).toEqual([
      { rowNo: 12, reason: '手机号应为11位数字' },
      { rowNo: 40_002, reason: '与第40001行的身份证号重复' },
    ]);
  });
});
