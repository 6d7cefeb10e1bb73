/**
 * One platform process as a deployment runs it (config from the environment, no web app), started as a child
 * process by the multi-process test and the HTTP benchmark (server-processes.ts); it listens on a free port and
 * prints READY and the port.
 */
import { loadConfig } from '../config';
import { buildApp, prepareServer } from '../app';
import { createDb } from '../platform/db/database';

const config = loadConfig();
const db = createDb(config.databaseUrl!);
const ctx = await prepareServer(config, db);
const app = await buildApp({ ctx, webDist: null });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => db.destroy().then(() => process.exit(0))));
console.log(`READY ${new URL(address).port}`);
