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
    // The queue marks the row itself.
    const queue = (await get(chain.employer.cookie, '/api/reviews?status=todo')).items as { id: string; overdue: boolean }[];
    expect(queue.filter((i) => i.id === old.id || i.id === fresh.id).map((i) => [i.id, i.overdue])).toEqual(
      expect.arrayContaining([
        [old.id, true],
        [fresh.id, false],
      ]),
    );
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

describe('an org that cannot review now is passed over for the one above it (issue 12, item 8)', () => {
  it('routes around an employer whose admins were all removed, and tells the applicant', async () => {
    const other = await createChain(t, '410105');
    await t.db.updateTable('account').set({ status: 'disabled' }).where('orgId', '=', other.employer.org.id).where('kind', '=', 'admin').execute();
    const row = await submitTest(t, other, { title: '无人审核的单位' });
    const steps = await t.db.selectFrom('requestStep').select('reviewerOrgId').where('requestId', '=', row.id).orderBy('stepNo').execute();
    expect(steps.map((s) => s.reviewerOrgId)).toEqual([other.authority.org.id, other.bureau.org.id]);
    const told = await t.db
      .selectFrom('outbox')
      .select('body')
      .where('personId', '=', other.applicant.person.id)
      .where('subject', '=', '审核单位已调整')
      .execute();
    expect(told).toEqual([
      { body: `您提交的“无人审核的单位”：“${other.employer.org.name}”暂无可用的管理员，改由“${other.authority.org.name}”审核。` },
    ]);
    // Once it has an admin again, its requests come back to it.
    await t.db.updateTable('account').set({ status: 'active' }).where('orgId', '=', other.employer.org.id).where('kind', '=', 'admin').execute();
    const back = await submitTest(t, other, { title: '恢复后的申请' });
    expect(
      (await t.db.selectFrom('request').select('currentReviewerOrgId').where('id', '=', back.id).executeTakeFirstOrThrow()).currentReviewerOrgId,
    ).toBe(other.employer.org.id);
  });
});
