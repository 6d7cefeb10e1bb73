import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createProfessional, loginAs } from '../../test/factories';
import { creditHours } from '../claims';
import { createChain, type Chain } from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext(); // the clock stands at 2026-03-02 in China
  chain = await createChain(t, '410105');
});
afterAll(async () => t.close());

/** A professional of the chain's employer (a 中级 title, in 郑州) with these records already credited. */
const professionalWith = async (
  records: { year: number; category: 'public' | 'specialized'; hours: number; fullYear?: boolean; title?: string }[],
) => {
  const { person } = await createProfessional(t, { orgId: chain.employer.org.id });
  await creditHours(
    t.db,
    records.map((r, i) => ({
      personId: person.id,
      creditYear: r.year,
      category: r.category,
      hours: r.hours,
      fullYear: r.fullYear ?? false,
      source: 'claim' as const,
      requestId: null,
      formCode: null,
      title: r.title ?? `记录${i + 1}`,
    })),
    t.ctx.clock.now(),
  );
  return { person, cookie: await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' }) };
};

const completion = async (cookie: string) => {
  const res = await t.app.inject({ url: '/api/me/completion', headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().years as {
    year: number;
    result: string;
    resultLabel: string;
    missing: string | null;
    counted: { total: number };
    records: { title: string }[];
  }[];
};

describe('年度完成情况 (issue 11, item 1)', () => {
  it('shows every year from the first with records to this one: passed, failed with what is missing, this year in progress', async () => {
    const someone = await professionalWith([
      { year: 2024, category: 'public', hours: 30 },
      { year: 2024, category: 'specialized', hours: 60, title: '全国学术年会' },
      { year: 2025, category: 'public', hours: 24 },
      { year: 2025, category: 'specialized', hours: 48 },
      { year: 2026, category: 'specialized', hours: 24 },
    ]);
    const years = await completion(someone.cookie);
    expect(years.map((y) => [y.year, y.resultLabel, y.missing])).toEqual([
      [2026, '进行中', '公需科目还差 30 学时；专业科目还差 36 学时'],
      [2025, '未通过', '公需科目还差 6 学时；专业科目还差 12 学时'],
      [2024, '通过', null],
    ]);
    expect(years[2]!.records.map((r) => r.title)).toEqual(expect.arrayContaining(['全国学术年会']));
    expect(years[2]!.counted.total).toBe(90);
  });

  it('counts a whole-year mark as its category met', async () => {
    const someone = await professionalWith([
      { year: 2025, category: 'specialized', hours: 0, fullYear: true, title: '课程进修满6个月' },
      { year: 2025, category: 'public', hours: 30 },
    ]);
    const year = (await completion(someone.cookie)).find((y) => y.year === 2025)!;
    expect([year.result, year.counted.total]).toEqual(['passed', 90]);
  });

  it('is a professional’s page only', async () => {
    expect((await t.app.inject({ url: '/api/me/completion', headers: { cookie: chain.employer.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/me/completion' })).statusCode).toBe(401);
  });
});
