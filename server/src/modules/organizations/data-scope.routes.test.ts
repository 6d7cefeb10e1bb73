import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg, findBureau, type TestOrg } from '../../test/factories';
import { as, signInAdmin, type TestAdmin } from '../admins/admins.test-support';

/**
 * The data-scope matrix: for each admin kind, another branch's org, admin and division are not found,
 * whatever the action, and nothing changes; the actor's own subtree is visible.
 */
let t: TestContext;
const orgs: Record<string, TestOrg> = {};
const admins: Record<string, TestAdmin> = {};
const divisions: Record<string, string> = {};

const build = async (name: string, kind: TestOrg['kind'], superior: string) => {
  orgs[name] = await createOrg(t, { kind, superiorId: orgs[superior]!.id, name });
};

beforeAll(async () => {
  t = await createTestContext();
  const otherCity = await t.db
    .selectFrom('region')
    .select('code')
    .where('parentCode', '=', '410000')
    .where('code', '!=', '410100')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const otherCounty = await t.db
    .selectFrom('region')
    .select('code')
    .where('parentCode', '=', otherCity.code)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  Object.assign(orgs, {
    province: await findBureau(t, '410000'),
    city: await findBureau(t, '410100'),
    county: await findBureau(t, '410102'),
    siblingCounty: await findBureau(t, '410103'),
    otherCity: await findBureau(t, otherCity.code),
    otherCounty: await findBureau(t, otherCounty.code),
  });
  await build('authority', 'authority', 'county');
  await build('employer', 'employer', 'authority');
  await build('subEmployer', 'employer', 'employer');
  await build('provider', 'provider', 'authority');
  await build('otherAuthority', 'authority', 'otherCounty');
  await build('otherEmployer', 'employer', 'otherAuthority');
  await build('otherProvider', 'provider', 'otherCounty');
  await build('siblingEmployer', 'employer', 'siblingCounty');
  for (const name of Object.keys(orgs)) {
    admins[name] = await signInAdmin(t, orgs[name]!);
    const res = await as(t, admins[name]!.cookie)('POST', '/api/org/divisions', { name: `${name}部门` });
    divisions[name] = res.json().id;
  }
});
afterAll(async () => t.close());

/** Everything an out-of-scope call could change. */
const snapshot = async () =>
  (
    await sql<{ s: string }>`select json_build_object(
      'accounts', (select json_agg(json_build_array(id, status, is_super_admin, role_id) order by id) from account),
      'revocations', (select json_agg(org_id order by org_id) from org_admin_revocation),
      'divisions', (select json_agg(json_build_array(id, name, status, parent_id) order by id) from division),
      'roles', (select count(*) from role)
    )::text as s`.execute(t.db)
  ).rows[0]!.s;

/** Each actor's other branches (orgs outside its subtree, its superiors included) and what it must still see. */
const matrix: Array<{ actor: string; outside: string[]; inside: string[] }> = [
  { actor: 'province', outside: [], inside: ['city', 'otherCounty', 'otherEmployer', 'subEmployer', 'otherProvider'] },
  {
    actor: 'city',
    outside: ['province', 'otherCity', 'otherCounty', 'otherAuthority', 'otherEmployer', 'otherProvider'],
    inside: ['county', 'siblingEmployer', 'employer'],
  },
  {
    actor: 'county',
    outside: ['city', 'siblingCounty', 'siblingEmployer', 'otherAuthority', 'otherEmployer', 'otherProvider'],
    inside: ['authority', 'employer', 'subEmployer', 'provider'],
  },
  {
    actor: 'authority',
    outside: ['county', 'otherAuthority', 'otherEmployer', 'otherProvider', 'siblingEmployer'],
    inside: ['employer', 'provider', 'subEmployer'],
  },
  { actor: 'employer', outside: ['authority', 'provider', 'otherEmployer', 'siblingEmployer'], inside: ['subEmployer'] },
  { actor: 'provider', outside: ['authority', 'employer', 'otherProvider', 'otherEmployer'], inside: [] },
];

describe('数据范围', () => {
  for (const { actor, outside, inside } of matrix) {
    it(`${actor}: another branch's org is 404 for every action, and nothing changes`, async () => {
      const api = as(t, admins[actor]!.cookie);
      const before = await snapshot();
      for (const name of outside) {
        const id = orgs[name]!.id;
        for (const [method, url] of [
          ['GET', `/api/subordinates/${id}`],
          ['POST', `/api/subordinates/${id}/revoke-admins`],
          ['POST', `/api/subordinates/${id}/restore-admins`],
        ] as const) {
          const res = await api(method, url);
          expect(res.statusCode, `${actor} ${method} ${url} (${name})`).toBe(404);
        }
      }
      expect(await snapshot()).toBe(before);
    });

    it(`${actor}: another org's admin and division are 404 for every action, and nothing changes`, async () => {
      const api = as(t, admins[actor]!.cookie);
      const before = await snapshot();
      for (const name of Object.keys(orgs).filter((n) => n !== actor)) {
        const accountId = admins[name]!.accountId;
        const divisionId = divisions[name]!;
        const calls = [
          ['PATCH', `/api/org/admins/${accountId}`, { phone: '13800000000' }],
          ['POST', `/api/org/admins/${accountId}/disable`, undefined],
          ['DELETE', `/api/org/admins/${accountId}`, undefined],
          ['POST', `/api/org/admins/${accountId}/make-super-admin`, undefined],
          ['PATCH', `/api/org/divisions/${divisionId}`, { name: '篡改' }],
          ['POST', `/api/org/divisions/${divisionId}/disable`, undefined],
          ['POST', '/api/org/divisions', { name: '挂靠部门', parentId: divisionId }],
        ] as const;
        for (const [method, url, body] of calls) {
          const res = await api(method, url, body);
          expect(res.statusCode, `${actor} ${method} ${url} (${name})`).toBe(404);
        }
      }
      expect(await snapshot()).toBe(before);
    });

    it(`${actor}: sees its own subtree and nothing outside it in the lists`, async () => {
      const api = as(t, admins[actor]!.cookie);
      for (const name of inside) expect((await api('GET', `/api/subordinates/${orgs[name]!.id}`)).statusCode, `${actor} -> ${name}`).toBe(200);
      const listed = new Set<string>();
      for (const kind of ['hrBureau', 'authority', 'employer', 'provider']) {
        const res = await api('GET', `/api/subordinates?kind=${kind}&pageSize=100`);
        if (res.statusCode === 403) continue;
        for (const item of res.json().items as Array<{ id: string }>) listed.add(item.id);
      }
      for (const name of outside) expect(listed.has(orgs[name]!.id), `${actor} lists ${name}`).toBe(false);
      expect(listed.has(orgs[actor]!.id)).toBe(false);
    });
  }

  it('province: sees every org of the province, whatever the branch', async () => {
    const api = as(t, admins.province!.cookie);
    const employers = (await api('GET', '/api/subordinates?kind=employer&pageSize=100')).json().items.map((o: { id: string }) => o.id);
    expect(employers).toEqual(expect.arrayContaining(['employer', 'subEmployer', 'otherEmployer', 'siblingEmployer'].map((n) => orgs[n]!.id)));
    const bureaus = (await api('GET', '/api/subordinates?kind=hrBureau&pageSize=1')).json();
    const all = await t.db.selectFrom('org').select('id').where('kind', '=', 'hrBureau').execute();
    expect(bureaus.total).toBe(all.length - 1);
  });

  it('provider: manages no subordinates (403 on every list)', async () => {
    for (const kind of ['hrBureau', 'authority', 'employer', 'provider']) {
      expect((await as(t, admins.provider!.cookie)('GET', `/api/subordinates?kind=${kind}`)).statusCode).toBe(403);
    }
  });
});
