/**
 * One platform process as a deployment runs it (config from the environment, no web app), started as a child
 * process by the multi-process test and the HTTP benchmark (server-processes.ts); it listens on a free port and
 * prints READY and the port.
 */
import { loadConfig } from '../config';
import { buildApp, prepareServer, startJobs } from '../app';
import { createDb } from '../platform/db/database';

const config = loadConfig();
const db = createDb(config.databaseUrl!);
const ctx = await prepareServer(config, db);
const app = await buildApp({ ctx, webDist: null });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
// JOBS=on: this process also runs background jobs (the import kill test).
if (process.env.JOBS === 'on') await startJobs(ctx);
process.on('SIGTERM', () => void ctx.jobs.stop().then(() => app.close().then(() => db.destroy().then(() => process.exit(0)))));
console.log(`READY ${new URL(address).port}`);
