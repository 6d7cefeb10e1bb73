/**
 * The reference of the HTTP benchmark: a bare Fastify + `pg` server answering one indexed SELECT, on the same
 * PostgreSQL as the platform. Started by http.bench.ts as a child process (DATABASE_URL, PORT); prints READY and its port.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/ref/:id', async (req) => {
  const { rows } = await pool.query('select id, name from person where id = $1', [req.params.id]);
  return rows[0] ?? null;
});

const address = await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
console.log(`READY ${new URL(address).port}`);
