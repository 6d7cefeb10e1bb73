import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, loginAs, solveCaptcha, tryLogin, type TestPerson } from '../../test/factories';
import { auditLeaks } from '../../test/audit-scan';
import { minutes } from '../../platform/clock';

let t: TestContext;
let employerId: string;
let opsCookie: string;
const secrets: string[] = [];

const newPro = async (input: { email?: string } = {}) => {
  const p = await createPerson(t, input);
  await createAccount(t, { personId: p.id, kind: 'professional', orgId: employerId });
  secrets.push(p.password);
  return p;
};

const sendCode = async (p: TestPerson, contact = p.phone!, channel: 'phone' | 'email' = 'phone', captchaToken?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/password/forgot/send-code',
    payload: { idNumber: p.idNumber, channel, contact, captchaToken: captchaToken ?? (await solveCaptcha(t)) },
  });

const reset = (p: TestPerson, code: string, newPassword = 'Found2026pw') =>
  t.app.inject({ method: 'POST', url: '/api/auth/password/forgot/reset', payload: { idNumber: p.idNumber, code, newPassword } });

/** The newest code as the person's phone or mailbox received it (the gateway), and its outbox row as operations sees it. */
const codeFromOutbox = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/ops/outbox?page=1&pageSize=5', headers: { cookie: opsCookie } });
  expect(res.statusCode).toBe(200);
  const item = res.json().items.find((i: { subject: string }) => i.subject === '找回密码验证码');
  const delivered = t.sent.filter((m) => m.subject === '找回密码验证码').at(-1)!;
  return { item, code: /验证码为(\d{6})/.exec(delivered.body)![1]! };
};

beforeAll(async () => {
  t = await createTestContext();
  employerId = (await createOrg(t, { kind: 'employer', regionCode: '410102' })).id;
  const platform = await t.db.selectFrom('org').select('id').where('kind', '=', 'platform').executeTakeFirstOrThrow();
  const ops = await createPerson(t);
  await createAccount(t, { personId: ops.id, kind: 'admin', orgId: platform.id, isSuperAdmin: true });
  opsCookie = await loginAs(t, { idNumber: ops.idNumber, password: ops.password, role: 'platform' });
});
afterAll(async () => t?.close());

describe('忘记密码 (seed 002: 通过注册时的身份证号码和邮箱号/手机号重置)', () => {
  it('runs the whole round trip: code by SMS, read from the outbox, new password, all sessions ended', async () => {
    const p = await newPro();
    const before = await loginAs(t, { idNumber: p.idNumber, password: p.password, role: 'professional' });
    const sent = await sendCode(p);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({
      ok: true,
      destinationMasked: `${p.phone!.slice(0, 3)}****${p.phone!.slice(-4)}`,
      expiresInSeconds: 600,
      resendAfterSeconds: 60,
    });
    const { item, code } = await codeFromOutbox();
    expect(item).toMatchObject({ channel: 'sms', destinationMasked: `${p.phone!.slice(0, 3)}****${p.phone!.slice(-4)}` });
    expect(item.body).toContain('验证码为******');
    const stored = await t.db.selectFrom('verificationCode').select('codeHash').where('personId', '=', p.id).executeTakeFirstOrThrow();
    expect(stored.codeHash).not.toContain(code);
    const everywhere = JSON.stringify(await t.db.selectFrom('outbox').selectAll().execute());
    expect(everywhere).not.toContain(code);
    const res = await reset(p, code);
    secrets.push(code, 'Found2026pw');
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: before } })).statusCode).toBe(401);
    expect((await tryLogin(t, { idNumber: p.idNumber, password: 'Found2026pw', role: 'professional' })).statusCode).toBe(200);
    expect((await reset(p, code, 'Again2026pw')).json().code).toBe('CODE_INVALID');
    const audit = await t.db.selectFrom('auditLog').selectAll().where('event', '=', 'PASSWORD_RESET_SELF').execute();
    expect(audit).toMatchObject([{ targetId: p.id, outcome: 'success' }]);
  });

  it('refuses a contact that is not the registered one, and says nothing more for an unknown ID', async () => {
    const p = await newPro();
    const ghost = await createPerson(t);
    await t.db.deleteFrom('person').where('id', '=', ghost.id).execute();
    for (const res of [await sendCode(p, '13800000000'), await sendCode(p, 'x@y.cn', 'email'), await sendCode(ghost, '13800000000')]) {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '手机号/邮箱与注册信息不一致' });
    }
    expect(await t.db.selectFrom('verificationCode').selectAll().where('personId', '=', p.id).execute()).toHaveLength(0);
  });

  it('needs a solved captcha', async () => {
    const p = await newPro();
    const payload = { idNumber: p.idNumber, channel: 'phone', contact: p.phone, captchaToken: 'forged' };
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password/forgot/send-code', payload });
    expect(res.json().code).toBe('CAPTCHA_INVALID');
  });

  it('sends by e-mail too, matching the address without regard to case', async () => {
    const p = await newPro({ email: 'Zhang.San@Example.com' });
    const res = await sendCode(p, 'zhang.san@example.com', 'email');
    expect(res.statusCode).toBe(200);
    expect(res.json().destinationMasked).toBe('zh***@example.com');
    const row = await t.db.selectFrom('outbox').selectAll().where('personId', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'email', destination: 'zhang.san@example.com' });
  });

  it('sends at most one code a minute per person; a new code replaces the old one', async () => {
    const p = await newPro();
    expect((await sendCode(p)).statusCode).toBe(200);
    const first = (await codeFromOutbox()).code;
    const again = await sendCode(p);
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('RATE_LIMITED');
    expect(Number(again.headers['retry-after'])).toBe(60);
    t.clock.advance(61_000);
    expect((await sendCode(p)).statusCode).toBe(200);
    const second = (await codeFromOutbox()).code;
    if (first !== second) expect((await reset(p, first)).json().code).toBe('CODE_INVALID');
    expect((await reset(p, second)).statusCode).toBe(200);
  });

  it('sends one code when several requests for the same person arrive at once', async () => {
    const p = await newPro();
    const sentBefore = t.sent.filter((m) => m.destination === p.phone).length;
    const tokens: string[] = [];
    for (let i = 0; i < 4; i++) tokens.push(await solveCaptcha(t));
    const results = await Promise.all(tokens.map((token) => sendCode(p, p.phone!, 'phone', token)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 429, 429, 429]);
    expect(t.sent.filter((m) => m.destination === p.phone).length).toBe(sentBefore + 1);
    t.clock.advance(61_000);
  });

  it('allows five tries of a code: then even the right code is refused', async () => {
    const p = await newPro();
    await sendCode(p);
    const { code } = await codeFromOutbox();
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 4; i >= 0; i--) {
      const res = await reset(p, wrong);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'CODE_INVALID', details: { remainingAttempts: i } });
    }
    expect((await reset(p, code)).json()).toMatchObject({ code: 'CODE_INVALID', message: '验证码已失效，请重新获取' });
    expect((await tryLogin(t, { idNumber: p.idNumber, password: p.password, role: 'professional' })).statusCode).toBe(200);
  });

  it('counts 8 wrong codes sent at once exactly: 5 tries, then the code is spent, even the right one (issue 7 probe)', async () => {
    const p = await newPro();
    await sendCode(p);
    const { code } = await codeFromOutbox();
    const wrong = code === '000000' ? '111111' : '000000';
    const results = await Promise.all(Array.from({ length: 8 }, () => reset(p, wrong)));
    const remaining = results
      .map((r) => r.json().details?.remainingAttempts)
      .filter((n) => n !== undefined)
      .sort();
    expect(remaining).toEqual([0, 1, 2, 3, 4]);
    expect((await reset(p, code)).json().message).toBe('验证码已失效，请重新获取');
    t.clock.advance(61_000);
  });

  it('refuses a code after 10 minutes', async () => {
    const p = await newPro();
    await sendCode(p);
    const { code } = await codeFromOutbox();
    t.clock.advance(minutes(10) + 1000);
    expect((await reset(p, code)).json().code).toBe('CODE_INVALID');
  });

  it('checks the password policy without using up the code, and lifts a login lock', async () => {
    const p = await newPro();
    for (let i = 0; i < 5; i++) await tryLogin(t, { idNumber: p.idNumber, password: 'Wrong1234', role: 'professional' });
    expect((await tryLogin(t, { idNumber: p.idNumber, password: p.password, role: 'professional' })).statusCode).toBe(429);
    await sendCode(p);
    const { code } = await codeFromOutbox();
    expect((await reset(p, code, '12345678')).json().code).toBe('PASSWORD_POLICY');
    expect((await reset(p, code, `Ab${p.idNumber.slice(-6)}`)).json().code).toBe('PASSWORD_POLICY');
    expect((await reset(p, code, 'Unlock2026x')).statusCode).toBe(200);
    expect((await tryLogin(t, { idNumber: p.idNumber, password: 'Unlock2026x', role: 'professional' })).statusCode).toBe(200);
  });
});

describe('platform outbox (GET /api/ops/outbox)', () => {
  it('is for platform operations only and masks destinations', async () => {
    const p = await newPro();
    const proCookie = await loginAs(t, { idNumber: p.idNumber, password: p.password, role: 'professional' });
    expect((await t.app.inject({ method: 'GET', url: '/api/ops/outbox', headers: { cookie: proCookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/ops/outbox' })).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'GET', url: '/api/ops/outbox?pageSize=100', headers: { cookie: opsCookie } });
    const body = res.json();
    expect(body.total).toBeGreaterThan(5);
    const times = body.items.map((i: { createdAt: string }) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(res.body).not.toMatch(/1\d{10}/);
  });

  it('keeps codes, passwords and full ID numbers out of the audit log', async () => {
    expect((await auditLeaks(t, secrets)).leaks).toEqual([]);
  });
});
