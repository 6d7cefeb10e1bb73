import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import {
  approve,
  countersAndExactCounts,
  createAdmin,
  createChain,
  hookRows,
  registerTestKinds,
  reject,
  requestRow,
  stepStatuses,
  submitTest,
  type Admin,
  type Chain,
} from './reviews.test-support';

let t: TestContext;
let chain: Chain;
let secondEmployerAdmin: Admin;
beforeAll(async () => {
  t = await createTestContext();
  await registerTestKinds(t);
  chain = await createChain(t);
  secondEmployerAdmin = await createAdmin(t, chain.employer.org, { permissions: ['claims.review'] });
});
afterAll(async () => t.close());

describe('review engine: concurrent decisions (SECURITY W1)', () => {
  it('lets exactly one of two simultaneous decisions on one step win, 100 times, with exactly one effect', async () => {
    for (let i = 0; i < 100; i++) {
      const r = await submitTest(t, chain, { reviewers: [chain.employer], title: `并发测试${i}` });
      const second = i % 2 === 0 ? approve(t, secondEmployerAdmin, r) : reject(t, secondEmployerAdmin, r);
      const responses = await Promise.all([approve(t, chain.employer, r), second]);
      const codes = responses.map((res) => res.statusCode).sort();
      expect(codes, `repetition ${i}`).toEqual([200, 409]);
      const loser = responses.find((res) => res.statusCode === 409)!;
      expect(loser.json()).toMatchObject({ code: 'CONFLICT', message: '该申请已被他人处理，请刷新后重试' });
      const row = await requestRow(t, r.id);
      expect(row.version).toBe(2);
      const expectedHook = row.status === 'approved' ? 'effect' : 'rejected';
      expect(await hookRows(t, r.id)).toEqual([expectedHook]);
      const decisions = await t.db
        .selectFrom('auditLog')
        .select('outcome')
        .where('targetId', '=', r.id)
        .where('event', 'like', 'REVIEW_%')
        .orderBy('outcome')
        .execute();
      expect(
        decisions.map((d) => d.outcome),
        'one decision, and the lost race recorded as refused',
      ).toEqual(['failure', 'success']);
    }
  });

  it('lets exactly one of a withdrawal and an approval racing on one request win, 50 times, leaving a consistent chain', async () => {
    for (let i = 0; i < 50; i++) {
      const r = await submitTest(t, chain, { title: `撤回并发${i}` });
      const withdraw = t.app.inject({ method: 'POST', url: `/api/requests/${r.id}/withdraw`, headers: { cookie: chain.applicant.cookie } });
      const responses = await Promise.all([withdraw, approve(t, chain.employer, r)]);
      expect(responses.map((res) => res.statusCode).sort(), `repetition ${i}`).toEqual([200, 409]);
      const row = await requestRow(t, r.id);
      const steps = await stepStatuses(t, r.id);
      expect([`${row.status}:${steps}`]).toContain(
        row.status === 'withdrawn' ? 'withdrawn:skipped,skipped,skipped' : 'inReview:approved,pending,waiting',
      );
      expect(await hookRows(t, r.id)).toEqual(row.status === 'withdrawn' ? ['withdrawn'] : []);
    }
  });

  it('keeps the other items of a batch when one item conflicts', async () => {
    const requests = [];
    for (let i = 0; i < 5; i++) requests.push(await submitTest(t, chain, { title: `批量${i}` }));
    await approve(t, secondEmployerAdmin, requests[2]!);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/reviews/batch',
      headers: { cookie: chain.employer.cookie },
      payload: { decision: 'approve', items: requests.map((r) => ({ id: r.id, version: r.version })) },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect([body.succeeded, body.failed]).toEqual([4, 1]);
    expect(body.note).toContain('不影响其他申请');
    expect(body.results.map((x: { ok: boolean }) => x.ok)).toEqual([true, true, false, true, true]);
    expect(body.results[2]).toMatchObject({ id: requests[2]!.id, code: 'CONFLICT' });
    for (const r of requests) expect((await requestRow(t, r.id)).status).toBe('inReview');
    const audited = await t.db
      .selectFrom('auditLog')
      .select(['targetId', 'outcome'])
      .where('event', '=', 'REVIEW_APPROVE')
      .where(
        'targetId',
        'in',
        requests.map((r) => r.id),
      )
      .execute();
    expect(audited.filter((a) => a.outcome === 'success')).toHaveLength(5);
    expect(audited.filter((a) => a.outcome === 'failure').map((a) => a.targetId)).toEqual([requests[2]!.id]);
  });

  it('rejects a whole batch with one reason, each item audited with it', async () => {
    const requests = [];
    for (let i = 0; i < 3; i++) requests.push(await submitTest(t, chain, { title: `批量驳回${i}` }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/reviews/batch',
      headers: { cookie: chain.employer.cookie },
      payload: { decision: 'reject', reason: '请补充证明材料', items: requests.map((r) => ({ id: r.id, version: 1 })) },
    });
    expect(res.json().succeeded).toBe(3);
    const audited = await t.db
      .selectFrom('auditLog')
      .select('reason')
      .where('event', '=', 'REVIEW_REJECT')
      .where(
        'targetId',
        'in',
        requests.map((r) => r.id),
      )
      .execute();
    expect(audited.map((a) => a.reason)).toEqual(['请补充证明材料', '请补充证明材料', '请补充证明材料']);
  });

  it('keeps every to-do counter equal to an exact count after all the races above (review_queue_count)', async () => {
    const { counters, exact } = await countersAndExactCounts(t);
    expect(exact.length).toBeGreaterThan(0);
    expect(counters).toEqual(exact);
  });
});
