import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, loginAs } from '../../test/factories';

/**
 * The session cache (SESSION_CACHE_SECONDS, here 5): what this process changes takes effect at once; what only
 * the database saw (another process's change, simulated by writing the database directly) within 5 seconds.
 */
let t: TestContext;
let employerId: string;

const CACHE_SECONDS = 5;

beforeAll(async () => {
  t = await createTestContext({
    configure: (c) => {
      c.session.cacheSeconds = CACHE_SECONDS;
    },
  });
  employerId = (await createOrg(t, { kind: 'employer', regionCode: '410102' })).id;
});
afterAll(async () => t?.close());

const signedIn = async () => {
  const p = await createPerson(t);
  const account = await createAccount(t, { personId: p.id, kind: 'professional', orgId: employerId });
  const cookie = await loginAs(t, { idNumber: p.idNumber, password: p.password, role: 'professional' });
  return { person: p, accountId: account.id, cookie };
};

const session = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
const sessionIdOf = (cookie: string) => createHash('sha256').update(cookie.split('=').slice(1).join('=')).digest('base64url');

describe('session cache (issue 9)', () => {
  it('answers from memory: a session row deleted behind its back still serves, for at most the cache time', async () => {
    const { cookie } = await signedIn();
    expect((await session(cookie)).statusCode).toBe(200);
    await t.db.deleteFrom('session').where('id', '=', sessionIdOf(cookie)).execute();
    // Within the bound the cached session still answers: the cache is really in use.
    t.clock.advance(CACHE_SECONDS * 1000 - 1000);
    expect((await session(cookie)).statusCode).toBe(200);
    t.clock.advance(1000);
    const after = await session(cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('SESSION_EXPIRED');
  });

  it('stops a disabled account within the cache time', async () => {
    const { cookie, accountId } = await signedIn();
    expect((await session(cookie)).statusCode).toBe(200);
    await t.db.updateTable('account').set({ status: 'disabled' }).where('id', '=', accountId).execute();
    t.clock.advance(CACHE_SECONDS * 1000);
    expect((await session(cookie)).statusCode).toBe(401);
  });

  it('ends a session at once when this process ends it (logout)', async () => {
    const { cookie } = await signedIn();
    expect((await session(cookie)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(200);
    expect((await session(cookie)).statusCode).toBe(401);
  });

  it('applies a password change at once: the other sessions end, this one may do everything again', async () => {
    const { person, cookie } = await signedIn();
    const other = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' });
    expect((await session(other)).statusCode).toBe(200);
    await t.db.updateTable('person').set({ mustChangePassword: true }).where('id', '=', person.id).execute();
    t.clock.advance(CACHE_SECONDS * 1000);
    expect((await session(cookie)).json().mustChangePassword).toBe(true);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/change',
      headers: { cookie },
      payload: { oldPassword: person.password, newPassword: 'Changed2026pw' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await session(cookie)).json().mustChangePassword).toBe(false);
    expect((await session(other)).statusCode).toBe(401);
  });
});
