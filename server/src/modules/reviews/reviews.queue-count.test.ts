import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_COUNT_CAP } from '@cep/contracts';
import { createTestContext, type TestContext } from '../../test/test-context';
import { approve, countersAndExactCounts, createChain, registerTestKinds, reject, submitTest, THREE_STEP, type Chain } from './reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext();
  await registerTestKinds(t);
  chain = await createChain(t, '410105');
});
afterAll(async () => t.close());

const queue = async (cookie: string, query: Record<string, string> = {}) => {
  const res = await t.app.inject({ url: '/api/reviews', query, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json() as { total: number; totalCapped: boolean; items: unknown[] };
};

describe('queue counts at scale (issue 9)', () => {
  it('counts the to-do tab from counters that follow every submission, decision and withdrawal', async () => {
    const a = await submitTest(t, chain, { title: '计数一' });
    const b = await submitTest(t, chain, { title: '计数二', creditYear: 2025 });
    const c = await submitTest(t, chain, { title: '计数三' });
    expect(await queue(chain.employer.cookie)).toMatchObject({ total: 3, totalCapped: false });
    expect((await queue(chain.employer.cookie, { year: '2025' })).total).toBe(1);
    expect((await approve(t, chain.employer, a)).statusCode).toBe(200);
    expect((await reject(t, chain.employer, b)).statusCode).toBe(200);
    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/requests/${c.id}/withdraw`, headers: { cookie: chain.applicant.cookie } });
    expect(withdrawn.statusCode).toBe(200);
    expect((await queue(chain.employer.cookie)).total).toBe(0);
    expect((await queue(chain.authority.cookie)).total).toBe(1);
    const { counters, exact } = await countersAndExactCounts(t);
    expect(counters).toEqual(exact);
  });

  it('leaves the counters as they were when the transaction that moved a request rolls back', async () => {
    const r = await submitTest(t, chain, { title: '回滚' });
    const before = (await queue(chain.employer.cookie)).total;
    await expect(
      t.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('request')
          .set({ status: 'withdrawn', currentReviewerOrgId: null, currentPermission: null })
          .where('id', '=', r.id)
          .execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await queue(chain.employer.cookie)).total).toBe(before);
  });

  it('counts a filtered view up to the cap and says so, and exactly below it', async () => {
    // A province-size done list, written straight into the tables: 10,001 requests the bureau decided.
    await sql`
      with made as (
        insert into request (kind, status, applicant_person_id, subject_org_id, scope_path, credit_year, title, search_text,
          payload, current_step, step_count, created_at, updated_at, decided_at)
        select ${THREE_STEP}, 'approved', ${chain.applicant.person.id}, ${chain.employer.org.id}, '', 2026, '历史' || i,
          case when i <= 7 then '历史稀有' || i else '历史' || i end, '{}', 1, 1, now(), now(), now()
        from generate_series(1, ${QUEUE_COUNT_CAP + 1}) as i
        returning id
      )
      insert into request_step (request_id, step_no, reviewer_org_id, permission, status, decided_at, request_created_at)
      select id, 1, ${chain.bureau.org.id}, 'claims.review', 'approved', now(), now() from made`.execute(t.db);
    expect(await queue(chain.bureau.cookie, { status: 'done' })).toMatchObject({ total: QUEUE_COUNT_CAP, totalCapped: true });
    expect(await queue(chain.bureau.cookie, { status: 'done', keyword: '稀有' })).toMatchObject({ total: 7, totalCapped: false });
    const last = await queue(chain.bureau.cookie, { status: 'done', page: String(QUEUE_COUNT_CAP / 20), pageSize: '20' });
    expect(last.items).toHaveLength(20);
  });

  it('gives the to-do tab its exact size from the counters, above the cap too', async () => {
    // 10,001 requests waiting at the authority, written straight into the table: the counters follow at commit.
    await sql`
      with made as (
        insert into request (kind, status, applicant_person_id, subject_org_id, scope_path, credit_year, title, search_text,
          payload, current_step, step_count, current_reviewer_org_id, current_permission, created_at, updated_at)
        select ${THREE_STEP}, 'pending', ${chain.applicant.person.id}, ${chain.employer.org.id}, '', 2026, '待办' || i, '待办' || i,
          '{}', 1, 1, ${chain.authority.org.id}, 'claims.review', now(), now()
        from generate_series(1, ${QUEUE_COUNT_CAP + 1}) as i
        returning id, created_at
      )
      insert into request_step (request_id, step_no, reviewer_org_id, permission, status, request_created_at)
      select id, 1, ${chain.authority.org.id}, 'claims.review', 'pending', created_at from made`.execute(t.db);
    const before = await queue(chain.authority.cookie);
    expect(before).toMatchObject({ totalCapped: false });
    expect(before.total).toBeGreaterThan(QUEUE_COUNT_CAP);
    const { counters, exact } = await countersAndExactCounts(t);
    expect(counters).toEqual(exact);
    // A keyword makes it a filtered view, counted up to the cap.
    expect(await queue(chain.authority.cookie, { keyword: '待办' })).toMatchObject({ total: QUEUE_COUNT_CAP, totalCapped: true });
  });
});
