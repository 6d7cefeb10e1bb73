import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, loginAs, tryLogin, type TestPerson } from '../../test/factories';
import { auditLeaks } from '../../test/audit-scan';

let t: TestContext;
let pro: TestPerson;
let employerId: string;
const secrets: string[] = [];

const change = (cookie: string, oldPassword: string, newPassword: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password/change', headers: { cookie }, payload: { oldPassword, newPassword } });
const loginPro = (p: TestPerson, password = p.password) => tryLogin(t, { idNumber: p.idNumber, password, role: 'professional' });

const newPro = async () => {
  const p = await createPerson(t);
  await createAccount(t, { personId: p.id, kind: 'professional', orgId: employerId });
  secrets.push(p.password);
  return p;
};

beforeAll(async () => {
  t = await createTestContext();
  employerId = (await createOrg(t, { kind: 'employer', regionCode: '410102' })).id;
  pro = await newPro();
});
afterAll(async () => t?.close());

describe('password policy on change (seed 001 忘记密码 4, SECURITY T3)', () => {
  it('refuses weak new passwords with PASSWORD_POLICY and the reason, leaving the password as it was', async () => {
    const cookie = await loginAs(t, { idNumber: pro.idNumber, password: pro.password, role: 'professional' });
    const rule = '请输入8~20位带数字和英文字母的密码，请勿输入纯数字或纯字母';
    const birth = pro.idNumber.slice(6, 14);
    const cases: Array<[string, string]> = [
      ['Ab1', rule],
      ['Abcdefgh1234567890xyz', rule],
      ['12345678', rule],
      ['abcdefgh', rule],
      ['Abc 12345', '密码不能包含空格'],
      [`Ab${pro.idNumber.slice(-6)}`, '密码不能包含身份证号的片段'],
      [`x${birth}y`, '密码不能包含身份证号的片段'],
      [`Zz${pro.phone!.slice(-8)}`, '密码不能包含手机号'],
      ['P@ssw0rd', '密码过于常见，请设置更复杂的密码'],
      ['abc12345', '密码过于常见，请设置更复杂的密码'],
      [pro.password, '新密码不能与原密码相同'],
    ];
    for (const [password, message] of cases) {
      const res = await change(cookie, pro.password, password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json(), password).toMatchObject({ code: 'PASSWORD_POLICY', message });
    }
    expect((await loginPro(pro)).statusCode).toBe(200);
  });
});

describe('修改密码 (seed 002: 只有原始密码录入正确才允许修改)', () => {
  it('needs the signed-in session', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password/change', payload: { oldPassword: 'a', newPassword: 'Good2026pass' } });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a wrong old password, locks the change step after 5 tries, and leaves login alone', async () => {
    const p = await newPro();
    const cookie = await loginAs(t, { idNumber: p.idNumber, password: p.password, role: 'professional' });
    for (let i = 0; i < 5; i++) {
      const res = await change(cookie, `Wrong${i}xyz1`, 'Good2026pass');
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'WRONG_PASSWORD', message: '原密码错误，请重新输入', details: { field: 'oldPassword' } });
    }
    const locked = await change(cookie, p.password, 'Good2026pass');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect((await loginPro(p)).statusCode).toBe(200);
    expect((await loginPro(p, 'Good2026pass')).json().code).toBe('WRONG_PASSWORD');
  });

  it('changes the password, ends the other sessions, keeps this one, and notifies the person', async () => {
    const p = await newPro();
    const one = await loginAs(t, { idNumber: p.idNumber, password: p.password, role: 'professional' });
    const two = await loginAs(t, { idNumber: p.idNumber, password: p.password, role: 'professional' });
    const res = await change(one, p.password, 'NewPass2026x');
    secrets.push('NewPass2026x');
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: two } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: one } })).statusCode).toBe(200);
    expect((await loginPro(p)).json().code).toBe('WRONG_PASSWORD');
    expect((await loginPro(p, 'NewPass2026x')).statusCode).toBe(200);
    const inbox = await t.db.selectFrom('outbox').selectAll().where('personId', '=', p.id).execute();
    expect(inbox).toMatchObject([{ channel: 'inbox', subject: '登录密码已修改' }]);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('event', '=', 'PASSWORD_CHANGE').where('outcome', '=', 'success').execute();
    expect(audit).toMatchObject([{ actorPersonId: p.id, targetId: p.id }]);
    const person = await t.db.selectFrom('person').select('passwordHash').where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(person.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('keeps passwords and full ID numbers out of the audit log', async () => {
    expect((await auditLeaks(t, secrets)).leaks).toEqual([]);
  });
});
