import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, findBureau, loginAs, newIdNumber, tryLogin, type TestOrg } from '../../test/factories';
import { auditLeaks } from '../../test/audit-scan';
import { snapshotTables } from '../../test/db-snapshot';
import { as, auditEvents, signInAdmin, type TestAdmin } from './admins.test-support';

let t: TestContext;
let county: TestOrg;
let boss: TestAdmin;
let api: ReturnType<typeof as>;
let clerkRoleId: string;
beforeAll(async () => {
  t = await createTestContext();
  county = await findBureau(t, '410102');
  boss = await signInAdmin(t, county);
  api = as(t, boss.cookie);
  clerkRoleId = (await api('POST', '/api/org/roles', { name: '办事员', permissions: ['statistics.overview', 'claims.review'] })).json().id;
});
afterAll(async () => t.close());

const accountOf = (id: string) => t.db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const inviteOf = (idNumber: string, roleId = clerkRoleId) => api('POST', '/api/org/admin-invitations', { idNumber, roleId });
const loginCookie = (person: { idNumber: string; password: string }, role: 'professional' | 'hrBureau' | 'employer') =>
  loginAs(t, { idNumber: person.idNumber, password: person.password, role });
const professional = async () => {
  const person = await createPerson(t, { phone: '13912345678' });
  await createAccount(t, { personId: person.id, kind: 'professional', orgId: (await createOrg(t, { kind: 'employer', regionCode: '410102' })).id });
  return person;
};
const adminAccountsOf = (personId: string) =>
  t.db.selectFrom('account').selectAll().where('personId', '=', personId).where('kind', '=', 'admin').execute();

describe('新增管理员：已是本系统用户 is an invitation the person accepts (issue 7 finding 1)', () => {
  it('shows the inviting org nothing but the masked ID it typed, and makes no account until the person accepts', async () => {
    const person = await professional();
    const res = await inviteOf(person.idNumber);
    expect(res.statusCode, res.body).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'idNumberMasked', 'roleName']);
    expect(res.json()).toMatchObject({
      idNumberMasked: `${person.idNumber.slice(0, 2)}*************${person.idNumber.slice(-3)}`,
      roleName: '办事员',
    });
    expect(res.body).not.toContain(person.name);
    expect(res.body).not.toContain('5678');
    expect(await adminAccountsOf(person.id)).toEqual([]);
    expect((await api('GET', '/api/org/admin-invitations')).json().items.map((i: { id: string }) => i.id)).toContain(res.json().id);
    const told = await t.db.selectFrom('outbox').select(['channel', 'body']).where('personId', '=', person.id).execute();
    expect(told.map((m) => m.channel).sort()).toEqual(['inbox', 'sms']);
    expect(told[0]!.body).toContain(boss.org.name);
    expect((await tryLogin(t, { idNumber: person.idNumber, password: person.password, role: 'hrBureau' })).json().code).toBe('ROLE_NOT_REGISTERED');

    const mine = as(t, await loginCookie(person, 'professional'));
    const invitations = (await mine('GET', '/api/me/admin-invitations')).json().items;
    expect(invitations).toEqual([expect.objectContaining({ id: res.json().id, orgName: boss.org.name, orgKind: 'hrBureau', roleName: '办事员' })]);
    const accepted = await mine('POST', `/api/me/admin-invitations/${res.json().id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().message).toContain('人社部门');
    expect(await adminAccountsOf(person.id)).toEqual([expect.objectContaining({ orgId: county.id, status: 'active', roleId: clerkRoleId })]);
    expect((await mine('POST', `/api/me/admin-invitations/${res.json().id}/accept`)).statusCode).toBe(409);
    await loginCookie(person, 'hrBureau');
    const listed = ((await api('GET', '/api/org/admins')).json().items as Array<Record<string, unknown>>).find((a) => a.personId === person.id);
    expect(listed).toMatchObject({ name: person.name, phoneMasked: '139****5678', roleName: '办事员', status: 'active' });
    expect((await auditEvents(t, 'ADMIN_INVITE')).some((e) => e.targetId === person.id)).toBe(true);
    expect((await auditEvents(t, 'ADMIN_INVITE_ACCEPT')).some((e) => e.actorPersonId === person.id)).toBe(true);
    const inviterInbox = await t.db
      .selectFrom('outbox')
      .select('body')
      .where('personId', '=', boss.person.id)
      .where('subject', '=', '管理员邀请结果')
      .execute();
    expect(inviterInbox).toHaveLength(1);
  });

  it("declined, withdrawn and expired invitations cannot be accepted, and nobody answers another person's invitation", async () => {
    const person = await professional();
    const mine = as(t, await loginCookie(person, 'professional'));
    const declined = (await inviteOf(person.idNumber)).json().id;
    expect((await mine('POST', `/api/me/admin-invitations/${declined}/decline`)).statusCode).toBe(200);
    expect((await mine('POST', `/api/me/admin-invitations/${declined}/accept`)).json().message).toBe('该邀请已处理，无需重复操作');

    const cancelled = (await inviteOf(person.idNumber)).json().id;
    const stranger = as(t, await loginCookie(await professional(), 'professional'));
    expect((await stranger('POST', `/api/me/admin-invitations/${cancelled}/accept`)).statusCode).toBe(404);
    expect((await stranger('GET', '/api/me/admin-invitations')).json().items).toEqual([]);
    expect((await api('DELETE', `/api/org/admin-invitations/${cancelled}`)).statusCode).toBe(200);
    expect((await mine('POST', `/api/me/admin-invitations/${cancelled}/accept`)).statusCode).toBe(409);

    const expiring = (await inviteOf(person.idNumber)).json().id;
    t.clock.advance(7 * 86_400_000 + 60_000);
    expect((await mine('GET', '/api/me/admin-invitations')).statusCode).toBe(401);
    const fresh = as(t, await loginCookie(person, 'professional'));
    expect((await fresh('GET', '/api/me/admin-invitations')).json().items).toEqual([]);
    expect((await fresh('POST', `/api/me/admin-invitations/${expiring}/accept`)).json().message).toBe('该邀请已过期，请联系邀请单位重新发出');
    expect(await adminAccountsOf(person.id)).toEqual([]);
    boss.cookie = await loginCookie(boss.person, 'hrBureau');
    api = as(t, boss.cookie);
  });

  it('refuses: an unregistered ID, one already an admin here, a second open invitation, a foreign role; nothing changes', async () => {
    const other = await findBureau(t, '410103');
    const foreignRole = await t.db
      .insertInto('role')
      .values({ orgId: other.id, name: '外单位角色', permissions: ['claims.review'] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const person = await professional();
    const before = await snapshotTables(t);
    const unknown = await inviteOf(newIdNumber());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('尚未在平台注册');
    expect((await inviteOf(boss.person.idNumber)).json()).toMatchObject({ code: 'ALREADY_EXISTS', message: '该人员已是本单位管理员' });
    expect((await inviteOf(person.idNumber, foreignRole.id)).statusCode).toBe(404);
    expect(await snapshotTables(t)).toEqual(before);
    expect((await inviteOf(person.idNumber)).statusCode).toBe(201);
    const afterInvite = await snapshotTables(t);
    const again = await inviteOf(person.idNumber);
    expect(again.json()).toMatchObject({ code: 'ALREADY_EXISTS', message: '已向该人员发出邀请，请等待对方确认' });
    expect(await snapshotTables(t)).toEqual(afterInvite);
  });
});

describe('新增管理员：新用户', () => {
  it('adds a new person with an initial password who can then log in as this org', async () => {
    const idNumber = newIdNumber();
    const res = await api('POST', '/api/org/admins', {
      idNumber,
      name: '新管理员',
      phone: '13700001111',
      email: 'new@example.cn',
      password: 'Zq7#kLm2wx',
      roleId: clerkRoleId,
    });
    expect(res.statusCode).toBe(201);
    const person = await t.db.selectFrom('person').selectAll().where('idNumber', '=', idNumber).executeTakeFirstOrThrow();
    expect(person.passwordHash.startsWith('$argon2id$')).toBe(true);
    const login = await tryLogin(t, { idNumber, password: 'Zq7#kLm2wx', role: 'hrBureau' });
    expect(login.statusCode).toBe(200);
    expect((await auditEvents(t, 'ADMIN_ADD')).some((e) => e.targetId === res.json().accountId)).toBe(true);
    expect((await auditLeaks(t, ['Zq7#kLm2wx'])).leaks).toEqual([]);
  });

  it('refuses a person already on the platform (they are invited instead), a weak password, a foreign role; nothing changes', async () => {
    const known = await createPerson(t);
    const before = await snapshotTables(t);
    const asNew = await api('POST', '/api/org/admins', {
      idNumber: known.idNumber,
      name: '重复',
      phone: '13700002222',
      password: 'Zq7#kLm2wx',
      roleId: clerkRoleId,
    });
    expect(asNew.statusCode).toBe(409);
    expect(asNew.json().message).toContain('已是本系统用户');
    const weakId = newIdNumber();
    const weak = await api('POST', '/api/org/admins', {
      idNumber: weakId,
      name: '弱密码',
      phone: '13700003333',
      password: `Ab${weakId.slice(-6)}x`,
      roleId: clerkRoleId,
    });
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    expect(await snapshotTables(t)).toEqual(before);
    const other = await findBureau(t, '410104');
    const foreignRole = await t.db
      .insertInto('role')
      .values({ orgId: other.id, name: '外单位角色2', permissions: ['claims.review'] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const afterRole = await snapshotTables(t);
    const withForeignRole = await api('POST', '/api/org/admins', {
      idNumber: newIdNumber(),
      name: '外角色',
      phone: '13700004444',
      password: 'Zq7#kLm2wx',
      roleId: foreignRole.id,
    });
    expect(withForeignRole.statusCode).toBe(404);
    expect(await snapshotTables(t)).toEqual(afterRole);
  });
});

describe('编辑、禁用、删除管理员', () => {
  it('changes the role and, for a person with no other account, the phone', async () => {
    const other = (await api('POST', '/api/org/roles', { name: '统计员', permissions: ['statistics.overview'] })).json().id;
    const clerk = await signInAdmin(t, county, { permissions: ['claims.review'] });
    const res = await api('PATCH', `/api/org/admins/${clerk.accountId}`, { roleId: other, phone: '13600004444' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ roleName: '统计员', phoneMasked: '136****4444' });
    await createAccount(t, { personId: clerk.person.id, kind: 'professional', orgId: (await createOrg(t, { kind: 'employer' })).id });
    const refused = await api('PATCH', `/api/org/admins/${clerk.accountId}`, { phone: '13600005555' });
    expect(refused.statusCode).toBe(409);
    const person = await t.db.selectFrom('person').select('phone').where('id', '=', clerk.person.id).executeTakeFirstOrThrow();
    expect(person.phone).toBe('13600004444');
  });

  it('disables an admin, whose session gets 401 at once, then enables it again', async () => {
    const clerk = await signInAdmin(t, county, { permissions: ['statistics.overview'] });
    expect((await as(t, clerk.cookie)('GET', '/api/auth/session')).statusCode).toBe(200);
    expect((await api('POST', `/api/org/admins/${clerk.accountId}/disable`)).statusCode).toBe(200);
    expect((await as(t, clerk.cookie)('GET', '/api/auth/session')).statusCode).toBe(401);
    expect(await t.db.selectFrom('session').select('id').where('personId', '=', clerk.person.id).execute()).toHaveLength(0);
    expect((await api('POST', `/api/org/admins/${clerk.accountId}/disable`)).statusCode).toBe(409);
    expect((await tryLogin(t, { idNumber: clerk.person.idNumber, password: clerk.person.password, role: 'hrBureau' })).json().code).toBe(
      'ACCOUNT_DISABLED',
    );
    expect((await api('POST', `/api/org/admins/${clerk.accountId}/enable`)).statusCode).toBe(200);
    expect((await tryLogin(t, { idNumber: clerk.person.idNumber, password: clerk.person.password, role: 'hrBureau' })).statusCode).toBe(200);
    expect((await auditEvents(t, 'ADMIN_DISABLE')).some((e) => e.targetId === clerk.accountId)).toBe(true);
  });

  it('removes an admin: the account is ended but kept, the session ends, the list no longer shows it', async () => {
    const clerk = await signInAdmin(t, county, { permissions: ['statistics.overview'] });
    expect((await api('DELETE', `/api/org/admins/${clerk.accountId}`)).statusCode).toBe(200);
    expect((await accountOf(clerk.accountId)).status).toBe('withdrawn');
    expect((await as(t, clerk.cookie)('GET', '/api/auth/session')).statusCode).toBe(401);
    const list = (await api('GET', '/api/org/admins')).json().items as Array<{ accountId: string }>;
    expect(list.some((a) => a.accountId === clerk.accountId)).toBe(false);
    expect((await api('POST', `/api/org/admins/${clerk.accountId}/enable`)).statusCode).toBe(404);
    expect((await auditEvents(t, 'ADMIN_REMOVE')).some((e) => e.targetId === clerk.accountId)).toBe(true);
  });

  it('refuses anyone acting on their own account, and a non-super admin touching the super admin or granting more than it holds', async () => {
    expect((await api('POST', `/api/org/admins/${boss.accountId}/disable`)).json().message).toBe('不能对自己的管理员账号进行此操作');
    expect((await api('DELETE', `/api/org/admins/${boss.accountId}`)).statusCode).toBe(403);
    const deputy = await signInAdmin(t, county, { permissions: ['org.admins', 'statistics.overview'] });
    const mine = as(t, deputy.cookie);
    expect((await mine('POST', `/api/org/admins/${boss.accountId}/disable`)).statusCode).toBe(403);
    expect((await mine('DELETE', `/api/org/admins/${boss.accountId}`)).statusCode).toBe(403);
    expect((await mine('POST', `/api/org/admins/${deputy.accountId}/disable`)).statusCode).toBe(403);
    const person = await createPerson(t);
    const wider = await mine('POST', '/api/org/admin-invitations', { idNumber: person.idNumber, roleId: clerkRoleId });
    expect(wider.statusCode).toBe(403);
    expect((await mine('POST', `/api/org/admins/${boss.accountId}/make-super-admin`)).statusCode).toBe(403);
    expect(await accountOf(boss.accountId)).toMatchObject({ status: 'active', isSuperAdmin: true });
  });
});

describe('重置密码 (the identity endpoint, from the admin list)', () => {
  it("lets the super admin reset a listed admin's password by the listed personId, and refuses a non-super admin", async () => {
    const clerk = await signInAdmin(t, county, { permissions: ['org.admins'] });
    const listed = ((await api('GET', '/api/org/admins')).json().items as Array<{ accountId: string; personId: string }>).find(
      (a) => a.accountId === clerk.accountId,
    )!;
    const deputy = await signInAdmin(t, county, { permissions: ['org.admins'] });
    expect((await as(t, deputy.cookie)('POST', `/api/people/${listed.personId}/password-reset`)).statusCode).toBe(403);
    expect((await api('POST', `/api/people/${listed.personId}/password-reset`)).statusCode).toBe(200);
    expect((await as(t, clerk.cookie)('GET', '/api/org/admins')).statusCode).toBe(401);
  });
});

describe('设为超级管理员', () => {
  it('hands the super admin over: the new one manages, the old one is signed out and its admin account ended', async () => {
    const org = await createOrg(t, { kind: 'employer' });
    const oldSuper = await signInAdmin(t, org);
    const heir = await signInAdmin(t, org, { permissions: ['statistics.overview'] });
    const res = await as(t, oldSuper.cookie)('POST', `/api/org/admins/${heir.accountId}/make-super-admin`);
    expect(res.statusCode).toBe(200);
    expect(await accountOf(heir.accountId)).toMatchObject({ isSuperAdmin: true, status: 'active', roleId: null });
    expect(await accountOf(oldSuper.accountId)).toMatchObject({ isSuperAdmin: false, status: 'withdrawn' });
    expect((await as(t, oldSuper.cookie)('GET', '/api/org/admins')).statusCode).toBe(401);
    const relogin = await tryLogin(t, { idNumber: oldSuper.person.idNumber, password: oldSuper.person.password, role: 'employer' });
    expect(relogin.json().code).toBe('ROLE_NOT_REGISTERED');
    const heirApi = as(t, heir.cookie);
    const list = await heirApi('GET', '/api/org/admins');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect((await heirApi('POST', '/api/org/roles', { name: '新角色', permissions: ['imports.people'] })).statusCode).toBe(201);
    const audit = (await auditEvents(t, 'SUPER_ADMIN_HANDOVER')).find((e) => e.targetId === heir.accountId);
    expect(audit).toMatchObject({ actorAccountId: oldSuper.accountId });
  });

  it('refuses a handover to a disabled admin or to an admin of another org, changing nothing', async () => {
    const org = await createOrg(t, { kind: 'employer' });
    const owner = await signInAdmin(t, org);
    const sleeper = await signInAdmin(t, org, { permissions: ['statistics.overview'] });
    await as(t, owner.cookie)('POST', `/api/org/admins/${sleeper.accountId}/disable`);
    expect((await as(t, owner.cookie)('POST', `/api/org/admins/${sleeper.accountId}/make-super-admin`)).statusCode).toBe(409);
    const stranger = await signInAdmin(t, county, { permissions: ['statistics.overview'] });
    expect((await as(t, owner.cookie)('POST', `/api/org/admins/${stranger.accountId}/make-super-admin`)).statusCode).toBe(404);
    expect(await accountOf(owner.accountId)).toMatchObject({ isSuperAdmin: true, status: 'active' });
    expect(await accountOf(stranger.accountId)).toMatchObject({ isSuperAdmin: false, status: 'active' });
  });
});

describe('invitations cannot be used to probe or to send SMS at will (issue 7 probe, finding 6)', () => {
  it("limits an org to 20 invitation attempts a day, refused ones included, and sends a person one SMS a day in the platform's words", async () => {
    const org = await createOrg(t, { kind: 'employer', regionCode: '410102' });
    const owner = await signInAdmin(t, org);
    const mine = as(t, owner.cookie);
    const roleId = (await mine('POST', '/api/org/roles', { name: '验证 请访问 t.cn/Ab12 激活', permissions: ['org.divisions'] })).json().id;
    const target = await professional();
    const first = await mine('POST', '/api/org/admin-invitations', { idNumber: target.idNumber, roleId });
    expect(first.statusCode).toBe(201);
    expect((await mine('DELETE', `/api/org/admin-invitations/${first.json().id}`)).statusCode).toBe(200);
    expect((await mine('POST', '/api/org/admin-invitations', { idNumber: target.idNumber, roleId })).statusCode).toBe(201);
    const sms = await t.db.selectFrom('outbox').select('body').where('personId', '=', target.id).where('channel', '=', 'sms').execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).not.toContain('t.cn');
    for (let i = 0; i < 18; i++) expect((await mine('POST', '/api/org/admin-invitations', { idNumber: newIdNumber(), roleId })).statusCode).toBe(404);
    const limited = await mine('POST', '/api/org/admin-invitations', { idNumber: newIdNumber(), roleId });
    expect([limited.statusCode, limited.json().code]).toEqual([429, 'RATE_LIMITED']);
    t.clock.advance(86_400_000 + 60_000);
  });
});
