/**
 * The reference of the HTTP benchmark: a bare Fastify + `pg` server answering one indexed SELECT, on the same
 * PostgreSQL as the platform, and a second reference doing a queue page's own work (the platform's statement for
 * the first to-do page of one kind, written by hand) with nothing else: no session, no validation, no query builder. Started by http.bench.ts as a child process (DATABASE_URL, PORT); prints READY and its port.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/ref/:id', async (req) => {
  const { rows } = await pool.query('select id, name from person where id = $1', [req.params.id]);
  return rows[0] ?? null;
});

const QUEUE_PAGE = `
  select q.*, c.n as queue_size
  from (select coalesce(sum(open_count), 0) as n from review_queue_count where reviewer_org_id = $1 and kind = 'registration.employer') c
  left join lateral (
    select r.id, r.kind, r.status, r.title, r.credit_year, r.current_step, r.step_count, r.version, r.created_at, r.updated_at,
      r.decided_at, r.current_reviewer_org_id, r.current_permission, r.applicant_person_id, p.name as applicant_name,
      p.id_number as applicant_id_number, so.name as subject_org_name, g.name as subject_region_name, co.name as current_reviewer_org_name
    from request r
    join person p on p.id = r.applicant_person_id
    join org so on so.id = r.subject_org_id
    left join org co on co.id = r.current_reviewer_org_id
    left join region g on g.code = so.region_code
    where r.current_reviewer_org_id = $1 and r.status in ('pending', 'inReview') and r.kind = 'registration.employer'
    order by r.created_at, r.id
    limit 20
  ) q on true
  order by q.created_at, q.id`;

app.get<{ Params: { orgId: string } }>('/ref-queue/:orgId', async (req) => {
  const { rows } = await pool.query({ name: 'queue', text: QUEUE_PAGE, values: [req.params.orgId] });
  return { total: Number(rows[0]?.queue_size ?? 0), items: rows };
});

const address = await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
console.log(`READY ${new URL(address).port}`);
