import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg, findBureau } from '../../test/factories';
import { as, auditEvents, signInAdmin, type TestAdmin } from '../admins/admins.test-support';

let t: TestContext;
let admin: TestAdmin;
let api: ReturnType<typeof as>;
beforeAll(async () => {
  t = await createTestContext();
  admin = await signInAdmin(t, await createOrg(t, { kind: 'employer' }));
  api = as(t, admin.cookie);
});
afterAll(async () => t.close());

const add = async (name: string, parentId?: string) => {
  const res = await api('POST', '/api/org/divisions', { name, parentId });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
};
const statusOf = async (id: string) => (await t.db.selectFrom('division').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('管理内设部门', () => {
  it('adds nested divisions and lists them as a tree', async () => {
    const office = await add('办公室');
    const hr = await add('人事科', office.id);
    await add('档案组', hr.id);
    await add('财务科');
    const tree = (await api('GET', '/api/org/divisions')).json().items;
    expect(tree.map((n: { name: string }) => n.name)).toEqual(['办公室', '财务科']);
    expect(tree[0].children[0]).toMatchObject({ name: '人事科', parentId: office.id, children: [{ name: '档案组', children: [] }] });
    expect((await auditEvents(t, 'DIVISION_CREATE')).length).toBe(4);
  });

  it('refuses a duplicate name among siblings (409) but allows it under another parent', async () => {
    const a = await add('甲部门');
    const b = await add('乙部门');
    await add('综合组', a.id);
    const dup = await api('POST', '/api/org/divisions', { name: '综合组', parentId: a.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain('同名部门');
    await add('综合组', b.id);
    expect((await api('POST', '/api/org/divisions', { name: '甲部门' })).statusCode).toBe(409);
    expect((await api('POST', '/api/org/divisions', { name: '  ' })).json().message).toBe('请输入部门名称');
  });

  it('renames a division, refusing a sibling name', async () => {
    const x = await add('旧名称');
    await add('已占用');
    const res = await api('PATCH', `/api/org/divisions/${x.id}`, { name: '新名称' });
    expect(res.json()).toMatchObject({ id: x.id, name: '新名称' });
    expect((await api('PATCH', `/api/org/divisions/${x.id}`, { name: '已占用' })).statusCode).toBe(409);
    expect((await auditEvents(t, 'DIVISION_RENAME')).some((e) => e.targetId === x.id)).toBe(true);
  });

  it('disables a division with everything below it; enabling needs an active parent', async () => {
    const top = await add('信息中心');
    const mid = await add('网络科', top.id);
    const leaf = await add('机房组', mid.id);
    expect((await api('POST', `/api/org/divisions/${top.id}/disable`)).json()).toEqual({ affected: 3 });
    expect([await statusOf(top.id), await statusOf(mid.id), await statusOf(leaf.id)]).toEqual(['disabled', 'disabled', 'disabled']);
    expect((await api('POST', '/api/org/divisions', { name: '新组', parentId: mid.id })).statusCode).toBe(409);
    const early = await api('POST', `/api/org/divisions/${mid.id}/enable`);
    expect(early.json().message).toBe('上级部门已停用，请先启用上级部门');
    expect((await api('POST', `/api/org/divisions/${top.id}/enable`)).json()).toEqual({ affected: 1 });
    expect(await statusOf(mid.id)).toBe('disabled');
    expect((await api('POST', `/api/org/divisions/${top.id}/disable`)).statusCode).toBe(200);
    expect((await api('POST', `/api/org/divisions/${top.id}/disable`)).statusCode).toBe(409);
  });

  it("answers 404 for another org's division and for a parent of another org, changing nothing", async () => {
    const other = await signInAdmin(t, await findBureau(t, '410102'));
    const foreign = (await as(t, other.cookie)('POST', '/api/org/divisions', { name: '外单位部门' })).json();
    expect((await api('PATCH', `/api/org/divisions/${foreign.id}`, { name: '篡改' })).statusCode).toBe(404);
    expect((await api('POST', `/api/org/divisions/${foreign.id}/disable`)).statusCode).toBe(404);
    expect((await api('POST', '/api/org/divisions', { name: '挂靠', parentId: foreign.id })).statusCode).toBe(404);
    const row = await t.db.selectFrom('division').selectAll().where('id', '=', foreign.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: '外单位部门', status: 'active' });
    expect(await t.db.selectFrom('division').select('id').where('parentId', '=', foreign.id).execute()).toEqual([]);
  });

  it('refuses an admin whose role lacks 管理内设部门 (403)', async () => {
    const clerk = await signInAdmin(t, admin.org, { permissions: ['statistics.overview'] });
    expect((await as(t, clerk.cookie)('GET', '/api/org/divisions')).statusCode).toBe(403);
    expect((await as(t, clerk.cookie)('POST', '/api/org/divisions', { name: '越权' })).statusCode).toBe(403);
  });
});
