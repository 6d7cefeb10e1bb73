import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg, createProfessional, findBureau, loginAs } from '../../test/factories';

const findBureauOf = (code: string) => findBureau(t, code);
import { createAdmin, createChain, type Chain } from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext(); // the clock stands at 2026-03-02 in China
  chain = await createChain(t, '410103');
});
afterAll(async () => t.close());

type Listed = { personId: string; name: string; idNumberMasked: string; employment: string; employmentSince: string | null; mayMark: boolean };
const list = async (cookie: string, query = '') => {
  const res = await t.app.inject({ url: `/api/people${query}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Listed[]; total: number; counts: Record<string, number> };
};
const mark = (cookie: string, personId: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/people/${personId}/employment`, headers: { cookie }, payload: body });

describe('专技人员信息查询 and 离职 / 退休 instead of deletion (issue 12, item 6)', () => {
  it('lists the scope’s people masked; the employer marks one 退休: out of the active list and count, still signs in, and back', async () => {
    const { person } = await createProfessional(t, { orgId: chain.employer.org.id, name: '退休人' });
    const before = await list(chain.employer.cookie);
    const row = before.items.find((i) => i.personId === person.id)!;
    expect(row).toMatchObject({ name: '退休人', employment: 'active', mayMark: true });
    expect(row.idNumberMasked).not.toBe(person.idNumber);
    // The authority above sees the person, but only the employer marks them.
    expect((await list(chain.authority.cookie)).items.find((i) => i.personId === person.id)).toMatchObject({ mayMark: false });
    expect((await mark(chain.authority.cookie, person.id, { employment: 'retired', since: '2026-02-28' })).statusCode).toBe(404);

    const res = await mark(chain.employer.cookie, person.id, { employment: 'retired', since: '2026-02-28' });
    expect([res.statusCode, res.json().message]).toEqual([200, '退休人已标记为退休（2026-02-28）']);
    const after = await list(chain.employer.cookie);
    expect(after.items.some((i) => i.personId === person.id)).toBe(false);
    expect(after.counts).toEqual({ ...before.counts, active: before.counts.active! - 1, retired: before.counts.retired! + 1 });
    expect((await list(chain.employer.cookie, '?employment=retired')).items.find((i) => i.personId === person.id)).toMatchObject({
      employmentSince: '2026-02-28',
    });
    // Still signs in and sees their years.
    const cookie = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' });
    expect((await t.app.inject({ url: '/api/me/completion', headers: { cookie } })).statusCode).toBe(200);
    const audited = await t.db
      .selectFrom('auditLog')
      .select('detail')
      .where('event', '=', 'PERSON_EMPLOYMENT_CHANGED')
      .where('targetId', '=', person.id)
      .execute();
    expect(audited.map((a) => a.detail)).toEqual([{ from: 'active', to: 'retired', since: '2026-02-28' }]);

    expect((await mark(chain.employer.cookie, person.id, { employment: 'retired', since: '2026-02-28' })).json().message).toBe('该人员已是退休状态');
    expect((await mark(chain.employer.cookie, person.id, { employment: 'active' })).statusCode).toBe(200);
    expect((await list(chain.employer.cookie)).counts).toEqual(before.counts);
  });

  it('refuses bad input, people of other orgs, and admins without the menu', async () => {
    const { person } = await createProfessional(t, { orgId: chain.employer.org.id });
    const cases: [Record<string, unknown>, string][] = [
      [{ employment: 'left' }, '请选择离职或退休日期'],
      [{ employment: 'left', since: '2026-03-03' }, '日期不能晚于今天'],
      [{ employment: 'dead', since: '2026-01-01' }, '请选择人员状态'],
    ];
    for (const [body, message] of cases) {
      const res = await mark(chain.employer.cookie, person.id, body);
      expect([res.statusCode, res.json().message], JSON.stringify(body)).toEqual([400, message]);
    }
    const elsewhere = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id }));
    expect((await list(elsewhere.cookie)).items.some((i) => i.personId === person.id)).toBe(false);
    expect((await mark(elsewhere.cookie, person.id, { employment: 'left', since: '2026-01-01' })).statusCode).toBe(404);
    const clerk = await createAdmin(t, chain.employer.org, { permissions: ['claims.review'] });
    expect((await t.app.inject({ url: '/api/people', headers: { cookie: clerk.cookie } })).statusCode).toBe(403);
    expect((await mark(clerk.cookie, person.id, { employment: 'left', since: '2026-01-01' })).statusCode).toBe(403);
    expect(
      (await t.db.selectFrom('professionalProfile').select('employment').where('personId', '=', person.id).executeTakeFirstOrThrow()).employment,
    ).toBe('active');
  });

  it('filters by employer, title series and level; a name needs 2 characters, an ID number all 18', async () => {
    const unit = await createOrg(t, { kind: 'employer', superiorId: chain.employer.org.id, name: '筛选二级单位' });
    const { person: nurse } = await createProfessional(t, { orgId: unit.id, name: '筛选护士', titleSeries: 'health', titleLevel: 'junior' });
    const { person: teacher } = await createProfessional(t, { orgId: unit.id, name: '筛选教师', titleSeries: 'schoolTeacher', titleLevel: 'senior' });
    const names = async (query: string) => (await list(chain.bureau.cookie, query)).items.map((i) => i.name).sort();
    expect(await names(`?orgId=${unit.id}`)).toEqual(['筛选护士', '筛选教师']);
    expect(await names(`?orgId=${unit.id}&titleSeries=health`)).toEqual(['筛选护士']);
    expect(await names(`?orgId=${unit.id}&titleLevel=senior`)).toEqual(['筛选教师']);
    expect(await names(`?keyword=${encodeURIComponent('筛选')}&titleLevel=junior`)).toEqual(['筛选护士']);
    expect(await names(`?keyword=${teacher.idNumber}`)).toEqual(['筛选教师']);
    expect((await list(chain.bureau.cookie, `?orgId=${unit.id}`)).total).toBe(2);
    for (const keyword of ['筛', nurse.idNumber.slice(0, 10)]) {
      const res = await t.app.inject({ url: `/api/people?keyword=${encodeURIComponent(keyword)}`, headers: { cookie: chain.bureau.cookie } });
      expect([res.statusCode, res.json().message]).toEqual([400, '请输入至少2个字的姓名，或完整的18位身份证号']);
    }
    // Another branch's employer filters to nobody, never to its people.
    const elsewhere = await createOrg(t, { kind: 'employer', regionCode: '410104' });
    await createProfessional(t, { orgId: elsewhere.id, name: '别处的人' });
    expect(await names(`?orgId=${elsewhere.id}`)).toEqual([]);
  });

  it('详情 and the years of a person of the scope, masked; another branch gets 404', async () => {
    const { person } = await createProfessional(t, { orgId: chain.employer.org.id, name: '详情人员' });
    const res = await t.app.inject({ url: `/api/people/${person.id}`, headers: { cookie: chain.bureau.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '详情人员', employerName: chain.employer.org.name, employment: 'active', mustChangePassword: false });
    expect(res.body).not.toContain(person.idNumber);
    expect(res.body).not.toContain(person.phone!);
    const years = await t.app.inject({ url: `/api/certificates/people/${person.id}/completion`, headers: { cookie: chain.employer.cookie } });
    expect(years.statusCode, years.body).toBe(200);
    expect(years.json().years[0].year).toBe(2026);
    const outsider = await createAdmin(t, await findBureauOf('410104'));
    for (const url of [`/api/people/${person.id}`, `/api/certificates/people/${person.id}/completion`]) {
      expect((await t.app.inject({ url, headers: { cookie: outsider.cookie } })).statusCode, url).toBe(404);
    }
    const employers = await t.app.inject({ url: '/api/people/employers', headers: { cookie: chain.employer.cookie } });
    expect(employers.json().items[0].id).toBe(chain.employer.org.id);
  });
});
