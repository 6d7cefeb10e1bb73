import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { findBureau } from '../../test/factories';
import { approve, createAdmin, createChain, registerTestKinds, submitTest, THREE_STEP, UNTIL_FINAL, type Chain } from './reviews.test-support';

let t: TestContext;
let chain: Chain;
const ids: string[] = [];
beforeAll(async () => {
  t = await createTestContext();
  await registerTestKinds(t);
  chain = await createChain(t, '410103');
  for (let i = 0; i < 25; i++) {
    t.clock.advance(1_000);
    ids.push((await submitTest(t, chain, { title: `学时申报${String(i).padStart(2, '0')}` })).id);
  }
  for (let i = 0; i < 3; i++) {
    t.clock.advance(1_000);
    ids.push((await submitTest(t, chain, { title: `往年学时申报${i}`, creditYear: 2025 })).id);
  }
  for (let i = 0; i < 2; i++) {
    t.clock.advance(1_000);
    ids.push((await submitTest(t, chain, { kind: UNTIL_FINAL, title: `论文发表${i}`, creditYear: null })).id);
  }
});
afterAll(async () => t.close());

type Query = Record<string, string | number>;
const queue = async (cookie: string, query: Query = {}) => {
  const res = await t.app.inject({
    url: '/api/reviews',
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
    headers: { cookie },
  });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    total: number;
    items: {
      id: string;
      title: string;
      canDecide: boolean;
      statusLabel: string;
      kindLabel: string;
      applicantName: string;
      currentReviewerOrgName: string | null;
    }[];
  };
};

describe('reviewer queue', () => {
  it('lists what waits at my org, oldest first, with paging and a total', async () => {
    const first = await queue(chain.employer.cookie, { pageSize: 10 });
    expect(first.total).toBe(30);
    expect(first.items.map((i) => i.title).slice(0, 2)).toEqual(['学时申报00', '学时申报01']);
    expect(first.items[0]).toMatchObject({
      canDecide: true,
      statusLabel: '待审核',
      kindLabel: '测试三级审核',
      applicantName: '张三',
      currentReviewerOrgName: chain.employer.org.name,
    });
    const third = await queue(chain.employer.cookie, { pageSize: 10, page: 3 });
    expect(third.items).toHaveLength(10);
    expect(new Set([...first.items, ...third.items].map((i) => i.id)).size).toBe(20);
    expect((await queue(chain.employer.cookie, { pageSize: 10, page: 4 })).items).toHaveLength(0);
  });

  it('shows the applicant’s ID number masked and the region of the org the request sits under', async () => {
    const res = await t.app.inject({ url: '/api/reviews', query: { pageSize: '1' }, headers: { cookie: chain.employer.cookie } });
    const item = res.json().items[0] as { applicantIdNumberMasked: string; subjectRegionName: string | null };
    expect(item.applicantIdNumberMasked).toMatch(/^\d{2}\*{13}\d{2}[\dX]$/);
    expect(res.body).not.toMatch(/[1-9]\d{16}[\dX]/);
    expect(item.subjectRegionName).toBeTruthy();
  });

  it('filters by the request’s own status, and lists the kinds the admin may review', async () => {
    expect((await queue(chain.employer.cookie, { status: 'all', requestStatus: 'pending' })).total).toBe(30);
    expect((await queue(chain.employer.cookie, { status: 'all', requestStatus: 'approved' })).total).toBe(0);
    const kinds = await t.app.inject({ url: '/api/reviews/kinds', headers: { cookie: chain.employer.cookie } });
    expect(kinds.json()).toEqual(
      expect.arrayContaining([
        { kind: THREE_STEP, label: '测试三级审核', menuKey: 'claims.review', hasCreditYear: false },
        { kind: UNTIL_FINAL, label: '测试可撤回申请', menuKey: 'claims.review', hasCreditYear: false },
      ]),
    );
    const clerk = await createAdmin(t, chain.employer.org, { permissions: ['statistics.overview'] });
    const none = await t.app.inject({ url: '/api/reviews/kinds', headers: { cookie: clerk.cookie } });
    expect(none.json().map((k: { kind: string }) => k.kind)).not.toContain(THREE_STEP);
  });

  it('filters by kind, credit year and keyword', async () => {
    expect((await queue(chain.employer.cookie, { kind: UNTIL_FINAL })).total).toBe(2);
    expect((await queue(chain.employer.cookie, { kind: THREE_STEP, year: 2026 })).total).toBe(25);
    expect((await queue(chain.employer.cookie, { year: 2025 })).total).toBe(3);
    expect((await queue(chain.employer.cookie, { keyword: '论文' })).items.map((i) => i.title)).toEqual(['论文发表0', '论文发表1']);
    expect((await queue(chain.employer.cookie, { keyword: '张三' })).total).toBe(30);
    expect((await queue(chain.employer.cookie, { keyword: '100%_' })).total).toBe(0);
  });

  it('counts what waits per credit year from the counters, so items of another year are never out of sight', async () => {
    const counts = async (cookie: string, kind?: string) => {
      const res = await t.app.inject({ url: '/api/reviews/year-counts', query: kind ? { kind } : {}, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    expect(await counts(chain.employer.cookie)).toEqual([
      { year: 2026, count: 25 },
      { year: 2025, count: 3 },
      { year: null, count: 2 },
    ]);
    expect(await counts(chain.employer.cookie, THREE_STEP)).toEqual([
      { year: 2026, count: 25 },
      { year: 2025, count: 3 },
    ]);
    expect(await counts(chain.authority.cookie)).toEqual([]);
    const clerk = await createAdmin(t, chain.employer.org, { permissions: ['statistics.overview'] });
    expect(await counts(clerk.cookie)).toEqual([]);
    expect((await t.app.inject({ url: '/api/reviews/year-counts', headers: { cookie: chain.applicant.cookie } })).statusCode).toBe(403);
  });

  it('shows a chosen kind only to an admin holding its permission, and nothing of a kind nobody registered', async () => {
    const clerk = await createAdmin(t, chain.employer.org, { permissions: ['statistics.overview'] });
    for (const status of ['todo', 'done', 'all']) {
      expect((await queue(clerk.cookie, { kind: THREE_STEP, status })).total).toBe(0);
      expect((await queue(clerk.cookie, { status })).total).toBe(0);
    }
    expect((await queue(chain.employer.cookie, { kind: THREE_STEP, status: 'all' })).total).toBe(28);
    expect((await queue(chain.employer.cookie, { kind: "x' or 'a'='a" })).total).toBe(0);
  });

  it('moves approved requests from my to-do list to my done list and into the next org’s to-do list', async () => {
    expect((await queue(chain.authority.cookie)).total).toBe(0);
    for (const id of ids.slice(0, 5)) {
      t.clock.advance(10); // apart, within the sessions' idle timeout
      expect((await approve(t, chain.employer, { id, version: 1 })).statusCode).toBe(200);
    }
    expect((await queue(chain.employer.cookie)).total).toBe(25);
    const done = await queue(chain.employer.cookie, { status: 'done' });
    expect(done.total).toBe(5);
    expect(
      done.items.map((i) => i.title),
      'my newest decision first',
    ).toEqual(['学时申报04', '学时申报03', '学时申报02', '学时申报01', '学时申报00']);
    expect(done.items.every((i) => !i.canDecide && i.statusLabel === '审核中')).toBe(true);
    const authority = await queue(chain.authority.cookie);
    expect(authority.items.map((i) => i.title)).toEqual(['学时申报00', '学时申报01', '学时申报02', '学时申报03', '学时申报04']);
    const all = await queue(chain.bureau.cookie, { status: 'all', pageSize: 100 });
    expect(all.total).toBe(30);
    expect(all.items.map((i) => i.title).slice(0, 2), 'the newest submission first').toEqual(['论文发表1', '论文发表0']);
    expect(all.items.every((i) => !i.canDecide)).toBe(true);
  });

  it('shows an upper bureau the details of a request in its data scope, and masks ID numbers and phones', async () => {
    const r = await submitTest(t, chain, { title: '含敏感信息', idNumber: '410103199001011234', phone: '13912345678' });
    const city = await createAdmin(t, await findBureau(t, '410100'));
    const res = await t.app.inject({ url: `/api/reviews/${r.id}`, headers: { cookie: city.cookie } });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail.canDecide).toBe(false);
    expect(detail.fields).toEqual([
      { label: '标题', value: '含敏感信息' },
      { label: '身份证号', value: '41*************234' },
      { label: '手机号', value: '139****5678' },
    ]);
    expect(res.body).not.toContain('410103199001011234');
    expect(detail.steps.map((s: { reviewerOrgName: string; statusLabel: string }) => `${s.reviewerOrgName}:${s.statusLabel}`)).toEqual([
      `${chain.employer.org.name}:待审核`,
      `${chain.authority.org.name}:未开始`,
      `${chain.bureau.org.name}:未开始`,
    ]);
    const sibling = await createAdmin(t, await findBureau(t, '410200'));
    expect((await t.app.inject({ url: `/api/reviews/${r.id}`, headers: { cookie: sibling.cookie } })).statusCode).toBe(404);
  });
});

describe('applicant progress (申报进度查询)', () => {
  it('lists my requests with their step history and whether I can still withdraw', async () => {
    const res = await t.app.inject({ url: '/api/requests/mine', query: { pageSize: '100' }, headers: { cookie: chain.applicant.cookie } });
    const body = res.json();
    expect(body.total).toBe(31);
    const first = body.items.find((i: { id: string }) => i.id === ids[0]);
    expect(first).toMatchObject({ statusLabel: '审核中', canWithdraw: false, version: 2 });
    expect(first.steps.map((s: { statusLabel: string; decidedByName: string | null }) => [s.statusLabel, s.decidedByName])).toEqual([
      ['通过', chain.employer.person.name],
      ['待审核', null],
      ['未开始', null],
    ]);
    const untouched = body.items.find((i: { id: string }) => i.id === ids[10]);
    expect(untouched.canWithdraw).toBe(true);
    const other = await t.app.inject({ url: '/api/requests/mine', headers: { cookie: chain.employer.cookie } });
    expect(other.json().total).toBe(0);
  });
});
