import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import {
  approve,
  countersAndExactCounts,
  createAdmin,
  createChain,
  EFFECT_BROKEN,
  EFFECT_REFUSED,
  hookRows,
  registerTestKinds,
  requestRow,
  stepStatuses,
  submitTest,
  type Admin,
  type Chain,
} from './reviews.test-support';

let t: TestContext;
let chain: Chain;
let other: Chain;
let secondAdmin: Admin;
beforeAll(async () => {
  t = await createTestContext();
  await registerTestKinds(t);
  chain = await createChain(t, '410105');
  other = await createChain(t, '410108');
  secondAdmin = await createAdmin(t, chain.employer.org, { permissions: ['claims.review'] });
});
afterAll(async () => t.close());

type Item = { id: string; version: number };
type Result = { id: string; ok: boolean; code?: string; message?: string };

const batch = async (admin: Admin, items: Item[], decision: 'approve' | 'reject' = 'approve') => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/reviews/batch',
    headers: { cookie: admin.cookie },
    payload: { decision, items, ...(decision === 'reject' ? { reason: '材料不全' } : {}) },
  });
  expect(res.statusCode).toBe(200);
  return res.json() as { succeeded: number; failed: number; results: Result[] };
};

const oneStep = (c: Chain, title: string) => submitTest(t, c, { reviewers: [c.employer], title });

const auditOutcomes = async (id: string) =>
  (
    await t.db.selectFrom('auditLog').select('outcome').where('targetId', '=', id).where('event', 'like', 'REVIEW_%').orderBy('outcome').execute()
  ).map((a) => a.outcome);

const notices = async (c: Chain, title: string) =>
  Number(
    (
      await t.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('personId', '=', c.applicant.person.id)
        .where('subject', 'like', `%${title}`)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('batch decisions over many transactions (issue 9)', () => {
  it('decides 120 items in several transactions; a refused, a broken, an invisible and a repeated item fail alone and change nothing', async () => {
    const requests = [];
    for (let i = 0; i < 120; i++) {
      const title = i === 60 ? `批量${i}${EFFECT_REFUSED}` : i === 100 ? `批量${i}${EFFECT_BROKEN}` : `批量${i}`;
      requests.push(await oneStep(chain, title));
    }
    const foreign = await oneStep(other, '别处的申请');
    const items: Item[] = [...requests.map((r) => ({ id: r.id, version: r.version })), foreign, { id: requests[5]!.id, version: 1 }];
    const body = await batch(chain.employer, items);
    expect([body.succeeded, body.failed]).toEqual([118, 4]);
    expect(body.results.map((r) => r.id)).toEqual(items.map((i) => i.id));
    expect(body.results[60]).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '测试：该申请生效时被拒绝' });
    expect(body.results[100]).toMatchObject({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
    expect(body.results[120]).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(body.results[121]).toMatchObject({ ok: false, code: 'CONFLICT' });
    for (const [i, r] of requests.entries()) {
      const failed = i === 60 || i === 100;
      expect((await requestRow(t, r.id)).status, `item ${i}`).toBe(failed ? 'pending' : 'approved');
      expect(await hookRows(t, r.id), `item ${i}: exactly one effect, none from a failed one`).toEqual(failed ? [] : ['effect']);
      expect(await stepStatuses(t, r.id)).toBe(failed ? 'pending' : 'approved');
    }
    expect(await auditOutcomes(requests[60]!.id)).toEqual(['failure']);
    expect(await auditOutcomes(requests[5]!.id), 'the decision and the repeat refused').toEqual(['failure', 'success']);
    expect(await auditOutcomes(requests[7]!.id)).toEqual(['success']);
    expect(await auditOutcomes(foreign.id)).toEqual(['failure']);
    expect(await notices(chain, '批量7')).toBe(1);
    expect(await notices(chain, `批量60${EFFECT_REFUSED}`)).toBe(0);
    expect((await requestRow(t, foreign.id)).status).toBe('pending');
  });

  it('gives a single decision whose effect is refused the reason, and one whose effect breaks a 500, both changing nothing', async () => {
    const refused = await oneStep(chain, `单独${EFFECT_REFUSED}`);
    const res = await approve(t, chain.employer, refused);
    expect(res.json()).toMatchObject({ code: 'INVALID_STATE', message: '测试：该申请生效时被拒绝' });
    const broken = await oneStep(chain, `单独${EFFECT_BROKEN}`);
    expect((await approve(t, chain.employer, broken)).statusCode).toBe(500);
    for (const r of [refused, broken]) {
      expect((await requestRow(t, r.id)).version).toBe(1);
      expect(await hookRows(t, r.id)).toEqual([]);
    }
    expect(await auditOutcomes(refused.id)).toEqual(['failure']);
  });

  it('decides each request once when a batch and single decisions race over the same requests, 10 times', async () => {
    for (let round = 0; round < 10; round++) {
      const requests = [];
      for (let i = 0; i < 6; i++) requests.push(await oneStep(chain, `竞争${round}-${i}`));
      const [body, ...singles] = await Promise.all([
        batch(
          chain.employer,
          requests.map((r) => ({ id: r.id, version: 1 })),
        ),
        ...requests.filter((_, i) => i % 2 === 0).map((r) => approve(t, secondAdmin, r)),
      ]);
      const singleWins = singles.filter((s) => s.statusCode === 200).length;
      expect(
        singles.every((s) => s.statusCode === 200 || s.statusCode === 409),
        `round ${round}`,
      ).toBe(true);
      expect(body.succeeded + singleWins, `round ${round}: every request decided exactly once`).toBe(6);
      for (const r of requests) {
        expect((await requestRow(t, r.id)).status).toBe('approved');
        expect(await hookRows(t, r.id)).toEqual(['effect']);
      }
    }
    const { counters, exact } = await countersAndExactCounts(t);
    expect(counters).toEqual(exact);
  });
});
