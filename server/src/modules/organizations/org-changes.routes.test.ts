import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg } from '../../test/factories';
import { multipartFile, samplePng } from '../../test/uploads';
import { approve, createAdmin, createChain, requestRow, type Admin, type Chain } from '../reviews/reviews.test-support';
import { newCreditCode } from '../registration/registration.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext();
  chain = await createChain(t, '410105');
});
afterAll(async () => t.close());

type Body = Record<string, unknown>;
const licence = async (cookie: string) => {
  const { payload, contentType } = multipartFile('营业执照.png', samplePng);
  const res = await t.app.inject({ method: 'POST', url: '/api/requests/attachments', headers: { cookie, 'content-type': contentType }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const file = async (admin: Admin, body: Body) =>
  t.app.inject({
    method: 'POST',
    url: '/api/org/changes',
    headers: { cookie: admin.cookie },
    payload: { attachmentIds: [await licence(admin.cookie)], ...body },
  });
const changes = async (admin: Admin) => {
  const res = await t.app.inject({ url: '/api/org/changes', headers: { cookie: admin.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; status: string; canWithdraw: boolean }[];
};
const orgRow = (id: string) => t.db.selectFrom('org').select(['name', 'creditCode']).where('id', '=', id).executeTakeFirstOrThrow();

/** An employer under the chain's authority with its super admin: each test changes its own. */
const newEmployer = async (superiorId = chain.authority.org.id) => {
  const org = await createOrg(t, { kind: 'employer', superiorId, name: `改名前单位${Math.random().toString(36).slice(2, 7)}` });
  await t.db.updateTable('org').set({ creditCode: newCreditCode() }).where('id', '=', org.id).execute();
  return createAdmin(t, org);
};

describe('修改单位信息: the superior reviews a new name or credit code with the licence (issue 12, item 3)', () => {
  it('changes the name once the superior approves, seeing old and new; one at a time; 变更记录 lists it', async () => {
    const admin = await newEmployer();
    const before = await orgRow(admin.org.id);
    const res = await file(admin, { name: '郑州市改名后医院' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const again = await file(admin, { name: '又一个名字' });
    expect([again.statusCode, again.json().message]).toEqual([409, '已有修改单位信息在审核流程中，可在“变更记录”中查看或撤销']);
    expect((await changes(admin)).find((c) => c.id === id)).toMatchObject({ status: 'pending', canWithdraw: true });
    const detail = (await t.app.inject({ url: `/api/reviews/${id}`, headers: { cookie: chain.authority.cookie } })).json();
    expect(detail.fields).toContainEqual({ label: '单位名称', value: '郑州市改名后医院', previous: before.name });
    expect(detail.attachments).toHaveLength(1);
    expect((await orgRow(admin.org.id)).name).toBe(before.name);
    expect((await approve(t, chain.authority, { id, version: 1 })).statusCode).toBe(200);
    expect(await orgRow(admin.org.id)).toEqual({ name: '郑州市改名后医院', creditCode: before.creditCode });
    expect((await changes(admin)).find((c) => c.id === id)).toMatchObject({ status: 'approved', canWithdraw: false });
  });

  it('refuses a code another org holds, a bad code, no licence, no change, a non-super admin and a bureau', async () => {
    const admin = await newEmployer();
    const other = await orgRow(chain.employer.org.id);
    await t.db.updateTable('org').set({ creditCode: newCreditCode() }).where('id', '=', chain.employer.org.id).execute();
    const taken = (await orgRow(chain.employer.org.id)).creditCode!;
    const cases: [Body, number, string][] = [
      [{ creditCode: taken }, 409, '该统一社会信用代码已被其他单位使用，请核对后再提交'],
      [{ creditCode: '91410100MA00000000' }, 400, expect.stringContaining('统一社会信用代码') as unknown as string],
      [{ name: (await orgRow(admin.org.id)).name }, 400, '单位名称和统一社会信用代码都没有变化，无需提交'],
      [{ name: '名\u0000' }, 400, '提交的内容包含无法识别的字符（如空字符），请删除后重新输入'],
    ];
    for (const [body, status, message] of cases) {
      const res = await file(admin, body);
      expect([res.statusCode, res.json().message], JSON.stringify(body)).toEqual([status, message]);
    }
    const bare = await t.app.inject({
      method: 'POST',
      url: '/api/org/changes',
      headers: { cookie: admin.cookie },
      payload: { name: '新名', attachmentIds: [] },
    });
    expect([bare.statusCode, bare.json().message]).toEqual([400, '请上传统一社会信用代码证书或营业执照扫描件']);
    const clerk = await createAdmin(t, admin.org, { permissions: ['org.profile'] });
    const byClerk = await file(clerk, { name: '新名' });
    expect([byClerk.statusCode, byClerk.json().message]).toEqual([403, '请使用本单位超级管理员账号修改单位信息']);
    expect((await file(chain.bureau, { name: '新人社局' })).statusCode).toBe(403);
    expect(
      await t.db.selectFrom('request').select('id').where('kind', '=', 'organizations.orgChange').where('subjectOrgId', '=', admin.org.id).execute(),
    ).toEqual([]);
    expect(other.name).toBe((await orgRow(chain.employer.org.id)).name);
  });

  it('is taken back (撤销) by another admin of the org who manages its profile; a 二级单位’s change goes to its parent', async () => {
    const admin = await newEmployer();
    const id = (await file(admin, { name: '撤销的名字' })).json().id as string;
    const clerk = await createAdmin(t, admin.org, { permissions: ['org.profile'] });
    expect((await changes(clerk)).find((c) => c.id === id)).toMatchObject({ canWithdraw: true });
    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/requests/${id}/withdraw`, headers: { cookie: clerk.cookie } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await requestRow(t, id)).status).toBe('withdrawn');

    const branch = await newEmployer(admin.org.id);
    const branchChange = (await file(branch, { name: '二级单位新名' })).json().id as string;
    expect((await requestRow(t, branchChange)).currentReviewerOrgId).toBe(admin.org.id);
    expect((await approve(t, admin, { id: branchChange, version: 1 })).statusCode).toBe(200);
    expect((await orgRow(branch.org.id)).name).toBe('二级单位新名');
  });
});
