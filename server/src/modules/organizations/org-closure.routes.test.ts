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
      '本单位还有1名在册人员、1个下级单位，请先在册人员办理调转或注销、下级单位更换上级部门或注销后再申请注销',
    ]);
    const clerk = await createAdmin(t, admin.org, { permissions: ['org.profile'] });
    expect((await close(clerk)).statusCode).toBe(403);

    const empty = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id }));
    const id = (await close(empty)).json().id as string;
    expect((await reject(t, chain.bureau, { id, version: 1 })).statusCode).toBe(200);
    expect(await statusOf(empty.org.id)).toBe('active');
    expect(account.status).toBe('active');
  });

  it('takes nobody in while it waits (a merge into it is refused), and is not approved if people came in meanwhile', async () => {
    const closing = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id, name: '将注销的院区' }));
    const id = (await close(closing)).json().id as string;
    const other = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id }));
    const merge = await t.app.inject({
      method: 'POST',
      url: '/api/org/merge',
      headers: { cookie: other.cookie },
      payload: { survivorId: closing.org.id, explanation: '合并' },
    });
    expect([merge.statusCode, merge.json().message]).toEqual([400, '将注销的院区正在办理单位注销，不能选择']);

    // A person arrived by another road (a transfer decided before the closure was filed, say): the approval refuses.
    await createProfessional(t, { orgId: closing.org.id });
    const approval = await approve(t, chain.bureau, { id, version: 1 });
    expect([approval.statusCode, approval.json().message]).toEqual([409, '该单位现在还有1名在册人员，本次注销不能生效，请驳回']);
    expect(await statusOf(closing.org.id)).toBe('active');
    expect((await requestRow(t, id)).status).toBe('pending');
  });
});
