import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createProfessional, loginAs } from '../../test/factories';
import { creditHours } from '../claims';
import { approve, createChain, type Chain } from '../reviews/reviews.test-support';
import { multipartFile, samplePng } from '../../test/uploads';

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

describe('年度学时折算 (issue 11, item 1: the prorated cases of seed 002)', () => {
  const file = async (cookie: string, body: Record<string, unknown>) => {
    const { payload, contentType } = multipartFile('出生医学证明.png', samplePng);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/requests/attachments',
      headers: { cookie, 'content-type': contentType },
      payload,
    });
    return t.app.inject({
      method: 'POST',
      url: '/api/me/prorations',
      headers: { cookie },
      payload: { creditYear: 2025, reason: '生育', monthsInPost: 5, explanation: '2025年3月至9月产假', attachmentIds: [upload.json().id], ...body },
    });
  };

  it('prorates the year’s requirement to the months in post once the chain approves, and restores it when 审验不通过', async () => {
    const someone = await professionalWith([
      { year: 2025, category: 'public', hours: 14 },
      { year: 2025, category: 'specialized', hours: 26 },
    ]);
    const before = (await completion(someone.cookie)).find((y) => y.year === 2025)!;
    expect(before.result).toBe('failed');
    const res = await file(someone.cookie, {});
    expect(res.statusCode, res.body).toBe(201);
    const again = await file(someone.cookie, { monthsInPost: 4 });
    expect([again.statusCode, again.json().message]).toEqual([409, '2025年度已有学时折算申请在审核中，请勿重复提交']);
    const id = res.json().id as string;
    const detail = await t.app.inject({ url: `/api/reviews/${id}`, headers: { cookie: chain.employer.cookie } });
    expect(detail.body).toContain('公需12.5 + 专业25，共37.5学时');
    for (const [i, admin] of [chain.employer, chain.authority, chain.bureau].entries())
      expect((await approve(t, admin, { id, version: i + 1 })).statusCode, admin.org.kind).toBe(200);
    const after = (await completion(someone.cookie)).find((y) => y.year === 2025)! as unknown as {
      result: string;
      required: { public: number; specialized: number; total: number };
      monthsInPost: number;
    };
    expect(after).toMatchObject({ result: 'passed', monthsInPost: 5, required: { public: 12.5, specialized: 25, total: 37.5 } });

    // A second approval of the year replaces the months; revoking it brings the first one back, revoking that the whole year.
    const second = (await file(someone.cookie, { monthsInPost: 8 })).json().id as string;
    for (const [i, admin] of [chain.employer, chain.authority, chain.bureau].entries())
      expect((await approve(t, admin, { id: second, version: i + 1 })).statusCode).toBe(200);
    const months = async () =>
      ((await completion(someone.cookie)).find((y) => y.year === 2025) as unknown as { monthsInPost: number | null }).monthsInPost;
    expect(await months()).toBe(8);
    const revoke = (requestId: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/reviews/${requestId}/revoke`,
        headers: { cookie: chain.bureau.cookie },
        payload: { version: 4, reason: '证明材料不实' },
      });
    expect((await revoke(second)).statusCode).toBe(200);
    expect(await months()).toBe(5);
    const revoked = await revoke(id);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await months()).toBeNull();
    expect((await completion(someone.cookie)).find((y) => y.year === 2025)!.result).toBe('failed');
  });

  it('refuses a case the profile does not list, 12 months, no proof, a year not theirs, and an admin', async () => {
    const someone = await professionalWith([{ year: 2025, category: 'public', hours: 1 }]);
    const cases: [Record<string, unknown>, string][] = [
      [{ reason: '出差' }, '折算事由应为：年度内在境外工作超过6个月的、年度内因病假超过6个月的、生育、经业务主管部门批准的其他情况'],
      [{ monthsInPost: 12 }, '在岗满12个月的年度无需折算'],
      [{ attachmentIds: [] }, '请上传证明材料（如出境记录、病假证明、出生医学证明等）'],
      [{ creditYear: 2019 }, '只能申请2025至2026年度的学时折算'],
      [{ explanation: '\u200b' }, '情况说明不能只包含不可见字符'],
    ];
    for (const [body, message] of cases) {
      const res = await file(someone.cookie, body);
      expect([res.statusCode, res.json().message], JSON.stringify(body)).toEqual([400, message]);
    }
    const asAdmin = await t.app.inject({
      method: 'POST',
      url: '/api/me/prorations',
      headers: { cookie: chain.employer.cookie },
      payload: { creditYear: 2025, reason: '生育', monthsInPost: 5, explanation: '说明', attachmentIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(asAdmin.statusCode).toBe(403);
    expect(
      await t.db
        .selectFrom('request')
        .select('id')
        .where('kind', '=', 'completion.proration')
        .where('applicantPersonId', '=', someone.person.id)
        .execute(),
    ).toEqual([]);
  });
});
