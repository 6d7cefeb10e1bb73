import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg, createProfessional } from '../../test/factories';
import { approve, createAdmin, createChain, reject, requestRow, type Admin, type Chain } from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext();
  chain = await createChain(t, '410108');
});
afterAll(async () => t.close());

const close = (admin: Admin, explanation = '单位撤销') =>
  t.app.inject({ method: 'POST', url: '/api/org/closure', headers: { cookie: admin.cookie }, payload: { explanation } });
const statusOf = async (orgId: string) => (await t.db.selectFrom('org').select('status').where('id', '=', orgId).executeTakeFirstOrThrow()).status;

describe('单位注销 (审核单位注销): the bureau approves; the org’s admins keep a read-only login (issue 12, item 6)', () => {
  it('closes an empty employer; its admin still signs in and reads 基本信息, and can do nothing else', async () => {
    const admin = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id, name: '撤销的单位' }));
    const res = await close(admin);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await requestRow(t, id)).currentReviewerOrgId).toBe(chain.bureau.org.id);
    expect((await approve(t, chain.bureau, { id, version: 1 })).statusCode).toBe(200);
    expect(await statusOf(admin.org.id)).toBe('closed');

    const session = await t.app.inject({ url: '/api/auth/session', headers: { cookie: admin.cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.json().permissions).toEqual(['org.profile']);
    expect((await t.app.inject({ url: '/api/org/profile', headers: { cookie: admin.cookie } })).json().status).toBe('closed');
    expect((await t.app.inject({ url: '/api/transfers', headers: { cookie: admin.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/people', headers: { cookie: admin.cookie } })).statusCode).toBe(403);
    const rename = await t.app.inject({
      method: 'POST',
      url: '/api/org/changes',
      headers: { cookie: admin.cookie },
      payload: { name: '复活', attachmentIds: [] },
    });
    expect(rename.statusCode).toBeGreaterThanOrEqual(400);
    expect(await statusOf(admin.org.id)).toBe('closed');
  });

  it('is refused while people or sub-units remain, and for a non-super admin; a rejection leaves the org active', async () => {
    const admin = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id }));
    await createOrg(t, { kind: 'employer', superiorId: admin.org.id });
    const { account } = await createProfessional(t, { orgId: admin.org.id });
    const refused = await close(admin);
    expect([refused.statusCode, refused.json().message]).toEqual([
      409,
      '本单位还有1名在册人员、1个下级单位，请先办理人员调转或注销、下级单位更换上级部门或注销后再申请注销',
    ]);
    const clerk = await createAdmin(t, admin.org, { permissions: ['org.profile'] });
    expect((await close(clerk)).statusCode).toBe(403);

    const empty = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id }));
    const id = (await close(empty)).json().id as string;
    expect((await reject(t, chain.bureau, { id, version: 1 })).statusCode).toBe(200);
    expect(await statusOf(empty.org.id)).toBe('active');
    expect(account.status).toBe('active');
  });
});
