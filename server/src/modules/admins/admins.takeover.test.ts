import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, findBureau, newIdNumber, solveCaptcha, tryLogin, type TestPerson } from '../../test/factories';
import { snapshotTables } from '../../test/db-snapshot';
import { as, signInAdmin, type TestAdmin } from './admins.test-support';

/**
 * Issue 7 finding 1, replayed: an org admin made a professional of another city its admin without their
 * consent, which put the person in its scope for 重置密码; the password became the ID's last six characters.
 * Each step of that chain is refused now, by a county bureau and by an ordinary employer alike.
 */
let t: TestContext;
let victim: TestPerson;
beforeAll(async () => {
  t = await createTestContext();
  victim = await createPerson(t, { name: '受害人', phone: '13866667777' });
  const hospital = await createOrg(t, { kind: 'employer', regionCode: '410302', name: '洛阳某医院' });
  await createAccount(t, { personId: victim.id, kind: 'professional', orgId: hospital.id });
});
afterAll(async () => t?.close());

const attackers: Array<[string, () => Promise<TestAdmin>]> = [
  ['a county bureau', async () => signInAdmin(t, await findBureau(t, '410102'))],
  ['an ordinary employer', async () => signInAdmin(t, await createOrg(t, { kind: 'employer', regionCode: '410105' }))],
];

describe.each(attackers)('the account-takeover chain, attempted by %s', (_who, attacker) => {
  it('learns nothing, gets no account, cannot reset; even after the person consents, the reset names who can', async () => {
    const admin = await attacker();
    const api = as(t, admin.cookie);
    const roleId = (await api('POST', '/api/org/roles', { name: `角色${Math.random()}`, permissions: ['org.admins'] })).json().id;

    const before = await snapshotTables(t);
    const direct = await api('POST', '/api/org/admins', { mode: 'existing', idNumber: victim.idNumber, roleId });
    expect(direct.statusCode).toBe(400);
    expect(await snapshotTables(t)).toEqual(before);

    const invited = await api('POST', '/api/org/admin-invitations', { idNumber: victim.idNumber, roleId });
    expect(invited.statusCode).toBe(201);
    expect(invited.body).not.toContain(victim.name);
    expect(invited.body).not.toContain('7777');

    const victimBefore = await t.db
      .selectFrom('person')
      .select(['passwordHash', 'mustChangePassword'])
      .where('id', '=', victim.id)
      .executeTakeFirstOrThrow();
    const reset = await api('POST', `/api/people/${victim.id}/password-reset`);
    expect(reset.statusCode).toBe(404);
    expect(
      await t.db.selectFrom('person').select(['passwordHash', 'mustChangePassword']).where('id', '=', victim.id).executeTakeFirstOrThrow(),
    ).toEqual(victimBefore);
    expect((await tryLogin(t, { idNumber: victim.idNumber, password: victim.idNumber.slice(-6), role: 'professional' })).json().code).toBe(
      'WRONG_PASSWORD',
    );

    const victimLogin = await tryLogin(t, { idNumber: victim.idNumber, password: victim.password, role: 'professional' });
    const mine = as(t, victimLogin.cookies.map((c) => `${c.name}=${c.value}`).join('; '));
    expect((await mine('POST', `/api/me/admin-invitations/${invited.json().id}/accept`)).statusCode).toBe(200);
    const afterConsent = await api('POST', `/api/people/${victim.id}/password-reset`);
    expect(afterConsent.statusCode).toBe(403);
    expect(afterConsent.json().message).toBe('该人员在您的管理范围之外还有账号，请联系河南省人力资源和社会保障厅重置密码');
    expect(
      await t.db.selectFrom('person').select(['passwordHash', 'mustChangePassword']).where('id', '=', victim.id).executeTakeFirstOrThrow(),
    ).toEqual(victimBefore);
    await mine('POST', '/api/auth/logout');
  });
});

describe('the chain through a phone an org typed in (issue 7 probe, finding 2)', () => {
  it('an org that created a person cannot recover their account with the phone it chose, nor keep the password it set', async () => {
    const county = await signInAdmin(t, await findBureau(t, '410104'));
    const api = as(t, county.cookie);
    const roleId = (await api('POST', '/api/org/roles', { name: '代建角色', permissions: ['org.divisions'] })).json().id;
    const idNumber = newIdNumber();
    const orgPhone = '13800009999';
    expect((await api('POST', '/api/org/admins', { idNumber, name: '被代建人', phone: orgPhone, password: 'Known2026pw', roleId })).statusCode).toBe(
      201,
    );

    const first = await tryLogin(t, { idNumber, password: 'Known2026pw', role: 'hrBureau' });
    expect(first.json().mustChangePassword).toBe(true);
    const person = await t.db.selectFrom('person').select(['id', 'contactsConfirmed']).where('idNumber', '=', idNumber).executeTakeFirstOrThrow();
    expect(person.contactsConfirmed).toBe(false);

    const before = await snapshotTables(t);
    const forgot = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/forgot/send-code',
      payload: { idNumber, channel: 'phone', contact: orgPhone, captchaToken: await solveCaptcha(t) },
    });
    expect(forgot.statusCode).toBe(400);
    expect(forgot.json().message).toContain('由单位管理员代为填写');
    expect(t.sent.filter((m) => m.destination === orgPhone)).toEqual([]);
    expect(await snapshotTables(t)).toEqual(before);
  });
});
