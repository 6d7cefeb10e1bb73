import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { approve, createChain, registerTestKinds, submitTest, type Chain } from './reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext();
  await registerTestKinds(t);
  chain = await createChain(t, '410108');
});
afterAll(async () => t.close());

const DAY = 86_400_000;
const get = async (cookie: string, url: string) => {
  const res = await t.app.inject({ url, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const claimsWaiting = async (cookie: string) =>
  ((await get(cookie, '/api/reviews/waiting')) as { menuKey: string; count: number; overdue: number }[]).find((w) => w.menuKey === 'claims.review');

describe('超期 flags (issue 12, item 8): a request waiting at one step past the profile’s days', () => {
  it('is flagged to its reviewer, to the reviewer’s superior, and to the applicant with the reviewer’s phone; the clock restarts at the next step', async () => {
    await t.db.updateTable('org').set({ phone: '0371-66660000' }).where('id', '=', chain.employer.org.id).execute();
    const fresh = await submitTest(t, chain, { title: '刚提交的申请' });
    t.clock.advance(-8 * DAY);
    const old = await submitTest(t, chain, { title: '等了八天的申请' });
    t.clock.advance(8 * DAY);

    expect(await claimsWaiting(chain.employer.cookie)).toMatchObject({ count: 2, overdue: 1 });
    // The superiors see which subordinate lets things wait.
    for (const superior of [chain.authority, chain.bureau]) {
      const view = await get(superior.cookie, '/api/reviews/overdue-subordinates');
      expect(view.overdueDays).toBe(7);
      expect(view.items).toContainEqual({ orgId: chain.employer.org.id, orgName: chain.employer.org.name, count: 1 });
    }
    expect((await get(chain.employer.cookie, '/api/reviews/overdue-subordinates')).items).toEqual([]);

    const mine = (await get(chain.applicant.cookie, '/api/requests/mine')).items as { id: string; waitingAt: unknown }[];
    expect(mine.find((r) => r.id === old.id)?.waitingAt).toEqual({
      orgName: chain.employer.org.name,
      phone: '0371-66660000',
      days: 8,
      overdue: true,
    });
    expect(mine.find((r) => r.id === fresh.id)?.waitingAt).toMatchObject({ days: 0, overdue: false });

    // Approved to the authority: a new step, a new wait.
    expect((await approve(t, chain.employer, { id: old.id, version: 1 })).statusCode).toBe(200);
    expect(await claimsWaiting(chain.employer.cookie)).toMatchObject({ count: 1, overdue: 0 });
    expect(await claimsWaiting(chain.authority.cookie)).toMatchObject({ count: 1, overdue: 0 });
    expect((await get(chain.bureau.cookie, '/api/reviews/overdue-subordinates')).items).toEqual([]);
  });
});
