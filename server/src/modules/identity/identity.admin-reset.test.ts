import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, findBureau, loginAs, tryLogin, type TestOrg, type TestPerson } from '../../test/factories';
import { auditLeaks } from '../../test/audit-scan';
import { hours, minutes } from '../../platform/clock';

let t: TestContext;
let employer: TestOrg;
let employerAdmin: TestPerson;
let employerCookie: string;
const secrets: string[] = [];

const admin = async (org: TestOrg, options: { isSuperAdmin?: boolean; roleId?: string } = {}) => {
  const p = await createPerson(t);
  secrets.push(p.password);
  await createAccount(t, {
    personId: p.id,
    kind: 'admin',
    orgId: org.id,
    isSuperAdmin: options.isSuperAdmin ?? true,
    roleId: options.roleId ?? null,
  });
  return { person: p, cookie: await loginAs(t, { idNumber: p.idNumber, password: p.password, role: org.kind }) };
};

let countyAdmin: Awaited<ReturnType<typeof admin>> | undefined;
const county = async () => (countyAdmin ??= await admin(await findBureau(t, '410102')));

const newPro = async (org: TestOrg = employer) => {
  const p = await createPerson(t);
  secrets.push(p.password);
  await createAccount(t, { personId: p.id, kind: 'professional', orgId: org.id });
  return p;
};

const resetPassword = (cookie: string, personId: string) =>
  t.app.inject({ method: 'POST', url: `/api/people/${personId}/password-reset`, headers: { cookie } });

const state = async (personId: string) => ({
  person: await t.db.selectFrom('person').select(['passwordHash', 'mustChangePassword']).where('id', '=', personId).executeTakeFirstOrThrow(),
  sessions: (await t.db.selectFrom('session').select('id').where('personId', '=', personId).execute()).length,
  outbox: (await t.db.selectFrom('outbox').select('id').where('personId', '=', personId).execute()).length,
});

beforeAll(async () => {
  t = await createTestContext();
  employer = await createOrg(t, { kind: 'employer', regionCode: '410102', name: '中原测试单位' });
  ({ person: employerAdmin, cookie: employerCookie } = await admin(employer));
});
afterAll(async () => t?.close());

describe('单位管理员为下属人员重置密码 (seed 002; SECURITY T2)', () => {
  it('resets to the last six of the ID number: single-use, 24 h, sessions ended, person notified, audited', async () => {
    const p = await newPro();
    const before = await loginAs(t, { idNumber: p.idNumber, password: p.password, role: 'professional' });
    const res = await resetPassword(employerCookie, p.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, expiresAt: new Date(t.clock.now().getTime() + hours(24)).toISOString(), temporaryPassword: null });
    expect(res.json().message).toContain('身份证号后六位');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: before } })).statusCode).toBe(401);
    const sent = await t.db.selectFrom('outbox').selectAll().where('personId', '=', p.id).orderBy('channel').execute();
    expect(sent.map((m) => m.channel)).toEqual(['inbox', 'sms']);
    expect(sent[1]!.destination).toBe(p.phone);
    expect(sent[0]!.body).toContain('中原测试单位');
    const audit = await t.db.selectFrom('auditLog').selectAll().where('event', '=', 'PASSWORD_RESET_BY_ADMIN').execute();
    expect(audit).toMatchObject([{ outcome: 'success', targetId: p.id, actorPersonId: employerAdmin.id }]);

    const temp = p.idNumber.slice(-6);
    const login = await tryLogin(t, { idNumber: p.idNumber, password: temp, role: 'professional' });
    expect(login.statusCode).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(session.json().mustChangePassword).toBe(true);
    const elsewhere = await t.app.inject({ method: 'GET', url: '/api/ops/outbox', headers: { cookie } });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: '您的密码已被重置，请先修改密码' });
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/change',
      headers: { cookie },
      payload: { oldPassword: temp, newPassword: 'Mine2026pass' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).json().mustChangePassword).toBe(false);
    expect((await tryLogin(t, { idNumber: p.idNumber, password: temp, role: 'professional' })).json().code).toBe('WRONG_PASSWORD');
  });

  it('lets the temporary password expire after 24 hours (issue 7 finding 3)', async () => {
    const p = await newPro();
    expect((await resetPassword(employerCookie, p.id)).statusCode).toBe(200);
    t.clock.advance(hours(24) + minutes(1));
    const res = await tryLogin(t, { idNumber: p.idNumber, password: p.idNumber.slice(-6), role: 'professional' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('WRONG_PASSWORD');
    const fail = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('event', '=', 'LOGIN_FAIL')
      .where('targetId', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(fail.reason).toBe('TEMP_PASSWORD_EXPIRED');
    employerCookie = await loginAs(t, { idNumber: employerAdmin.idNumber, password: employerAdmin.password, role: 'employer' });
  });

  it("answers 404 and changes nothing for a person outside the admin's org tree", async () => {
    const otherEmployer = await createOrg(t, { kind: 'employer', regionCode: '410103' });
    const p = await newPro(otherEmployer);
    await loginAs(t, { idNumber: p.idNumber, password: p.password, role: 'professional' });
    const before = await state(p.id);
    const res = await resetPassword(employerCookie, p.id);
    expect(res.statusCode).toBe(404);
    expect(await state(p.id)).toEqual(before);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('event', '=', 'PASSWORD_RESET_BY_ADMIN').where('targetId', '=', p.id).execute();
    expect(audit).toMatchObject([{ outcome: 'failure', reason: 'NOT_FOUND' }]);
    expect((await resetPassword(employerCookie, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('refuses a professional, an admin without the permission, and resetting oneself', async () => {
    const p = await newPro();
    const target = await newPro();
    const proCookie = await loginAs(t, { idNumber: p.idNumber, password: p.password, role: 'professional' });
    expect((await resetPassword(proCookie, target.id)).json().code).toBe('FORBIDDEN');
    const role = await t.db
      .insertInto('role')
      .values({ orgId: employer.id, name: '学时审核员', permissions: ['claims.review'] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reviewer = await admin(employer, { isSuperAdmin: false, roleId: role.id });
    expect((await resetPassword(reviewer.cookie, target.id)).statusCode).toBe(403);
    const self = await resetPassword(employerCookie, employerAdmin.id);
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toContain('不能重置自己的密码');
    expect((await state(target.id)).person.mustChangePassword).toBe(false);
  });

  it('lets only the super admin reset an admin of the same org; a superior bureau may reset it', async () => {
    const role = await t.db
      .insertInto('role')
      .values({ orgId: employer.id, name: '人员管理', permissions: ['statistics.people'] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const helper = await admin(employer, { isSuperAdmin: false, roleId: role.id });
    const p = await newPro();
    expect((await resetPassword(helper.cookie, p.id)).statusCode).toBe(200);
    const refused = await resetPassword(helper.cookie, employerAdmin.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('只有超级管理员可以重置本单位管理员的密码');
    expect((await resetPassword((await county()).cookie, employerAdmin.id)).statusCode).toBe(200);
  });

  it('refuses to reset someone who is an admin of an org outside the scope, even if in scope as a professional', async () => {
    const province = await admin(await findBureau(t, '410000'));
    await createAccount(t, { personId: province.person.id, kind: 'professional', orgId: employer.id });
    const before = await state(province.person.id);
    const res = await resetPassword((await county()).cookie, province.person.id);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('该人员在您的管理范围之外还有账号，请联系河南省人力资源和社会保障厅重置密码');
    expect(await state(province.person.id)).toEqual(before);
  });

  it('refuses when any account of the person lies outside the scope, naming the org that can reset (issue 7 finding 1)', async () => {
    const hospital = await createOrg(t, { kind: 'employer', regionCode: '410102', name: '中原区某医院' });
    const hospitalAdmin = await admin(hospital);
    const p = await newPro(hospital);
    const elsewhere = await createOrg(t, { kind: 'employer', regionCode: '410103', name: '二七区某单位' });
    await createAccount(t, { personId: p.id, kind: 'admin', orgId: elsewhere.id, isSuperAdmin: true });
    const before = await state(p.id);
    const refused = await resetPassword(hospitalAdmin.cookie, p.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', details: { canResetOrgName: '郑州市人力资源和社会保障局' } });
    expect(await state(p.id)).toEqual(before);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('event', '=', 'PASSWORD_RESET_BY_ADMIN').where('targetId', '=', p.id).execute();
    expect(audit).toMatchObject([{ outcome: 'failure', reason: 'ACCOUNT_OUTSIDE_SCOPE' }]);
    const city = await admin(await findBureau(t, '410100'));
    expect((await resetPassword(city.cookie, p.id)).statusCode).toBe(200);
  });

  it('keeps the temporary passwords and full ID numbers out of the audit log', async () => {
    expect((await auditLeaks(t, secrets)).leaks).toEqual([]);
  });
});

describe('a profile that chose a random one-time password over the last six digits (SECURITY T2, A9)', () => {
  let r: TestContext;
  beforeAll(async () => {
    r = await createTestContext({ configure: (c) => (c.adminResetPassword = 'random') });
  });
  afterAll(async () => r?.close());

  it('shows the admin a random password once; it logs in only to change it, and the last six digits never work', async () => {
    const org = await createOrg(r, { kind: 'employer', regionCode: '410102' });
    const boss = await createPerson(r);
    await createAccount(r, { personId: boss.id, kind: 'admin', orgId: org.id, isSuperAdmin: true });
    const cookie = await loginAs(r, { idNumber: boss.idNumber, password: boss.password, role: 'employer' });
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const p = await createPerson(r);
      await createAccount(r, { personId: p.id, kind: 'professional', orgId: org.id });
      const res = await r.app.inject({ method: 'POST', url: `/api/people/${p.id}/password-reset`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const temporary = res.json().temporaryPassword as string;
      expect(temporary).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{10}$/);
      for (let k = 0; k + 4 <= 18; k++) expect(temporary).not.toContain(p.idNumber.slice(k, k + 4));
      seen.add(temporary);
      expect((await tryLogin(r, { idNumber: p.idNumber, password: p.idNumber.slice(-6), role: 'professional' })).json().code).toBe('WRONG_PASSWORD');
      const login = await tryLogin(r, { idNumber: p.idNumber, password: temporary, role: 'professional' });
      expect(login.json().mustChangePassword).toBe(true);
      const sms = await r.db.selectFrom('outbox').select('body').where('personId', '=', p.id).where('channel', '=', 'sms').executeTakeFirstOrThrow();
      expect(sms.body).not.toContain(temporary);
      const audit = await r.db
        .selectFrom('auditLog')
        .select('detail')
        .where('event', '=', 'PASSWORD_RESET_BY_ADMIN')
        .where('targetId', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(audit.detail)).not.toContain(temporary);
    }
    expect(seen.size).toBe(5);
  });
});
