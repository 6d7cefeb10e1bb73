import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb } from '../db/database';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, findBureau, loginAs, solveCaptcha } from '../../test/factories';
import { signInAdmin } from '../../modules/admins/admins.test-support';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('platform', () => {
  it('serves the OpenAPI document and /api/docs to signed-in admins only (issue 7 item 7)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(401);
    for (const encoded of ['/%61pi/openapi.json', '/%61pi/docs', '/%61pi/docs/json', '/api%2Fdocs/json']) {
      const res = await t.app.inject({ method: 'GET', url: encoded });
      expect(res.statusCode, encoded).not.toBe(200);
    }
    const encodedRoute = await t.app.inject({ method: 'GET', url: '/%61pi/inbox' });
    expect([encodedRoute.statusCode, encodedRoute.headers['cache-control']]).toEqual([401, 'no-store']);
    const employer = await createOrg(t, { kind: 'employer' });
    const pro = await createPerson(t);
    await createAccount(t, { personId: pro.id, kind: 'professional', orgId: employer.id });
    const proCookie = await loginAs(t, { idNumber: pro.idNumber, password: pro.password, role: 'professional' });
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { cookie: proCookie } })).statusCode).toBe(403);
    const admin = await signInAdmin(t, employer);
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toBe('3.1.0');
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/', headers: { cookie: admin.cookie } })).statusCode).toBe(200);
  });

  it('answers unknown API paths with the error shape and a Chinese message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '接口不存在' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the security headers: a same-origin CSP with no framing, nosniff, a referrer policy, no caching of API data (SECURITY I6, P6, R2)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/profile/options' });
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
    });
  });

  it('refuses a write from a foreign origin', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/nope', headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('provisions a bureau for every region with a materialized path', async () => {
    const regions = await t.db
      .selectFrom('region')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bureaus = await t.db
      .selectFrom('org')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'hrBureau')
      .executeTakeFirstOrThrow();
    expect(bureaus.n).toBe(regions.n);
    const county = await findBureau(t, '410102');
    const city = await findBureau(t, '410100');
    expect(county.name).toBe('中原区人力资源和社会保障局');
    expect(county.path.startsWith(city.path)).toBe(true);
    expect(county.superiorId).toBe(city.id);
  });

  it('keeps the audit log append-only: the platform role may only add rows, and even the owner meets the trigger', async () => {
    await t.db.insertInto('auditLog').values({ at: new Date(), event: 'TEST', outcome: 'success' }).execute();
    await expect(sql`update audit_log set event = 'X'`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/permission denied/);
    const owner = createDb(t.ownerUrl, 1);
    try {
      await expect(sql`update audit_log set event = 'X'`.execute(owner)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(owner)).rejects.toThrow(/append-only/);
      await expect(sql`truncate audit_log`.execute(owner)).rejects.toThrow(/append-only/);
    } finally {
      await owner.destroy();
    }
  });
});

describe('HTTPS: Secure __Host- cookie, HSTS, redirect, and a docs switch (issue 7 item 7; SECURITY A7, A12)', () => {
  let proxied: TestContext;
  let strict: TestContext;
  beforeAll(async () => {
    proxied = await createTestContext({ configure: (c) => (c.trustProxy = true) });
    strict = await createTestContext({ configure: (c) => Object.assign(c, { trustProxy: true, httpsOnly: true, apiDocs: 'off' }) });
  });
  afterAll(async () => {
    await proxied?.close();
    await strict?.close();
  });

  const loginVia = async (ctx: TestContext, proto: string) => {
    const employer = await createOrg(ctx, { kind: 'employer' });
    const pro = await createPerson(ctx);
    await createAccount(ctx, { personId: pro.id, kind: 'professional', orgId: employer.id });
    const payload = { idNumber: pro.idNumber, password: pro.password, role: 'professional', captchaToken: await solveCaptcha(ctx) };
    return ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'x-forwarded-proto': proto } });
  };

  it('over HTTPS (as a trusted proxy says) sets a Secure __Host- session cookie and HSTS; the cookie works', async () => {
    const res = await loginVia(proxied, 'https');
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-cep_sid=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const session = await proxied.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: cookie.split(';')[0]!, 'x-forwarded-proto': 'https' },
    });
    expect(session.statusCode).toBe(200);
  });

  it('over plain HTTP, or with the header from an untrusted client, sends neither Secure nor HSTS', async () => {
    for (const [ctx, proto] of [
      [proxied, 'http'],
      [t, 'https'],
    ] as const) {
      const res = await loginVia(ctx, proto);
      expect(String(res.headers['set-cookie'])).toMatch(/^cep_sid=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('with HTTPS_ONLY redirects plain HTTP to HTTPS, and with API_DOCS=off hides the docs from everyone', async () => {
    const res = await strict.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { host: 'cep.example.cn', 'x-forwarded-proto': 'http' },
    });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('https://cep.example.cn/api/auth/session');
    const admin = await signInAdmin(strict, await createOrg(strict, { kind: 'employer' }), { headers: { 'x-forwarded-proto': 'https' } });
    expect(
      (await strict.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { cookie: admin.cookie, 'x-forwarded-proto': 'https' } }))
        .statusCode,
    ).toBe(404);
  });
});
