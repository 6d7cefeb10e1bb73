import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg, findBureau, type TestOrg } from '../../test/factories';
import { as, auditEvents, signInAdmin, type TestAdmin } from './admins.test-support';

let t: TestContext;
let county: TestOrg;
let superAdmin: TestAdmin;
let api: ReturnType<typeof as>;
beforeAll(async () => {
  t = await createTestContext();
  county = await findBureau(t, '410102');
  superAdmin = await signInAdmin(t, county);
  api = as(t, superAdmin.cookie);
});
afterAll(async () => t.close());

const roleCount = async (orgId: string) => (await t.db.selectFrom('role').select('id').where('orgId', '=', orgId).execute()).length;

describe('角色管理', () => {
  it('creates, lists, edits and deletes a role of the org kind, audited', async () => {
    const created = await api('POST', '/api/org/roles', {
      name: '审核员',
      description: '负责注册审核',
      permissions: ['reviews.professionals', 'claims.review'],
    });
    expect(created.statusCode).toBe(201);
    const role = created.json();
    expect(role).toMatchObject({ name: '审核员', permissions: ['reviews.professionals', 'claims.review'], adminCount: 0 });
    const list = await api('GET', '/api/org/roles');
    expect(list.json().items.map((r: { name: string }) => r.name)).toContain('审核员');
    const edited = await api('PATCH', `/api/org/roles/${role.id}`, { name: '注册审核员', permissions: ['reviews.professionals'] });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: '注册审核员', permissions: ['reviews.professionals'], description: '负责注册审核' });
    expect((await api('DELETE', `/api/org/roles/${role.id}`)).statusCode).toBe(200);
    expect(await t.db.selectFrom('role').select('id').where('id', '=', role.id).executeTakeFirst()).toBeUndefined();
    for (const event of ['ROLE_CREATE', 'ROLE_UPDATE', 'ROLE_DELETE']) {
      expect((await auditEvents(t, event)).some((e) => e.targetId === role.id && e.actorAccountId === superAdmin.accountId)).toBe(true);
    }
  });

  it('refuses modules of another org kind (400), an empty set (400) and a duplicate name (409)', async () => {
    const before = await roleCount(county.id);
    const foreign = await api('POST', '/api/org/roles', { name: '代申报', permissions: ['training.proxyClaims'] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('不属于本机构');
    expect((await api('POST', '/api/org/roles', { name: '空角色', permissions: [] })).json().message).toBe('请至少选择一个权限模块');
    expect((await api('POST', '/api/org/roles', { name: '统计员', permissions: ['statistics.overview'] })).statusCode).toBe(201);
    const duplicate = await api('POST', '/api/org/roles', { name: '统计员', permissions: ['statistics.people'] });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().message).toContain('同名角色');
    expect(await roleCount(county.id)).toBe(before + 1);
  });

  it('refuses to delete a role held by an admin (409), with a Chinese message, and keeps it', async () => {
    const holder = await signInAdmin(t, county, { permissions: ['statistics.overview'], roleName: '在用角色' });
    const account = await t.db.selectFrom('account').select('roleId').where('id', '=', holder.accountId).executeTakeFirstOrThrow();
    const res = await api('DELETE', `/api/org/roles/${account.roleId}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/已分配给1名管理员/);
    expect(await t.db.selectFrom('role').select('id').where('id', '=', account.roleId!).executeTakeFirst()).toBeDefined();
  });

  it("answers 404 for another org's role and changes nothing", async () => {
    const other = await findBureau(t, '410103');
    const foreignRole = await t.db
      .insertInto('role')
      .values({ orgId: other.id, name: '他人角色', permissions: ['statistics.overview'] })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await api('PATCH', `/api/org/roles/${foreignRole.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await api('DELETE', `/api/org/roles/${foreignRole.id}`)).statusCode).toBe(404);
    const after = await t.db.selectFrom('role').selectAll().where('id', '=', foreignRole.id).executeTakeFirstOrThrow();
    expect(after.name).toBe('他人角色');
  });

  it('lets a non-super admin with 角色管理 grant only modules it holds (403 otherwise)', async () => {
    const delegate = await signInAdmin(t, county, { permissions: ['org.roles', 'statistics.overview'] });
    const mine = as(t, delegate.cookie);
    expect((await mine('POST', '/api/org/roles', { name: '查询员', permissions: ['statistics.overview'] })).statusCode).toBe(201);
    const wider = await mine('POST', '/api/org/roles', { name: '越权角色', permissions: ['org.admins'] });
    expect(wider.statusCode).toBe(403);
    expect(wider.json().message).toBe('不能分配您本人没有的权限模块');
  });

  it('refuses the roles API to an admin whose role lacks 角色管理, and a role change applies on the next request', async () => {
    const limited = await signInAdmin(t, county, { permissions: ['statistics.overview'] });
    const mine = as(t, limited.cookie);
    expect((await mine('POST', '/api/org/roles', { name: '试图新增', permissions: ['statistics.overview'] })).statusCode).toBe(403);
    expect((await mine('GET', '/api/org/admins')).statusCode).toBe(403);
    const { roleId } = await t.db.selectFrom('account').select('roleId').where('id', '=', limited.accountId).executeTakeFirstOrThrow();
    const granted = await api('PATCH', `/api/org/roles/${roleId}`, { permissions: ['statistics.overview', 'org.admins'] });
    expect(granted.statusCode).toBe(200);
    expect((await mine('GET', '/api/org/admins')).statusCode).toBe(200);
    await api('PATCH', `/api/org/roles/${roleId}`, { permissions: ['statistics.overview'] });
    expect((await mine('GET', '/api/org/admins')).statusCode).toBe(403);
  });

  it('refuses the roles API to nobody signed in; an employer super admin sees its own, empty, role list', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/org/roles' })).statusCode).toBe(401);
    const employer = await createOrg(t, { kind: 'employer' });
    const employerAdmin = await signInAdmin(t, employer);
    const roles = await as(t, employerAdmin.cookie)('GET', '/api/org/roles');
    expect(roles.statusCode).toBe(200);
    expect(roles.json().items).toEqual([]);
  });
});
