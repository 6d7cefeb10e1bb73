import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createTestContext, type TestContext } from '../test/test-context';
import { createAccount, createOrg, createPerson } from '../test/factories';
import { PLATFORM_PROCESS, startServerProcess, stopServerProcess, type ServerProcess } from '../test/server-processes';

/**
 * Two platform processes on one database, as a province runs N of them behind a load balancer (issue 9):
 * whatever one process knows about a person, a session, a captcha or an address, the other knows too, because
 * it lives in PostgreSQL; each process's short session cache (SESSION_CACHE_SECONDS, 5 here) is the only lag.
 */
const CACHE_SECONDS = 5;

const startServer = (databaseUrl: string) =>
  startServerProcess(PLATFORM_PROCESS, {
    DATABASE_URL: databaseUrl,
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'silent',
    SESSION_CACHE_SECONDS: String(CACHE_SECONDS),
  });

let t: TestContext;
let a: ServerProcess;
let b: ServerProcess;
let employerId: string;

beforeAll(async () => {
  t = await createTestContext();
  employerId = (await createOrg(t, { kind: 'employer', regionCode: '410102' })).id;
  [a, b] = await Promise.all([startServer(t.appUrl), startServer(t.appUrl)]);
}, 120_000);
afterAll(async () => {
  await Promise.all([stopServerProcess(a), stopServerProcess(b)]);
  await t?.close();
});

/** A request from one client address (X-Forwarded-For: the processes trust their proxy here). */
const call = async (server: ServerProcess, ip: string, method: string, url: string, body?: unknown, cookie?: string) => {
  const headers: Record<string, string> = { 'x-forwarded-for': ip };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  const res = await fetch(`${server.url}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown>, setCookie: res.headers.get('set-cookie') };
};

/** A slider captcha asked of `issuer` and solved on `solver`: a captcha is a database row, not a process's memory. */
const captchaToken = async (issuer: ServerProcess, solver: ServerProcess, ip: string) => {
  const issued = await call(issuer, ip, 'POST', '/api/auth/captcha');
  expect(issued.status).toBe(200);
  const captchaId = issued.json.captchaId as string;
  const { targetX: x } = await t.db.selectFrom('captcha').select('targetX').where('id', '=', captchaId).executeTakeFirstOrThrow();
  const trace = [
    [0, 0],
    [Math.round(x / 2), 140],
    [x, 320],
  ];
  const solved = await call(solver, ip, 'POST', '/api/auth/captcha/verify', { captchaId, x, trace });
  expect(solved.status).toBe(200);
  return solved.json.captchaToken as string;
};

const professional = async () => {
  const person = await createPerson(t);
  await createAccount(t, { personId: person.id, kind: 'professional', orgId: employerId });
  return person;
};

const login = async (server: ServerProcess, ip: string, token: string, idNumber: string, password: string) =>
  call(server, ip, 'POST', '/api/auth/login', { idNumber, password, role: 'professional', captchaToken: token });

/** Polls until `check` holds or `seconds` pass: the processes' clocks are real, so the test waits on a condition. */
const eventually = async (check: () => Promise<boolean>, seconds: number) => {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

describe('two platform processes on one database', () => {
  it('signs in on one and is recognised on the other; a logout on one ends the session on both', async () => {
    const person = await professional();
    const ip = '10.9.0.1';
    const signedIn = await login(a, ip, await captchaToken(b, a, ip), person.idNumber, person.password);
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.setCookie!.split(';')[0]!;
    const onB = await call(b, ip, 'GET', '/api/auth/session', undefined, cookie);
    expect(onB.status).toBe(200);
    expect((onB.json.person as { name: string }).name).toBe(person.name);
    expect((await call(a, ip, 'GET', '/api/auth/session', undefined, cookie)).status).toBe(200);
    expect((await call(b, ip, 'POST', '/api/auth/logout', undefined, cookie)).status).toBe(200);
    expect((await call(b, ip, 'GET', '/api/auth/session', undefined, cookie)).status).toBe(401);
    // A may answer from its cache for at most CACHE_SECONDS more, then refuses too.
    const endedOnA = await eventually(
      async () => (await call(a, ip, 'GET', '/api/auth/session', undefined, cookie)).status === 401,
      CACHE_SECONDS + 3,
    );
    expect(endedOnA).toBe(true);
  });

  it('holds a lockout earned on both processes: five wrong passwords split between them lock the ID on either', async () => {
    const person = await professional();
    const ip = '10.9.0.2';
    for (let i = 0; i < 5; i++) {
      const server = i % 2 === 0 ? a : b;
      const wrong = await login(server, ip, await captchaToken(server, server, ip), person.idNumber, 'Wrong-password-1');
      expect(wrong.status, `attempt ${i + 1}`).toBe(401);
    }
    for (const server of [a, b]) {
      const locked = await login(server, ip, await captchaToken(server, server, ip), person.idNumber, person.password);
      expect(locked.status).toBe(429);
      expect(locked.json.code).toBe('ACCOUNT_LOCKED');
    }
  });

  it('counts one address’s captcha requests across both processes against one limit', async () => {
    const ip = '10.9.0.3';
    const statuses: number[] = [];
    // The processes run with the deployment's limits, not the test context's raised ones.
    const limit = loadConfig({}).rateLimits.captchaPerIpPerMinute;
    // The limit counts per clock minute: on a busy machine the calls must not straddle two minutes, so near a minute's
    // end the test starts with the next one.
    const leftInMinute = 60_000 - (Date.now() % 60_000);
    if (leftInMinute < 20_000) await new Promise((resolve) => setTimeout(resolve, leftInMinute + 100));
    for (let i = 0; i < limit + 1; i++) {
      statuses.push((await call(i % 2 === 0 ? a : b, ip, 'POST', '/api/auth/captcha')).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('uses a solved captcha once, whichever process it is shown to', async () => {
    const person = await professional();
    const ip = '10.9.0.4';
    const token = await captchaToken(a, a, ip);
    expect((await login(b, ip, token, person.idNumber, person.password)).status).toBe(200);
    const again = await login(a, ip, token, person.idNumber, person.password);
    expect(again.status).toBe(400);
  });
});
