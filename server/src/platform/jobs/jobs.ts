import PgBoss from 'pg-boss';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Db, DbOrTx } from '../db/database';
import type { AppContext } from '../context';

/**
 * Background work (批量导入 and the like) on pg-boss in the platform's own PostgreSQL: one queue, each job naming
 * the kind of work, dispatched to the handler a module registered for it. The schema and the queue are made by the
 * schema's owner at every start (`installJobSchema`); the platform's role only reads and writes their rows.
 */
export const JOB_QUEUE = 'cep-jobs';
const SCHEMA = 'pgboss';

type Job = { kind: string; data: unknown };
/** A handler stops between its units of work when `signal` aborts (a shutdown) and is run again after a restart. */
export type JobHandler = (data: unknown, signal: AbortSignal) => Promise<void>;

/** pg-boss speaks to the database through the platform's pool (or a transaction), with no name conversion. */
const adapterOf = (db: DbOrTx) => ({
  executeSql: (text: string, values: unknown[] = []) => db.withoutPlugins().executeQuery(CompiledQuery.raw(text, values)),
});

/** Creates or upgrades pg-boss's schema and the queue, as the owner (`grantJobSchema` then grants the platform's role). */
export const installJobSchema = async (ownerUrl: string) => {
  const boss = new PgBoss({ connectionString: ownerUrl, max: 1, schema: SCHEMA, migrate: true, supervise: false, schedule: false });
  boss.on('error', (error) => console.error('任务队列安装失败:', error.message));
  await boss.start();
  try {
    // A job runs for as long as it needs: handlers keep their own progress and exclusivity (see people imports).
    await boss.createQueue(JOB_QUEUE, { name: JOB_QUEUE, policy: 'standard', retryLimit: 5, retryDelay: 10, expireInSeconds: 23 * 3600 });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
};

/** The platform's role reads and writes pg-boss's rows (its schema stays the owner's). */
export const grantJobSchema = async <DB>(owner: Kysely<DB>, appRole: string) => {
  const role = sql.id(appRole);
  await sql`grant usage on schema ${sql.id(SCHEMA)} to ${role}`.execute(owner);
  await sql`grant select, insert, update, delete on all tables in schema ${sql.id(SCHEMA)} to ${role}`.execute(owner);
};

/** A kind of background work a module defines: how to run one job, and what to send again after a restart. */
export type JobKind = {
  kind: string;
  run: (ctx: AppContext, data: unknown, signal: AbortSignal) => Promise<void>;
  resume?: (ctx: AppContext) => Promise<void>;
};

export type JobRunner = {
  /** Queues work; inside `db` (a transaction) it is queued only if that transaction commits. */
  send: (kind: string, data: unknown, db?: DbOrTx) => Promise<void>;
  register: (kind: string, handler: JobHandler) => void;
  start: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The process's worker: `pollingSeconds` apart it takes one job at a time (the machines have two cores; an
 * import keeps one busy), and a job sent from this process wakes it at once.
 */
export const createJobRunner = (db: Db, options: { pollingSeconds?: number; supervise?: boolean } = {}): JobRunner => {
  const boss = new PgBoss({ db: adapterOf(db), schema: SCHEMA, migrate: false, supervise: options.supervise ?? true, schedule: false });
  boss.on('error', (error) => console.error('后台任务出错:', error.message));
  const handlers = new Map<string, JobHandler>();
  const stopping = new AbortController();
  let workerId: string | null = null;
  return {
    register: (kind, handler) => {
      handlers.set(kind, handler);
    },
    send: async (kind, data, via = db) => {
      await boss.send(JOB_QUEUE, { kind, data } satisfies Job, { db: adapterOf(via) });
      if (workerId) boss.notifyWorker(workerId);
    },
    start: async () => {
      await boss.start();
      workerId = await boss.work<Job>(JOB_QUEUE, { pollingIntervalSeconds: options.pollingSeconds ?? 2, batchSize: 1 }, async ([job]) => {
        if (!job) return;
        const handler = handlers.get(job.data.kind);
        if (!handler) throw new Error(`没有处理“${job.data.kind}”的后台任务`);
        await handler(job.data.data, stopping.signal);
      });
    },
    stop: async () => {
      stopping.abort();
      if (!workerId) return;
      workerId = null;
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
    },
  };
};
