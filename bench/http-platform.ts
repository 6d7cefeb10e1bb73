/**
 * The platform as `npm start` runs it (its config from the environment: DATABASE_URL, PORT, ...), on a database
 * the HTTP benchmark has prepared. Started by http.bench.ts as a child process; prints READY and its port.
 */
import { loadConfig } from '../server/src/config';
import { buildApp, prepareServer } from '../server/src/app';
import { createDb } from '../server/src/platform/db/database';

const config = loadConfig();
const db = createDb(config.databaseUrl!);
const ctx = await prepareServer(config, db);
const app = await buildApp({ ctx, webDist: null });
const address = await app.listen({ port: config.port, host: '127.0.0.1' });
// A clean exit on SIGTERM, so that `--cpu-prof` (HTTP_BENCH_PROFILE) writes its profile.
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
console.log(`READY ${new URL(address).port}`);
