import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { createTestContext, type TestContext } from '../../test/test-context';
import {
  createAccount,
  createOrg,
  createPerson,
  findBureau,
  loginAs,
  sessionCookieOf,
  tryLogin,
  type TestOrg,
  type TestPerson,
} from '../../test/factories';
import { auditLeaks } from '../../test/audit-scan';
import { minutes } from '../../platform/clock';

let t: TestContext;
let employer: TestOrg;
const secrets: string[] = [];

beforeAll(async () => {
  t = await createTestContext();
  employer = await createOrg(t, { kind: 'employer', regionCode: '410102', name: '中原区动态口令测试单位' });
});
afterAll(async () => t?.close());

const codeAt = (secret: string, offsetSeconds = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: t.clock.now().getTime() + offsetSeconds * 1000,
  });

const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** Password step of an admin login: the cookie of a session that still owes its second factor. */
const passwordStep = async (p: TestPerson, role: 'employer' | 'hrBureau' = 'employer') => {
  const res = await tryLogin(t, { idNumber: p.idNumber, password: p.password, role });
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: sessionCookieOf(res)!, body: res.json() };
};

/** An admin who enrolled through the endpoints: their secret and recovery codes. */
const enrolledAdmin = async (given?: TestOrg, isSuperAdmin = true) => {
  const org = given ?? (await createOrg(t, { kind: 'employer', regionCode: '410102' }));
  const p = await createPerson(t);
  await createAccount(t, { personId: p.id, kind: 'admin', orgId: org.id, isSuperAdmin });
  const { cookie } = await passwordStep(p, org.kind as 'employer');
  const { secret } = (await call(cookie, 'POST', '/api/auth/mfa/enroll')).json();
  const confirmed = await call(cookie, 'POST', '/api/auth/mfa/enroll/confirm', { code: codeAt(secret) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  t.clock.advance(30_000);
  secrets.push(secret, ...confirmed.json().recoveryCodes);
  return { person: p, secret, recoveryCodes: confirmed.json().recoveryCodes as string[], cookie };
};

describe('动态口令: every admin account needs a second factor (issue 7 item 6; SECURITY A6)', () => {
  it('enrols on the first login: nothing but the second factor works until a first code proves the authenticator', async () => {
    const p = await createPerson(t);
    secrets.push(p.password);
    await createAccount(t, { personId: p.id, kind: 'admin', orgId: employer.id, isSuperAdmin: true });
    const { cookie, body } = await passwordStep(p);
    expect(body).toMatchObject({ mfaStep: 'enroll', permissions: [] });
    for (const [method, url] of [
      ['GET', '/api/org/admins'],
      ['GET', '/api/reviews'],
      ['GET', '/api/inbox'],
    ] as const) {
      const refused = await call(cookie, method, url);
      expect([refused.statusCode, refused.json().code], url).toEqual([403, 'MFA_REQUIRED']);
    }
    expect((await call(cookie, 'POST', '/api/auth/password/change', { oldPassword: p.password, newPassword: 'New#pass2026' })).json().code).toBe(
      'MFA_REQUIRED',
    );
    expect((await call(cookie, 'POST', '/api/auth/mfa/verify', { code: '123456' })).json().code).toBe('INVALID_STATE');

    const enrollment = await call(cookie, 'POST', '/api/auth/mfa/enroll');
    expect(enrollment.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCode } = enrollment.json();
    secrets.push(secret);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    const stored = await t.db.selectFrom('personMfa').selectAll().where('personId', '=', p.id).executeTakeFirstOrThrow();
    expect(stored.secretEnc).not.toContain(secret);
    expect(stored.confirmedAt).toBeNull();

    const wrong = await call(cookie, 'POST', '/api/auth/mfa/enroll/confirm', { code: codeAt(secret, 300) });
    expect(wrong.json()).toMatchObject({ code: 'CODE_INVALID', details: { remainingAttempts: 4 } });
    const confirmed = await call(cookie, 'POST', '/api/auth/mfa/enroll/confirm', { code: codeAt(secret) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes, session } = confirmed.json();
    secrets.push(...recoveryCodes);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(session).toMatchObject({ mfaStep: null });
    expect(session.permissions).toContain('org.admins');
    expect((await call(cookie, 'GET', '/api/org/admins')).statusCode).toBe(200);
    const stored2 = JSON.stringify(await t.db.selectFrom('mfaRecoveryCode').selectAll().where('personId', '=', p.id).execute());
    for (const code of recoveryCodes) expect(stored2).not.toContain(code);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['event', 'outcome'])
      .where('actorPersonId', '=', p.id)
      .where('event', 'like', 'MFA_%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { event: 'MFA_ENROLL', outcome: 'failure' },
      { event: 'MFA_ENROLL', outcome: 'success' },
    ]);
  });

  it('verifies a fresh code at each later login; a code counts once, even from another session', async () => {
    const admin = await enrolledAdmin();
    const first = await passwordStep(admin.person);
    expect(first.body).toMatchObject({ mfaStep: 'verify', permissions: [] });
    expect((await call(first.cookie, 'POST', '/api/auth/mfa/enroll')).json().code).toBe('INVALID_STATE');
    const code = codeAt(admin.secret);
    const ok = await call(first.cookie, 'POST', '/api/auth/mfa/verify', { code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().permissions).toContain('org.admins');

    const second = await passwordStep(admin.person);
    const replay = await call(second.cookie, 'POST', '/api/auth/mfa/verify', { code });
    expect(replay.json().code).toBe('CODE_INVALID');
    const earlier = await call(second.cookie, 'POST', '/api/auth/mfa/verify', { code: codeAt(admin.secret, -30) });
    expect(earlier.json().code).toBe('CODE_INVALID');
    t.clock.advance(30_000);
    expect((await call(second.cookie, 'POST', '/api/auth/mfa/verify', { code: codeAt(admin.secret) })).statusCode).toBe(200);
  });

  it('lets exactly one of two sessions racing with one code through', async () => {
    const admin = await enrolledAdmin();
    const [a, b] = [await passwordStep(admin.person), await passwordStep(admin.person)];
    const code = codeAt(admin.secret);
    const results = await Promise.all([a, b].map((s) => call(s.cookie, 'POST', '/api/auth/mfa/verify', { code })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    t.clock.advance(30_000);
  });

  it('takes each recovery code once', async () => {
    const admin = await enrolledAdmin();
    const [code] = admin.recoveryCodes;
    const first = await passwordStep(admin.person);
    expect((await call(first.cookie, 'POST', '/api/auth/mfa/verify', { code: code!.toUpperCase() })).statusCode).toBe(200);
    const second = await passwordStep(admin.person);
    expect((await call(second.cookie, 'POST', '/api/auth/mfa/verify', { code })).json().code).toBe('CODE_INVALID');
    const audit = await t.db
      .selectFrom('auditLog')
      .select('detail')
      .where('actorPersonId', '=', admin.person.id)
      .where('event', '=', 'MFA_VERIFY')
      .where('outcome', '=', 'success')
      .execute();
    expect(audit.map((a) => a.detail)).toEqual([{ method: 'recoveryCode' }]);
  });

  it('locks the second factor after 5 wrong codes for 15 minutes, even for the right code', async () => {
    const admin = await enrolledAdmin();
    const { cookie } = await passwordStep(admin.person);
    for (let i = 4; i >= 0; i--) {
      expect((await call(cookie, 'POST', '/api/auth/mfa/verify', { code: codeAt(admin.secret, 600) })).json().details.remainingAttempts).toBe(i);
    }
    const locked = await call(cookie, 'POST', '/api/auth/mfa/verify', { code: codeAt(admin.secret) });
    expect([locked.statusCode, locked.json().code]).toEqual([429, 'ACCOUNT_LOCKED']);
    t.clock.advance(minutes(15));
    const later = await passwordStep(admin.person);
    expect((await call(later.cookie, 'POST', '/api/auth/mfa/verify', { code: codeAt(admin.secret) })).statusCode).toBe(200);
  });

  it('checks 12 wrong codes sent at once one by one: 5 are counted, the rest meet the lock (issue 7 probe)', async () => {
    const admin = await enrolledAdmin();
    const { cookie } = await passwordStep(admin.person);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => call(cookie, 'POST', '/api/auth/mfa/verify', { code: codeAt(admin.secret, 900) })),
    );
    const codes = results.map((r) => r.json().code);
    expect(codes.filter((c) => c === 'CODE_INVALID')).toHaveLength(5);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(7);
    t.clock.advance(minutes(15));
  });

  it('leaves professionals as they were: no second factor', async () => {
    const p = await createPerson(t);
    await createAccount(t, { personId: p.id, kind: 'professional', orgId: employer.id });
    const res = await tryLogin(t, { idNumber: p.idNumber, password: p.password, role: 'professional' });
    expect(res.json()).toMatchObject({ mfaStep: null });
    expect((await call(sessionCookieOf(res)!, 'GET', '/api/inbox')).statusCode).toBe(200);
  });
});

describe('重置动态口令: by a super admin whose subtree holds the person (issue 7 item 6)', () => {
  it('removes the authenticator of an admin below: sessions end, the next login enrols again, audited, person told', async () => {
    const admin = await enrolledAdmin();
    const county = await findBureau(t, '410102');
    const boss = await createPerson(t);
    await createAccount(t, { personId: boss.id, kind: 'admin', orgId: county.id, isSuperAdmin: true });
    const bossCookie = await loginAs(t, { idNumber: boss.idNumber, password: boss.password, role: 'hrBureau' });
    const res = await call(bossCookie, 'POST', `/api/people/${admin.person.id}/mfa-reset`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await call(admin.cookie, 'GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await passwordStep(admin.person)).body.mfaStep).toBe('enroll');
    expect(await t.db.selectFrom('mfaRecoveryCode').select('id').where('personId', '=', admin.person.id).execute()).toEqual([]);
    const told = await t.db
      .selectFrom('outbox')
      .select('channel')
      .where('personId', '=', admin.person.id)
      .where('subject', '=', '动态口令已被重置')
      .execute();
    expect(told.map((m) => m.channel).sort()).toEqual(['inbox', 'sms']);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('event', '=', 'MFA_RESET').where('targetId', '=', admin.person.id).execute();
    expect(audit).toMatchObject([{ outcome: 'success', actorPersonId: boss.id }]);
    expect((await call(bossCookie, 'POST', `/api/people/${admin.person.id}/mfa-reset`)).statusCode).toBe(409);
  });

  it('refuses a non-super admin, a sibling county, and oneself; nothing changes', async () => {
    const org = await createOrg(t, { kind: 'employer', regionCode: '410102' });
    const admin = await enrolledAdmin(org);
    const deputy = await enrolledAdmin(org, false);
    const sibling = await createPerson(t);
    await createAccount(t, { personId: sibling.id, kind: 'admin', orgId: (await findBureau(t, '410103')).id, isSuperAdmin: true });
    const siblingCookie = await loginAs(t, { idNumber: sibling.idNumber, password: sibling.password, role: 'hrBureau' });
    const deputyCookie = await loginAs(t, { idNumber: deputy.person.idNumber, password: deputy.person.password, role: 'employer' });
    const adminCookie = await loginAs(t, { idNumber: admin.person.idNumber, password: admin.person.password, role: 'employer' });
    expect((await call(deputyCookie, 'POST', `/api/people/${admin.person.id}/mfa-reset`)).statusCode).toBe(403);
    expect((await call(siblingCookie, 'POST', `/api/people/${admin.person.id}/mfa-reset`)).statusCode).toBe(404);
    expect((await call(adminCookie, 'POST', `/api/people/${admin.person.id}/mfa-reset`)).statusCode).toBe(403);
    expect(await t.db.selectFrom('personMfa').select('personId').where('personId', '=', admin.person.id).executeTakeFirst()).toBeTruthy();
  });

  it('keeps secrets, codes and passwords out of the audit log', async () => {
    expect((await auditLeaks(t, secrets)).leaks).toEqual([]);
  });
});
