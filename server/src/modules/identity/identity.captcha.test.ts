import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, solveCaptcha, tryLogin, type TestPerson } from '../../test/factories';

let t: TestContext;
let pro: TestPerson;

const challenge = async (ctx: TestContext = t) => {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/captcha' });
  const body = res.json();
  const row = await ctx.db.selectFrom('captcha').selectAll().where('id', '=', body.captchaId).executeTakeFirstOrThrow();
  return { res, body, row };
};

const verify = (captchaId: string, x: number, trace: Array<[number, number]>) =>
  t.app.inject({ method: 'POST', url: '/api/auth/captcha/verify', payload: { captchaId, x, trace } });

const humanTrace = (x: number): Array<[number, number]> => [
  [0, 0],
  [x / 3, 90],
  [(2 * x) / 3, 180],
  [x, 300],
];

const login = (captchaToken: string | null) => tryLogin(t, { idNumber: pro.idNumber, password: pro.password, role: 'professional', captchaToken });

beforeAll(async () => {
  t = await createTestContext();
  const employer = await createOrg(t, { kind: 'employer', regionCode: '410102' });
  pro = await createPerson(t);
  await createAccount(t, { personId: pro.id, kind: 'professional', orgId: employer.id });
});
afterAll(async () => t?.close());

describe('slider captcha (SECURITY A5)', () => {
  it('issues a puzzle drawn as PNG pixels, so its answer is nowhere in it as text (issue 7 finding 3)', async () => {
    const { res, body, row } = await challenge();
    expect(res.statusCode).toBe(200);
    expect(body).toMatchObject({ width: 300, height: 150, pieceSize: 44, expiresInSeconds: 120 });
    for (const picture of [body.background, body.piece]) {
      expect(picture).toMatch(/^data:image\/png;base64,/);
      const bytes = Buffer.from(picture.split(',')[1], 'base64');
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(bytes.toString('latin1')).not.toMatch(/<svg|path|\bd=/);
    }
    const png = PNG.sync.read(Buffer.from(body.background.split(',')[1], 'base64'));
    expect([png.width, png.height]).toEqual([300, 150]);
    expect(Object.keys(body)).not.toContain('targetX');
    expect(row.targetX).toBeGreaterThanOrEqual(40);
    expect(row.targetX).toBeLessThanOrEqual(240);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(120_000);
  });

  it('accepts a drop within 6 px with a human-like drag, and stores only a hash of the token', async () => {
    const { body, row } = await challenge();
    const res = await verify(body.captchaId, row.targetX + 6, humanTrace(row.targetX + 6));
    expect(res.statusCode).toBe(200);
    const token = res.json().captchaToken as string;
    const stored = await t.db.selectFrom('captcha').selectAll().where('id', '=', body.captchaId).executeTakeFirstOrThrow();
    expect(stored.tokenHash).toBeTruthy();
    expect(stored.tokenHash).not.toContain(token);
  });

  it('refuses a wrong position and burns the challenge, so a second answer fails too', async () => {
    const { body, row } = await challenge();
    const wrong = await verify(body.captchaId, row.targetX + 7, humanTrace(row.targetX + 7));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'CAPTCHA_INVALID', message: '滑块验证失败，请重新验证' });
    const again = await verify(body.captchaId, row.targetX, humanTrace(row.targetX));
    expect(again.json().code).toBe('CAPTCHA_INVALID');
  });

  it('refuses drags that no person makes', async () => {
    const cases: Array<(x: number) => Array<[number, number]>> = [
      (x) => [
        [0, 0],
        [x, 300],
      ],
      (x) => [
        [0, 0],
        [x / 2, 50],
        [x, 100],
      ],
      (x) => [
        [0, 0],
        [x / 2, 200],
        [x, 150],
      ],
      (x) => [
        [0, 0],
        [x / 2, 150],
        [x + 40, 300],
      ],
    ];
    for (const trace of cases) {
      const { body, row } = await challenge();
      expect((await verify(body.captchaId, row.targetX, trace(row.targetX))).statusCode).toBe(400);
    }
  });

  it('refuses an answer after the challenge expired', async () => {
    const { body, row } = await challenge();
    t.clock.advance(121_000);
    expect((await verify(body.captchaId, row.targetX, humanTrace(row.targetX))).json().code).toBe('CAPTCHA_INVALID');
  });

  it('lets a token through login once: a replay, a forged or a missing token is 400 CAPTCHA_INVALID', async () => {
    const token = await solveCaptcha(t);
    expect((await login(token)).statusCode).toBe(200);
    const replay = await login(token);
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('CAPTCHA_INVALID');
    expect((await login('forged-token-value')).json().code).toBe('CAPTCHA_INVALID');
    const missing = await login(null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('CAPTCHA_INVALID');
    const fails = await t.db.selectFrom('auditLog').select('reason').where('event', '=', 'LOGIN_FAIL').execute();
    expect(fails.filter((f) => f.reason === 'CAPTCHA_INVALID')).toHaveLength(3);
  });

  it('never counts a missing or bad captcha toward the lockout of the submitted ID (issue 7 finding 2)', async () => {
    for (let i = 0; i < 12; i++) {
      const res = await tryLogin(t, {
        idNumber: pro.idNumber,
        password: 'Wrong#pass1',
        role: 'professional',
        captchaToken: i % 2 ? null : 'forged-token',
      });
      expect(res.json().code).toBe('CAPTCHA_INVALID');
    }
    const throttle = await t.db.selectFrom('loginThrottle').select('key').execute();
    expect(throttle).toEqual([]);
    expect((await login(await solveCaptcha(t))).statusCode).toBe(200);
  });

  it('refuses a token that expired 120 s after it was earned', async () => {
    const token = await solveCaptcha(t);
    t.clock.advance(121_000);
    expect((await login(token)).json().code).toBe('CAPTCHA_INVALID');
  });
});

describe('per-IP limits (SECURITY A5, I5)', () => {
  let limited: TestContext;
  beforeAll(async () => {
    limited = await createTestContext({
      configure: (c) => {
        c.rateLimits.captchaPerIpPerMinute = 3;
        c.rateLimits.loginPerIpPerMinute = 2;
      },
    });
  });
  afterAll(async () => limited?.close());

  it('limits captcha issue per IP per minute with 429 and an audit row', async () => {
    for (let i = 0; i < 3; i++) expect((await challenge(limited)).res.statusCode).toBe(200);
    const res = await limited.app.inject({ method: 'POST', url: '/api/auth/captcha' });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await limited.app.inject({ method: 'POST', url: '/api/auth/captcha' })).statusCode).toBe(429);
    const rows = await limited.db.selectFrom('auditLog').selectAll().where('event', '=', 'RATE_LIMITED').execute();
    expect(rows).toMatchObject([{ reason: 'captcha', outcome: 'failure' }]);
    limited.clock.advance(60_000);
    expect((await challenge(limited)).res.statusCode).toBe(200);
  });

  it('limits login attempts per IP before looking at the account or the captcha', async () => {
    const payload = { idNumber: pro.idNumber, password: 'x', role: 'professional', captchaToken: 'none' };
    for (let i = 0; i < 2; i++) {
      expect((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload })).json().code).toBe('CAPTCHA_INVALID');
    }
    const res = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('RATE_LIMITED');
    const rows = await limited.db.selectFrom('auditLog').select('reason').where('event', '=', 'RATE_LIMITED').execute();
    expect(rows.map((r) => r.reason)).toContain('login');
  });
});

describe('the source a per-address limit counts (issue 7 probe)', () => {
  it('takes an IPv6 address by its /64, an IPv4 (also mapped) as it is', async () => {
    const { sourceOf } = await import('./identity.rate-limit');
    expect(sourceOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceOf('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(sourceOf('203.0.113.5')).toBe('203.0.113.5');
    expect(sourceOf(undefined)).toBe('');
  });
});
