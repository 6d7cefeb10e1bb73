import { createHash, randomInt } from 'node:crypto';
import type { LoginRole, OrgKind } from '@cep/contracts';
import { hashPassword } from '../platform/auth/passwords';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../platform/auth/sessions';
import { demoIdNumber } from '../demo/demo-ids';
import type { TestContext } from './test-context';

export const TEST_PASSWORD = 'Kx9#test2026';

let personCounter = 0;
const baseDay = randomInt(0, 9000);

/** A fresh valid ID number (checksummed, real birth date) that no other call of this process returns. */
export const newIdNumber = (regionCode = '410102') => {
  const n = personCounter++;
  const birth = new Date(Date.UTC(1965, 0, 1) + (baseDay + n) * 86_400_000).toISOString().slice(0, 10);
  return demoIdNumber(regionCode, birth, randomInt(0, 1000));
};

export type TestPerson = { id: string; idNumber: string; name: string; password: string; phone: string | null; email: string | null };

export const createPerson = async (
  t: TestContext,
  input: { idNumber?: string; name?: string; password?: string; phone?: string | null; email?: string | null } = {},
): Promise<TestPerson> => {
  const idNumber = input.idNumber ?? newIdNumber();
  const password = input.password ?? TEST_PASSWORD;
  const name = input.name ?? `测试人员${personCounter}`;
  const phone = input.phone === undefined ? `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}` : input.phone;
  const email = input.email ?? null;
  const row = await t.db
    .insertInto('person')
    .values({ idNumber, name, phone, email, passwordHash: await hashPassword(password) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, idNumber, name, password, phone, email };
};

/** The provisioned HR bureau of a region (410000 province, 410100 郑州市, 410102 中原区 ...). */
export const findBureau = (t: TestContext, regionCode: string) =>
  t.db.selectFrom('org').selectAll().where('kind', '=', 'hrBureau').where('regionCode', '=', regionCode).executeTakeFirstOrThrow();

export type TestOrg = Awaited<ReturnType<typeof findBureau>>;

/** An org under `superiorId` (default: the bureau of its region), with its materialized path computed. */
export const createOrg = async (
  t: TestContext,
  input: { kind: OrgKind; superiorId?: string; regionCode?: string; name?: string; status?: TestOrg['status'] },
): Promise<TestOrg> => {
  const superior = input.superiorId
    ? await t.db.selectFrom('org').selectAll().where('id', '=', input.superiorId).executeTakeFirstOrThrow()
    : await findBureau(t, input.regionCode ?? '410102');
  const regionCode = input.regionCode ?? superior.regionCode;
  const row = await t.db
    .insertInto('org')
    .values({
      kind: input.kind,
      name: input.name ?? `测试${input.kind}${randomInt(0, 1_000_000)}`,
      regionCode,
      superiorId: superior.id,
      path: '',
      status: input.status ?? 'active',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return t.db
    .updateTable('org')
    .set({ path: `${superior.path}${row.id}/` })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
};

export const createAccount = async (
  t: TestContext,
  input: {
    personId: string;
    kind: 'professional' | 'admin';
    orgId: string;
    isSuperAdmin?: boolean;
    status?: 'pending' | 'active' | 'disabled' | 'rejected' | 'withdrawn';
    roleId?: string | null;
  },
) =>
  t.db
    .insertInto('account')
    .values({
      personId: input.personId,
      kind: input.kind,
      orgId: input.orgId,
      isSuperAdmin: input.isSuperAdmin ?? false,
      status: input.status ?? 'active',
      roleId: input.roleId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

/** An active professional of the org with its registered title (as registration leaves one): person, account, profile. */
export const createProfessional = async (
  t: TestContext,
  input: { orgId: string; name?: string; titleSeries?: string; titleLevel?: 'junior' | 'intermediate' | 'senior' | 'none' },
) => {
  const person = await createPerson(t, { name: input.name });
  const account = await createAccount(t, { personId: person.id, kind: 'professional', orgId: input.orgId });
  await t.db
    .insertInto('professionalProfile')
    .values({
      accountId: account.id,
      personId: person.id,
      titleSeries: input.titleSeries ?? 'health',
      titleLevel: input.titleLevel ?? 'intermediate',
      major: 'medicine',
      titleObtainedOn: '2018-09-01',
      gender: 'female',
      birthDate: '1988-05-20',
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    .execute();
  return { person, account };
};

/** Solves a slider challenge through the API (the target is read from the DB row) and returns the token. */
export const solveCaptcha = async (t: TestContext, headers: Record<string, string> = {}) => {
  const challenge = await t.app.inject({ method: 'POST', url: '/api/auth/captcha', headers });
  const { captchaId } = challenge.json() as { captchaId: string };
  const row = await t.db.selectFrom('captcha').select('targetX').where('id', '=', captchaId).executeTakeFirstOrThrow();
  const x = row.targetX;
  const trace = [
    [0, 0],
    [Math.round(x / 2), 140],
    [x, 320],
  ];
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/captcha/verify', payload: { captchaId, x, trace }, headers });
  if (res.statusCode !== 200) throw new Error(`captcha verify failed: ${res.body}`);
  return (res.json() as { captchaToken: string }).captchaToken;
};

export type LoginAttempt = { idNumber: string; password: string; role: LoginRole; captchaToken?: string | null };

/** POST /api/auth/login with a freshly solved captcha (unless one is given, or null for none). */
export const tryLogin = async (t: TestContext, input: LoginAttempt, headers: Record<string, string> = {}) => {
  const captchaToken = input.captchaToken === undefined ? await solveCaptcha(t, headers) : (input.captchaToken ?? undefined);
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { ...input, captchaToken }, headers });
};

export const sessionCookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE || c.name === SECURE_SESSION_COOKIE);
  return cookie ? `${cookie.name}=${cookie.value}` : null;
};

/**
 * Marks a signed-in admin's session as past its second factor. Only a fixture: the tests of the second
 * factor itself (identity.mfa.test.ts, the browser tests) go through its endpoints.
 */
export const passSecondFactor = async (t: TestContext, cookie: string) => {
  const token = cookie.split('=').slice(1).join('=');
  await t.db.updateTable('session').set({ mfaPending: null }).where('id', '=', createHash('sha256').update(token).digest('base64url')).execute();
};

/** Logs in through the API (an admin past the second factor) and returns the Cookie header for later `inject` calls. */
export const loginAs = async (
  t: TestContext,
  input: { idNumber: string; password: string; role: LoginRole },
  headers: Record<string, string> = {},
) => {
  const res = await tryLogin(t, input, headers);
  const cookie = sessionCookieOf(res);
  if (res.statusCode !== 200 || !cookie) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  if (res.json().mfaStep) await passSecondFactor(t, cookie);
  return cookie;
};
