import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg, findBureau, tryLogin, type TestOrg } from '../../test/factories';
import { auditLeaks } from '../../test/audit-scan';
import { as, auditEvents, signInAdmin, type TestAdmin } from '../admins/admins.test-support';

let t: TestContext;
let city: TestOrg;
let county: TestOrg;
let authority: TestOrg;
let employer: TestOrg;
let cityAdmin: TestAdmin;
let countyAdmin: TestAdmin;
beforeAll(async () => {
  t = await createTestContext();
  city = await findBureau(t, '410100');
  county = await findBureau(t, '410102');
  authority = await createOrg(t, { kind: 'authority', superiorId: county.id, name: '中原区教育局' });
  await t.db.updateTable('org').set({ nature: '行政机关', orgLevel: '区县级' }).where('id', '=', authority.id).execute();
  await createOrg(t, { kind: 'authority', superiorId: county.id, name: '中原区卫生健康委员会' });
  employer = await createOrg(t, { kind: 'employer', superiorId: authority.id, name: '中原区第一中学' });
  await createOrg(t, { kind: 'employer', superiorId: county.id, name: '中原区某科技公司' });
  await createOrg(t, { kind: 'employer', superiorId: county.id, name: '待审核公司', status: 'pending' });
  cityAdmin = await signInAdmin(t, city);
  countyAdmin = await signInAdmin(t, county);
});
afterAll(async () => t.close());

type Page = {
  items: Array<{ id: string; name: string; superiorName: string; regionName: string; activeAdminCount: number; adminsRevoked: boolean }>;
  total: number;
};
const list = async (admin: TestAdmin, query: string) => {
  const res = await as(t, admin.cookie)('GET', `/api/subordinates?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as Page;
};

describe('基本信息', () => {
  it("shows the actor's own org with its superior and region", async () => {
    const res = await as(t, countyAdmin.cookie)('GET', '/api/org/profile');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: county.id,
      name: '中原区人力资源和社会保障局',
      superior: { id: city.id, kind: 'hrBureau' },
      region: { code: '410102' },
    });
    expect(res.json().superAdmin.idNumberMasked).toMatch(/^\d{2}\*{13}[\dX]{3}$/);
  });
});

describe('下属机构管理', () => {
  it('lists the authorities of a county with superior, region and admin counts, filtered by name, nature and level', async () => {
    const all = await list(countyAdmin, 'kind=authority');
    expect(all.items.map((o) => o.name).sort()).toEqual(['中原区卫生健康委员会', '中原区教育局'].sort());
    expect(all.items[0]).toMatchObject({ superiorName: '中原区人力资源和社会保障局', regionName: '中原区', activeAdminCount: 0 });
    expect((await list(countyAdmin, `kind=authority&name=${encodeURIComponent('教育')}`)).items.map((o) => o.id)).toEqual([authority.id]);
    expect((await list(countyAdmin, `kind=authority&nature=${encodeURIComponent('行政机关')}`)).total).toBe(1);
    expect((await list(countyAdmin, `kind=authority&level=${encodeURIComponent('区县级')}`)).total).toBe(1);
    expect((await list(countyAdmin, `kind=authority&name=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('lists employers under the county and under its authorities, leaving out those still under review unless asked', async () => {
    const employers = await list(countyAdmin, 'kind=employer');
    expect(employers.items.map((o) => o.name).sort()).toEqual(['中原区第一中学', '中原区某科技公司'].sort());
    expect((await list(countyAdmin, 'kind=employer&status=pending')).items.map((o) => o.name)).toEqual(['待审核公司']);
    const paged = await list(countyAdmin, 'kind=employer&page=2&pageSize=1');
    expect(paged).toMatchObject({ total: 2 });
    expect(paged.items).toHaveLength(1);
  });

  it('lets a city bureau list its county bureaus only, and refuses a kind the actor does not manage (403)', async () => {
    const bureaus = await list(cityAdmin, 'kind=hrBureau&level=county');
    expect(bureaus.items.some((o) => o.id === county.id)).toBe(true);
    const cityCounties = await t.db.selectFrom('region').select('code').where('parentCode', '=', '410100').execute();
    expect(bureaus.total).toBe(cityCounties.length);
    const authorityAdmin = await signInAdmin(t, authority);
    expect((await as(t, authorityAdmin.cookie)('GET', '/api/subordinates?kind=hrBureau')).statusCode).toBe(403);
    const limited = await signInAdmin(t, county, { permissions: ['subordinates.authorities'] });
    expect((await as(t, limited.cookie)('GET', '/api/subordinates?kind=employer')).statusCode).toBe(403);
    expect((await as(t, limited.cookie)('GET', '/api/subordinates?kind=authority')).statusCode).toBe(200);
  });

  it("shows an org's details with its super admin masked", async () => {
    const owner = await signInAdmin(t, employer);
    const res = await as(t, countyAdmin.cookie)('GET', `/api/subordinates/${employer.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: employer.id, superior: { id: authority.id, name: '中原区教育局' }, activeAdminCount: 1 });
    expect(res.json().superAdmin).toMatchObject({
      name: owner.person.name,
      phoneMasked: `${owner.person.phone!.slice(0, 3)}****${owner.person.phone!.slice(-4)}`,
    });
    expect(res.body).not.toContain(owner.person.idNumber);
    const views = await t.db.selectFrom('auditLog').select(['actorAccountId', 'targetId']).where('event', '=', 'SUBORDINATE_DETAIL_VIEW').execute();
    expect(views).toContainEqual({ actorAccountId: countyAdmin.accountId, targetId: employer.id });
  });
});

describe('移除权限', () => {
  it('disables every admin of the org and signs them out; restoring re-enables only those it disabled', async () => {
    const org = await createOrg(t, { kind: 'employer', superiorId: authority.id });
    const owner = await signInAdmin(t, org);
    const clerk = await signInAdmin(t, org, { permissions: ['statistics.overview'] });
    const sleeper = await signInAdmin(t, org, { permissions: ['statistics.overview'] });
    await as(t, owner.cookie)('POST', `/api/org/admins/${sleeper.accountId}/disable`);
    const api = as(t, countyAdmin.cookie);
    const revoked = await api('POST', `/api/subordinates/${org.id}/revoke-admins`);
    expect(revoked.json()).toEqual({ affected: 2 });
    for (const admin of [owner, clerk]) expect((await as(t, admin.cookie)('GET', '/api/auth/session')).statusCode).toBe(401);
    const login = await tryLogin(t, { idNumber: owner.person.idNumber, password: owner.person.password, role: 'employer' });
    expect(login.statusCode).toBe(403);
    expect((await api('GET', `/api/subordinates/${org.id}`)).json()).toMatchObject({ adminsRevoked: true, activeAdminCount: 0 });
    expect((await api('POST', `/api/subordinates/${org.id}/revoke-admins`)).statusCode).toBe(409);
    expect((await auditEvents(t, 'ORG_ADMINS_REVOKE')).some((e) => e.targetId === org.id && e.actorAccountId === countyAdmin.accountId)).toBe(true);
    expect((await api('POST', `/api/subordinates/${org.id}/restore-admins`)).json()).toEqual({ affected: 2 });
    const statuses = await t.db.selectFrom('account').select(['id', 'status']).where('orgId', '=', org.id).execute();
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [owner.accountId]: 'active',
      [clerk.accountId]: 'active',
      [sleeper.accountId]: 'disabled',
    });
    expect((await api('POST', `/api/subordinates/${org.id}/restore-admins`)).statusCode).toBe(409);
    expect((await auditEvents(t, 'ORG_ADMINS_RESTORE')).some((e) => e.targetId === org.id)).toBe(true);
  });

  it("refuses to revoke the admins of the actor's own org or without the kind's module", async () => {
    expect((await as(t, countyAdmin.cookie)('POST', `/api/subordinates/${county.id}/revoke-admins`)).statusCode).toBe(404);
    const limited = await signInAdmin(t, county, { permissions: ['subordinates.authorities'] });
    expect((await as(t, limited.cookie)('POST', `/api/subordinates/${employer.id}/revoke-admins`)).statusCode).toBe(403);
    expect(await t.db.selectFrom('orgAdminRevocation').select('orgId').where('orgId', 'in', [county.id, employer.id]).execute()).toEqual([]);
  });

  it('keeps ID numbers out of the audit log', async () => {
    const { rows, leaks } = await auditLeaks(t);
    expect(rows).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });
});
