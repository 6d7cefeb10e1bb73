import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db/database';
import { createAssistant } from './assistant';
import { kbGeneration, listActiveKbEntries } from './kb.repository';

export type RuntimeEntry = Awaited<ReturnType<typeof listActiveKbEntries>>[number];
type Assistant = ReturnType<typeof createAssistant>;
export type Runtime = { generation: string; entries: RuntimeEntry[]; assistant: Assistant };

// One cache per database (tests run several apps in one process); each request checks the generation.
const cache = new WeakMap<Db, Runtime>();
const building = new WeakMap<Db, { generation: string; job: Promise<Runtime> }>();

const build = async (ctx: AppContext, generation: string): Promise<Runtime> => {
  const entries = await listActiveKbEntries(ctx.db, ctx.config.profile);
  const assistant = createAssistant(entries.map((e) => ({ ...e, variants: [...e.variants], roles: [...e.roles] })));
  const runtime = { generation, entries, assistant };
  cache.set(ctx.db, runtime);
  return runtime;
};

/**
 * The assistant built from the active entries in the database. Every server process rebuilds it when the
 * knowledge base's generation moves (after any edit, here or in another process); the check is one small query.
 */
export const currentRuntime = async (ctx: AppContext): Promise<Runtime> => {
  const generation = await kbGeneration(ctx.db);
  const cached = cache.get(ctx.db);
  if (cached?.generation === generation) return cached;
  // A build under way for an older generation (an edit committed meanwhile) would answer from the old entries.
  const pending = building.get(ctx.db);
  if (pending?.generation === generation) return pending.job;
  const job = build(ctx, generation).finally(() => {
    if (building.get(ctx.db)?.job === job) building.delete(ctx.db);
  });
  building.set(ctx.db, { generation, job });
  return job;
};
