import { randomInt } from 'node:crypto';
import { creditCodeCheckChar, type LoginRole, type RegistrationKind } from '@cep/contracts';
import type { TestContext } from '../../test/test-context';
import { createAccount, createPerson, loginAs, newIdNumber, solveCaptcha } from '../../test/factories';

export const REG_PASSWORD = 'Reg#pass8x';

let ipCounter = 1;
/** Each registration call from its own address, so the per-IP limit does not trip across a test file. */
export const nextIp = () => `10.9.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

export const newCreditCode = () => {
  const first17 = `12410100${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

let nameCounter = 0;
const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨';
export const newPersonName = () => `${surnames[nameCounter++ % surnames.length]}测${'一二三四五六七八九十'[nameCounter % 10]}`;

export const newApplicant = (overrides: Record<string, unknown> = {}) => ({
  existingUser: false,
  idType: '身份证',
  idNumber: newIdNumber('410105'),
  password: REG_PASSWORD,
  name: newPersonName(),
  phone: `138${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
  email: 'reg@example.cn',
  ...overrides,
});

export const orgInput = (overrides: Record<string, unknown> = {}) => ({
  applicant: newApplicant(),
  orgName: `测试单位${randomInt(0, 1_000_000)}`,
  creditCode: newCreditCode(),
  nature: 'institution',
  orgLevel: 'divisional',
  industry: 'Q',
  orgPhone: '0371-66668888',
  address: '郑州市金水区花园路1号',
  regionCode: '410105',
  ...overrides,
});

export const professionalInput = (employerId: string, overrides: Record<string, unknown> = {}) => ({
  applicant: newApplicant(),
  employerId,
  titleSeries: 'health',
  titleLevel: 'intermediate',
  major: '10',
  titleObtainedOn: '2020-09-01',
  ...overrides,
});

/** POST a registration from its own address, with a freshly solved slider unless the payload brings a token (or null for none). */
export const register = async (t: TestContext, kind: RegistrationKind, payload: object, ip = nextIp()) => {
  const given = (payload as { captchaToken?: string | null }).captchaToken;
  const captchaToken = given === undefined ? await solveCaptcha(t) : (given ?? undefined);
  return t.app.inject({ method: 'POST', url: `/api/registrations/${kind}`, payload: { ...payload, captchaToken }, remoteAddress: ip });
};

/**
 * An admin of `org`, logged in: its super admin the first time, then admins holding a role with the
 * review modules (an org has one super admin).
 */
export const adminOf = async (t: TestContext, org: { id: string; kind: string }) => {
  const person = await createPerson(t);
  const hasSuper = await t.db.selectFrom('account').select('id').where('orgId', '=', org.id).where('isSuperAdmin', '=', true).executeTakeFirst();
  let roleId: string | null = null;
  if (hasSuper) {
    const permissions = ['reviews.authorities', 'reviews.employers', 'reviews.providers', 'reviews.professionals'];
    const role = await t.db
      .insertInto('role')
      .values({ orgId: org.id, name: `审核员${randomInt(0, 1_000_000)}`, permissions })
      .returning('id')
      .executeTakeFirstOrThrow();
    roleId = role.id;
  }
  await createAccount(t, { personId: person.id, kind: 'admin', orgId: org.id, isSuperAdmin: !hasSuper, roleId });
  const cookie = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: org.kind as LoginRole });
  return { cookie, person };
};

export const requestVersion = async (t: TestContext, requestId: string) =>
  (await t.db.selectFrom('request').select('version').where('id', '=', requestId).executeTakeFirstOrThrow()).version;

export const decide = async (t: TestContext, cookie: string, requestId: string, decision: 'approve' | 'reject', reason?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/reviews/${requestId}/${decision}`,
    headers: { cookie },
    payload: { version: await requestVersion(t, requestId), ...(reason ? { reason } : {}) },
  });

/** Row counts of everything a registration writes, to show a refusal changed nothing. */
export const snapshot = async (t: TestContext) => {
  const count = async (table: 'person' | 'org' | 'account' | 'request' | 'professionalProfile') =>
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return {
    person: await count('person'),
    org: await count('org'),
    account: await count('account'),
    request: await count('request'),
    profile: await count('professionalProfile'),
  };
};

export const lookup = async (t: TestContext, body: { name: string; idNumber: string }, captcha = true) =>
  t.app.inject({
    method: 'POST',
    url: '/api/registrations/lookup',
    remoteAddress: nextIp(),
    payload: { ...body, ...(captcha ? { captchaToken: await solveCaptcha(t) } : {}) },
  });
