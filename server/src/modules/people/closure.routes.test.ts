import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg, createProfessional, loginAs, tryLogin } from '../../test/factories';
import { creditHours } from '../claims';
import { submitRequest } from '../reviews';
import { approve, createAdmin, createChain, registerTestKinds, reject, requestRow, THREE_STEP, type Chain } from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext();
  await registerTestKinds(t);
  chain = await createChain(t, '410108');
});
afterAll(async () => t.close());

type Body = Record<string, unknown>;
const post = (cookie: string, url: string, payload: Body) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const retired: Body = { reason: 'retired', explanation: '2026年2月退休' };

const someone = async () => {
  const { person, account } = await createProfessional(t, { orgId: chain.employer.org.id, name: '注销人' });
  await creditHours(
    t.db,
    [
      {
        personId: person.id,
        creditYear: 2025,
        category: 'public',
        hours: 30,
        fullYear: false,
        source: 'claim',
        requestId: null,
        formCode: null,
        title: '公需课',
      },
    ],
    t.ctx.clock.now(),
  );
  return { person, account, cookie: await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' }) };
};
const statusOf = async (accountId: string) =>
  (await t.db.selectFrom('account').select('status').where('id', '=', accountId).executeTakeFirstOrThrow()).status;

describe('人员注销 (审核注销人员): the employer, then the bureau; the account closes, the records stay (issue 12, item 6)', () => {
  it('closes the account the person asked to close; they no longer sign in; their hours stay; nothing else is filed meanwhile', async () => {
    const p = await someone();
    const res = await post(p.cookie, '/api/me/closure', retired);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await requestRow(t, id)).stepCount).toBe(2);
    const held = await submitRequest({
      ctx: t.ctx,
      kind: THREE_STEP,
      applicant: { personId: p.person.id, accountId: p.account.id },
      payload: { reviewerOrgIds: [chain.employer.org.id], subjectOrgId: chain.employer.org.id, creditYear: 2026, title: '注销中提交' },
    }).catch((e: Error) => e.message);
    expect(held).toBe('注销人：有账号注销申请正在审核中，不能再提交其他申请');
    // Shown where it was filed (with 撤回) and to the employer, who is not offered 申请注销 again.
    const mine = await t.app.inject({ url: '/api/me/profile', headers: { cookie: p.cookie } });
    expect(mine.json().openClosure).toMatchObject({ id, canWithdraw: true });
    const listed = await t.app.inject({ url: `/api/people?keyword=${p.person.idNumber}`, headers: { cookie: chain.employer.cookie } });
    expect(listed.json().items[0]).toMatchObject({ personId: p.person.id, closurePending: true });
    expect((await approve(t, chain.employer, { id, version: 1 })).statusCode).toBe(200);
    expect(await statusOf(p.account.id)).toBe('active');
    expect((await approve(t, chain.bureau, { id, version: 2 })).statusCode).toBe(200);
    expect(await statusOf(p.account.id)).toBe('disabled');
    expect((await t.app.inject({ url: '/api/me/profile', headers: { cookie: p.cookie } })).statusCode).toBe(401);
    const login = await tryLogin(t, { idNumber: p.person.idNumber, password: p.person.password, role: 'professional' });
    expect([login.statusCode, login.json().message]).toEqual([
      403,
      '您的账号已注销（账号注销申请已审核通过），学时记录仍然保留；如有疑问请联系原所在单位或当地人社部门',
    ]);
    expect(await t.db.selectFrom('personYear').select('publicHours').where('personId', '=', p.person.id).execute()).toEqual([
      { publicHours: '30.0' },
    ]);
  });

  it('is filed by the person’s own employer only; refused with requests open; a bureau’s rejection keeps the account', async () => {
    const p = await someone();
    const other = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id }));
    expect((await post(other.cookie, `/api/people/${p.person.id}/closure`, retired)).statusCode).toBe(404);
    expect((await post(chain.authority.cookie, `/api/people/${p.person.id}/closure`, retired)).statusCode).toBe(404);
    for (const [body, message] of [
      [{ ...retired, reason: 'moved' }, '请选择注销原因'],
      [{ ...retired, explanation: '\u200b' }, '情况说明不能只包含不可见字符'],
    ] as const) {
      const res = await post(chain.employer.cookie, `/api/people/${p.person.id}/closure`, body);
      expect([res.statusCode, res.json().message], JSON.stringify(body)).toEqual([400, message]);
    }
    const open = await submitRequest({
      ctx: t.ctx,
      kind: THREE_STEP,
      applicant: { personId: p.person.id, accountId: p.account.id },
      payload: { reviewerOrgIds: [chain.employer.org.id], subjectOrgId: chain.employer.org.id, creditYear: 2026, title: '未审的申报' },
    });
    const refused = await post(chain.employer.cookie, `/api/people/${p.person.id}/closure`, retired);
    expect([refused.statusCode, refused.json().details.pending.map((i: { id: string }) => i.id)]).toEqual([409, [open.id]]);
    await t.db
      .updateTable('request')
      .set({ status: 'withdrawn', currentReviewerOrgId: null, currentPermission: null })
      .where('id', '=', open.id)
      .execute();

    const filed = await post(chain.employer.cookie, `/api/people/${p.person.id}/closure`, { reason: 'deceased', explanation: '家属告知' });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().message).toBe('已提交注销申请，需人社部门审核通过后生效；学时记录将继续留存');
    const id = filed.json().id as string;
    // The employer filed it: the bureau decides.
    expect((await requestRow(t, id)).currentReviewerOrgId).toBe(chain.bureau.org.id);
    expect((await reject(t, chain.bureau, { id, version: 1 })).statusCode).toBe(200);
    expect(await statusOf(p.account.id)).toBe('active');
  });
});
