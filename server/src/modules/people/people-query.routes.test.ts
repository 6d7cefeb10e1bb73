import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg, createProfessional, loginAs } from '../../test/factories';
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
});
