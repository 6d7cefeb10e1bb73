import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, findBureau, loginAs, tryLogin } from '../../test/factories';
import { adminOf, decide, orgInput, professionalInput, REG_PASSWORD, register } from './registration.test-support';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The reviewing orgs have admins, as in a deployment: one without any is passed over for the one above it.
  for (const code of ['410000', '410100', '410105']) await adminOf(t, await findBureau(t, code));
});

/** An org made for a test, with an admin, so that requests are routed to it. */
const staffedOrg = async (input: Parameters<typeof createOrg>[1]) => {
  const org = await createOrg(t, input);
  await adminOf(t, org);
  return org;
};
afterAll(async () => t?.close());

const orgOfRequest = async (requestId: string) => {
  const request = await t.db
    .selectFrom('request')
    .select(['subjectOrgId', 'currentReviewerOrgId', 'currentPermission', 'status'])
    .where('id', '=', requestId)
    .executeTakeFirstOrThrow();
  const org = await t.db.selectFrom('org').selectAll().where('id', '=', request.subjectOrgId).executeTakeFirstOrThrow();
  return { request, org };
};

describe('registration of each kind, routed to the chosen superior', () => {
  it('authority -> the peer bureau of its region; approval activates org and admin, who can then log in', async () => {
    const bureau = await findBureau(t, '410100');
    const input = orgInput({ regionCode: '410100', orgName: '郑州市卫生健康委员会', nature: 'government', orgLevel: 'departmental' });
    const res = await register(t, 'authority', input);
    expect(res.statusCode).toBe(201);
    const receipt = res.json();
    expect(receipt.reviewer).toMatchObject({ orgId: bureau.id, name: '郑州市人力资源和社会保障局', regionName: expect.stringContaining('郑州市') });
    const { request, org } = await orgOfRequest(receipt.requestId);
    expect(request).toMatchObject({ currentReviewerOrgId: bureau.id, currentPermission: 'reviews.authorities', status: 'pending' });
    expect(org).toMatchObject({
      kind: 'authority',
      status: 'pending',
      superiorId: bureau.id,
      regionCode: '410100',
      path: `${bureau.path}${org.id}/`,
    });
    const account = await t.db.selectFrom('account').selectAll().where('orgId', '=', org.id).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ kind: 'admin', isSuperAdmin: true, status: 'pending' });
    const person = await t.db.selectFrom('person').select('passwordHash').where('id', '=', account.personId).executeTakeFirstOrThrow();
    expect(person.passwordHash.startsWith('$argon2id$')).toBe(true);

    const pending = await tryLogin(t, { idNumber: input.applicant.idNumber, password: REG_PASSWORD, role: 'authority' });
    expect(pending.statusCode).toBe(403);
    expect(pending.json()).toMatchObject({ code: 'ACCOUNT_UNDER_REVIEW', details: { reviewer: { orgName: bureau.name } } });

    const reviewer = await adminOf(t, bureau);
    const approved = await decide(t, reviewer.cookie, receipt.requestId, 'approve');
    expect(approved.statusCode).toBe(200);
    expect((await t.db.selectFrom('org').select('status').where('id', '=', org.id).executeTakeFirstOrThrow()).status).toBe('active');
    expect((await t.db.selectFrom('account').select('status').where('id', '=', account.id).executeTakeFirstOrThrow()).status).toBe('active');
    await loginAs(t, { idNumber: input.applicant.idNumber, password: REG_PASSWORD, role: 'authority' });
  });

  it('employer without parent or authority -> peer bureau of its county; with an authority -> the authority', async () => {
    const county = await findBureau(t, '410105');
    const plain = await register(t, 'employer', orgInput({ regionCode: '410105' }));
    expect(plain.statusCode).toBe(201);
    expect(plain.json().reviewer.orgId).toBe(county.id);

    const authority = await staffedOrg({
      kind: 'authority',
      regionCode: '410100',
      superiorId: (await findBureau(t, '410100')).id,
      name: '郑州市教育局',
    });
    const res = await register(t, 'employer', orgInput({ regionCode: '410105', authorityId: authority.id }));
    expect(res.statusCode).toBe(201);
    const { request, org } = await orgOfRequest(res.json().requestId);
    expect(request).toMatchObject({ currentReviewerOrgId: authority.id, currentPermission: 'reviews.employers' });
    // Seed 000 #6: the region follows the superior.
    expect(org).toMatchObject({ superiorId: authority.id, regionCode: '410100', path: `${authority.path}${org.id}/` });
  });

  it('employer with a parent employer (二级单位) -> the parent, whose admin approves it', async () => {
    const parent = await staffedOrg({ kind: 'employer', regionCode: '410105', name: '郑州大学第一附属医院' });
    const res = await register(t, 'employer', orgInput({ parentOrgId: parent.id, orgName: '郑州大学第一附属医院东院区' }));
    expect(res.statusCode).toBe(201);
    const { request, org } = await orgOfRequest(res.json().requestId);
    expect(request.currentReviewerOrgId).toBe(parent.id);
    expect(org.path).toBe(`${parent.path}${org.id}/`);
    const reviewer = await adminOf(t, parent);
    expect((await decide(t, reviewer.cookie, res.json().requestId, 'approve')).statusCode).toBe(200);
  });

  it('provider -> its authority when chosen, else the bureau of its region', async () => {
    const cityBureau = await findBureau(t, '410100');
    const authority = await staffedOrg({ kind: 'authority', superiorId: cityBureau.id, name: '郑州市卫生健康委员会' });
    const viaAuthority = await register(t, 'provider', orgInput({ authorityId: authority.id }));
    expect(viaAuthority.statusCode).toBe(201);
    expect((await orgOfRequest(viaAuthority.json().requestId)).request).toMatchObject({
      currentReviewerOrgId: authority.id,
      currentPermission: 'reviews.providers',
    });
    const viaBureau = await register(t, 'provider', orgInput({ regionCode: '410100' }));
    expect(viaBureau.json().reviewer.orgId).toBe(cityBureau.id);
    const reviewer = await adminOf(t, authority);
    expect((await decide(t, reviewer.cookie, viaAuthority.json().requestId, 'approve')).statusCode).toBe(200);
  });

  it('professional -> the chosen employer; pending login names the employer; approval then login works', async () => {
    const employer = await staffedOrg({ kind: 'employer', regionCode: '410105', name: '金水区人民医院' });
    const input = professionalInput(employer.id);
    const res = await register(t, 'professional', input);
    expect(res.statusCode).toBe(201);
    const { request } = await orgOfRequest(res.json().requestId);
    expect(request).toMatchObject({ currentReviewerOrgId: employer.id, currentPermission: 'reviews.professionals' });
    const account = await t.db
      .selectFrom('account')
      .selectAll()
      .where('orgId', '=', employer.id)
      .where('kind', '=', 'professional')
      .executeTakeFirstOrThrow();
    const profile = await t.db.selectFrom('professionalProfile').selectAll().where('accountId', '=', account.id).executeTakeFirstOrThrow();
    const idNumber = input.applicant.idNumber;
    expect(profile).toMatchObject({
      titleSeries: 'health',
      titleLevel: 'intermediate',
      major: '10',
      titleObtainedOn: '2020-09-01',
      birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    });
    expect(profile.gender).toBe(Number(idNumber[16]) % 2 ? 'male' : 'female');

    const pending = await tryLogin(t, { idNumber, password: REG_PASSWORD, role: 'professional' });
    expect(pending.json()).toMatchObject({ code: 'ACCOUNT_UNDER_REVIEW', details: { reviewer: { orgName: '金水区人民医院' } } });
    const reviewer = await adminOf(t, employer);
    const detail = await t.app.inject({ method: 'GET', url: `/api/reviews/${res.json().requestId}`, headers: { cookie: reviewer.cookie } });
    expect(detail.statusCode).toBe(200);
    expect(JSON.stringify(detail.json().fields)).not.toContain(idNumber);
    const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
    expect(JSON.stringify(detail.json())).not.toContain(birth);
    expect(detail.json().fields).toContainEqual({ label: '出生年份', value: `${idNumber.slice(6, 10)}年` });
    expect((await decide(t, reviewer.cookie, res.json().requestId, 'approve')).statusCode).toBe(200);
    await loginAs(t, { idNumber, password: REG_PASSWORD, role: 'professional' });
  });

  it('已是本系统用户: an employer admin registers as a professional with the same password; the person is kept', async () => {
    const employer = await createOrg(t, { kind: 'employer', regionCode: '410105', name: '金水区第三人民医院' });
    const admin = await createPerson(t, { name: '周建华' });
    await createAccount(t, { personId: admin.id, kind: 'admin', orgId: employer.id, isSuperAdmin: true });
    const applicant = { existingUser: true, idType: '身份证', idNumber: admin.idNumber, password: admin.password };
    const res = await register(t, 'professional', professionalInput(employer.id, { applicant }));
    expect(res.statusCode, res.body).toBe(201);
    const people = await t.db.selectFrom('person').select(['id', 'name']).where('idNumber', '=', admin.idNumber).execute();
    expect(people).toEqual([{ id: admin.id, name: '周建华' }]);
    const accounts = await t.db.selectFrom('account').select(['kind', 'status']).where('personId', '=', admin.id).orderBy('kind').execute();
    expect(accounts).toEqual([
      { kind: 'admin', status: 'active' },
      { kind: 'professional', status: 'pending' },
    ]);
    await loginAs(t, { idNumber: admin.idNumber, password: admin.password, role: 'employer' });
  });

  it('已是本系统用户: a professional registers a second org as its admin', async () => {
    const person = await createPerson(t);
    await createAccount(t, { personId: person.id, kind: 'professional', orgId: (await createOrg(t, { kind: 'employer' })).id });
    const applicant = { existingUser: true, idType: '身份证', idNumber: person.idNumber, password: person.password };
    const res = await register(t, 'provider', orgInput({ applicant, regionCode: '410100' }));
    expect(res.statusCode, res.body).toBe(201);
    const pending = await tryLogin(t, { idNumber: person.idNumber, password: person.password, role: 'provider' });
    expect(pending.json()).toMatchObject({ code: 'ACCOUNT_UNDER_REVIEW', details: { reviewer: { orgName: '郑州市人力资源和社会保障局' } } });
  });

  it('a professional without a title may leave the date empty', async () => {
    const employer = await createOrg(t, { kind: 'employer', regionCode: '410105' });
    const res = await register(t, 'professional', professionalInput(employer.id, { titleSeries: 'none', titleLevel: 'none', titleObtainedOn: '' }));
    expect(res.statusCode).toBe(201);
  });

  it('rejection frees the credit code and the ID: the admin cannot log in, and may register again', async () => {
    const county = await findBureau(t, '410105');
    const input = orgInput();
    const res = await register(t, 'employer', input);
    const reviewer = await adminOf(t, county);
    const rejected = await decide(t, reviewer.cookie, res.json().requestId, 'reject', '单位名称与营业执照不一致');
    expect(rejected.statusCode).toBe(200);
    expect((await orgOfRequest(res.json().requestId)).org.status).toBe('rejected');
    const login = await tryLogin(t, { idNumber: input.applicant.idNumber, password: REG_PASSWORD, role: 'employer' });
    expect(login.json().code).toBe('ACCOUNT_DISABLED');
    const again = await register(t, 'employer', { ...input, orgName: `${input.orgName}（更正）` });
    expect(again.statusCode).toBe(201);
  });

  it('two admins of the reviewing org approve at once: one 200, one 409, one activation', async () => {
    const county = await findBureau(t, '410105');
    const res = await register(t, 'employer', orgInput());
    const requestId = res.json().requestId;
    const [a, b] = [await adminOf(t, county), await adminOf(t, county)];
    const version = 1;
    const results = await Promise.all(
      [a, b].map((admin) =>
        t.app.inject({ method: 'POST', url: `/api/reviews/${requestId}/approve`, headers: { cookie: admin.cookie }, payload: { version } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const audits = await t.db
      .selectFrom('auditLog')
      .select('id')
      .where('event', '=', 'REVIEW_APPROVE')
      .where('outcome', '=', 'success')
      .where('targetId', '=', requestId)
      .execute();
    expect(audits).toHaveLength(1);
    expect((await orgOfRequest(requestId)).org.status).toBe('active');
  });
});
