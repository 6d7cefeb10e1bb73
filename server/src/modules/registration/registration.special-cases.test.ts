import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg, findBureau, loginAs } from '../../test/factories';
import { adminOf, decide, orgInput, professionalInput, REG_PASSWORD, register } from './registration.test-support';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const reviewerOfRequest = async (requestId: string) =>
  (await t.db.selectFrom('request').select('currentReviewerOrgId').where('id', '=', requestId).executeTakeFirstOrThrow()).currentReviewerOrgId;
const orgOfRequest = async (requestId: string) => {
  const { subjectOrgId } = await t.db.selectFrom('request').select('subjectOrgId').where('id', '=', requestId).executeTakeFirstOrThrow();
  return t.db.selectFrom('org').selectAll().where('id', '=', subjectOrgId).executeTakeFirstOrThrow();
};

/** Registers an employer and has its reviewer approve it; returns the new org and its admin's login. */
const registeredEmployer = async (input: ReturnType<typeof orgInput>, reviewerCookie: string) => {
  const res = await register(t, 'employer', input);
  expect(res.statusCode, res.body).toBe(201);
  expect((await decide(t, reviewerCookie, res.json().requestId, 'approve')).statusCode).toBe(200);
  return { org: await orgOfRequest(res.json().requestId), requestId: res.json().requestId };
};

describe('seed 004 特殊情况注册说明, each expressible', () => {
  it('case 1: 区人社局内部科室 registers as an employer under its bureau; 局属单位 as its 二级单位; staff choose the 局属单位', async () => {
    const county = await findBureau(t, '410181');
    const countyAdmin = await adminOf(t, county);
    const office = orgInput({ orgName: '巩义市人社局人事科', regionCode: '410181', nature: 'government' });
    const { org: officeOrg } = await registeredEmployer(office, countyAdmin.cookie);
    expect(officeOrg.superiorId).toBe(county.id);

    const officeCookie = await loginAs(t, { idNumber: office.applicant.idNumber, password: REG_PASSWORD, role: 'employer' });
    const sub = orgInput({ orgName: '巩义市社会保险事业管理处', parentOrgId: officeOrg.id });
    const { org: subOrg } = await registeredEmployer(sub, officeCookie);
    expect(subOrg).toMatchObject({ superiorId: officeOrg.id, regionCode: '410181', path: `${officeOrg.path}${subOrg.id}/` });

    const staff = await register(t, 'professional', professionalInput(subOrg.id));
    expect(await reviewerOfRequest(staff.json().requestId)).toBe(subOrg.id);
  });

  it('case 2: 乡镇人社所 registers as an employer whose 上级单位 is the county bureau', async () => {
    const county = await findBureau(t, '410182');
    const res = await register(t, 'employer', orgInput({ orgName: '荥阳市豫龙镇人力资源和社会保障所', parentOrgId: county.id }));
    expect(res.statusCode).toBe(201);
    expect(await reviewerOfRequest(res.json().requestId)).toBe(county.id);
    expect((await orgOfRequest(res.json().requestId)).path).toBe(`${county.path}${(await orgOfRequest(res.json().requestId)).id}/`);
  });

  it('case 3: a 中央/省驻 unit may choose the county bureau where it is (属地), or its provincial authority', async () => {
    const county = await findBureau(t, '410183');
    const local = await register(
      t,
      'employer',
      orgInput({ orgName: '中国移动通信集团河南有限公司新密分公司', regionCode: '410183', nature: 'enterprise' }),
    );
    expect(await reviewerOfRequest(local.json().requestId)).toBe(county.id);
    const province = await findBureau(t, '410000');
    const authority = await createOrg(t, { kind: 'authority', superiorId: province.id, name: '河南省交通运输厅' });
    const byLevel = await register(t, 'employer', orgInput({ orgName: '河南省高速公路新密管理处', regionCode: '410183', authorityId: authority.id }));
    expect(await reviewerOfRequest(byLevel.json().requestId)).toBe(authority.id);
    expect((await orgOfRequest(byLevel.json().requestId)).regionCode).toBe('410000');
  });

  it('case 5: a 自由职业者 registers under the 街道/社区 employer of their household', async () => {
    const county = await findBureau(t, '410105');
    const countyAdmin = await adminOf(t, county);
    const street = orgInput({ orgName: '金水区花园路街道办事处', regionCode: '410105', nature: 'government', industry: 'S' });
    const { org } = await registeredEmployer(street, countyAdmin.cookie);
    const freelancer = await register(t, 'professional', professionalInput(org.id, { titleSeries: 'art', titleLevel: 'junior', major: '13' }));
    expect(freelancer.statusCode).toBe(201);
    expect(await reviewerOfRequest(freelancer.json().requestId)).toBe(org.id);
  });

  it('a placeholder employer (临时单位) takes professionals whose employer is not registered', async () => {
    const placeholder = await createOrg(t, { kind: 'employer', regionCode: '410100', name: '郑州市临时单位' });
    await t.db.updateTable('org').set({ isPlaceholder: true }).where('id', '=', placeholder.id).execute();
    const search = await t.app.inject({ method: 'GET', url: `/api/registrations/employers?keyword=${encodeURIComponent('临时单位')}` });
    expect(search.json().items).toEqual([expect.objectContaining({ id: placeholder.id, isPlaceholder: true })]);
    const res = await register(t, 'professional', professionalInput(placeholder.id));
    expect(await reviewerOfRequest(res.json().requestId)).toBe(placeholder.id);
  });
});

describe('form choices', () => {
  it('employer search: active employers only, name + region, at most 20, nothing personal', async () => {
    for (let i = 0; i < 22; i++) await createOrg(t, { kind: 'employer', name: `检索医院${i}号`, regionCode: '410102' });
    await createOrg(t, { kind: 'employer', name: '检索医院待审', status: 'pending' });
    await createOrg(t, { kind: 'authority', name: '检索医院主管' });
    const res = await t.app.inject({ method: 'GET', url: `/api/registrations/employers?keyword=${encodeURIComponent('检索医院')}` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<Record<string, unknown>>;
    expect(items).toHaveLength(20);
    expect(items.every((i) => /^检索医院\d+号$/.test(String(i.name)))).toBe(true);
    expect(Object.keys(items[0]!).sort()).toEqual(['id', 'isPlaceholder', 'name', 'regionName']);
    expect((await t.app.inject({ method: 'GET', url: '/api/registrations/employers?keyword=' })).statusCode).toBe(400);
  });

  it('superior choices: bureaus and authorities of a county and the regions above it', async () => {
    const bureaus = await t.app.inject({ method: 'GET', url: '/api/registrations/superiors?kind=bureau&regionCode=410105' });
    expect(
      bureaus
        .json()
        .items.map((i: { regionCode: string }) => i.regionCode)
        .sort(),
    ).toEqual(['410000', '410100', '410105']);
    await createOrg(t, { kind: 'authority', superiorId: (await findBureau(t, '410100')).id, name: '郑州市市场监督管理局' });
    const authorities = await t.app.inject({
      method: 'GET',
      url: `/api/registrations/superiors?kind=authority&regionCode=410105&keyword=${encodeURIComponent('市场监督')}`,
    });
    expect(authorities.json().items.map((i: { name: string }) => i.name)).toEqual(['郑州市市场监督管理局']);
  });
});
