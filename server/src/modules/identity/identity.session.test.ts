import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, loginAs, tryLogin, type TestOrg, type TestPerson } from '../../test/factories';
import { hours, minutes } from '../../platform/clock';

let t: TestContext;
let employer: TestOrg;
let pro: TestPerson;

const session = (cookie?: string) => t.app.inject({ method: 'GET', url: '/api/auth/session', headers: cookie ? { cookie } : {} });
const login = () => loginAs(t, { idNumber: pro.idNumber, password: pro.password, role: 'professional' });

beforeAll(async () => {
  t = await createTestContext();
  employer = await createOrg(t, { kind: 'employer', regionCode: '410102' });
  pro = await createPerson(t);
  await createAccount(t, { personId: pro.id, kind: 'professional', orgId: employer.id });
});
afterAll(async () => t?.close());

describe('sessions (SECURITY A7)', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers the session info', async () => {
    const res = await tryLogin(t, { idNumber: pro.idNumber, password: pro.password, role: 'professional' });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^cep_sid=[\w-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    const cookie = setCookie.split(';')[0]!;
    const me = await session(cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ person: { personId: pro.id, name: pro.name }, account: { role: 'professional' }, mustChangePassword: false });
    const stored = await t.db.selectFrom('session').select('id').execute();
    expect(stored.some((s) => cookie.includes(s.id))).toBe(false);
  });

  it('answers 401 UNAUTHENTICATED without a cookie and SESSION_EXPIRED for an unknown one', async () => {
    expect((await session()).json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    const res = await session('cep_sid=not-a-session');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('rotates the token at login and ends the session the request came with', async () => {
    const first = await login();
    const res = await tryLogin(t, { idNumber: pro.idNumber, password: pro.password, role: 'professional' }, { cookie: first });
    const second = String(res.headers['set-cookie']).split(';')[0]!;
    expect(second).not.toBe(first);
    expect((await session(first)).statusCode).toBe(401);
    expect((await session(second)).statusCode).toBe(200);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const cookie = await login();
    t.clock.advance(minutes(31));
    const res = await session(cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'SESSION_EXPIRED', message: '登录已超时，请重新登录' });
  });

  it('keeps an active session alive past 30 minutes, but not past 12 hours', async () => {
    const cookie = await login();
    for (let elapsed = 0; elapsed < hours(12) - minutes(20); elapsed += minutes(20)) {
      t.clock.advance(minutes(20));
      expect((await session(cookie)).statusCode).toBe(200);
    }
    t.clock.advance(minutes(21));
    expect((await session(cookie)).json().code).toBe('SESSION_EXPIRED');
  });

  it('logs out: the cookie is cleared, the old cookie gets 401 and LOGOUT is audited', async () => {
    const cookie = await login();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/cep_sid=;.*Expires=Thu, 01 Jan 1970/);
    expect((await session(cookie)).statusCode).toBe(401);
    const rows = await t.db.selectFrom('auditLog').selectAll().where('event', '=', 'LOGOUT').execute();
    expect(rows).toMatchObject([{ actorPersonId: pro.id, outcome: 'success' }]);
  });

  it('ends the session at the next request when the account or its org is disabled (SECURITY C5)', async () => {
    const p = await createPerson(t);
    const org = await createOrg(t, { kind: 'employer', regionCode: '410102' });
    await createAccount(t, { personId: p.id, kind: 'admin', orgId: org.id, isSuperAdmin: true });
    const cookie = await loginAs(t, { idNumber: p.idNumber, password: p.password, role: 'employer' });
    expect((await session(cookie)).statusCode).toBe(200);
    await t.db.updateTable('org').set({ status: 'disabled' }).where('id', '=', org.id).execute();
    expect((await session(cookie)).statusCode).toBe(401);
    const proCookie = await login();
    await t.db.updateTable('account').set({ status: 'disabled' }).where('personId', '=', pro.id).execute();
    expect((await session(proCookie)).statusCode).toBe(401);
  });
});
