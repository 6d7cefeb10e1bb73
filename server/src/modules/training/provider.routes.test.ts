import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { writeAudits } from '../../platform/audit/audit';
import { createAccount, createOrg, createPerson, findBureau, loginAs, type TestOrg } from '../../test/factories';
import { multipartFile, samplePdf } from '../../test/uploads';
import { approve, createAdmin, createChain, reject, requestRow, type Admin, type Chain } from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
let providerOrg: TestOrg;
let provider: Admin;
beforeAll(async () => {
  t = await createTestContext(); // the clock stands at 2026-03-02 in China
  chain = await createChain(t, '410105');
  providerOrg = await createOrg(t, { kind: 'provider', superiorId: chain.bureau.org.id, name: '测试继续教育基地' });
  provider = await createAdmin(t, providerOrg);
});
afterAll(async () => t.close());

type Body = Record<string, unknown>;
const post = (cookie: string, url: string, payload: Body) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });

const plan = (overrides: Body = {}): Body => ({
  title: '专业技术人员职业道德培训',
  category: 'public',
  startDate: '2026-02-10',
  endDate: '2026-02-11',
  place: '基地培训楼',
  hours: 12,
  expectedAttendees: 100,
  content: undefined,
  ...overrides,
});

const upload = async (cookie: string) => {
  const { payload, contentType } = multipartFile('签到表.pdf', samplePdf);
  const res = await t.app.inject({ method: 'POST', url: '/api/requests/attachments', headers: { cookie, 'content-type': contentType }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

/** A professional somewhere in the province: the providers' participants come from any employer. */
const professional = async (orgId: string, name?: string) => {
  const person = await createPerson(t, { name });
  await createAccount(t, { personId: person.id, kind: 'professional', orgId });
  return { person, cookie: await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' }) };
};

const publicHours = async (cookie: string) => {
  const years = (await get(cookie, '/api/me/hours')).json().years as { creditYear: number; publicHours: number }[];
  return years.find((y) => y.creditYear === 2026)?.publicHours ?? 0;
};

const bureauWith = (permissions: string[]) => createAdmin(t, chain.bureau.org, { permissions });

const approvedPlan = async (body: Body = plan()) => {
  const res = await post(provider.cookie, '/api/training/plans', body);
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  expect((await approve(t, chain.bureau, { id, version: 1 })).statusCode).toBe(200);
  return id;
};

describe('培训计划申报 of a provider (issue 10, item 5)', () => {
  it('goes to the bureau of the provider’s region, under 审核培训计划申报, and only there', async () => {
    const res = await post(provider.cookie, '/api/training/plans', plan({ title: '仅人社审核' }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const row = await requestRow(t, id);
    expect([row.kind, row.stepCount, row.currentReviewerOrgId, row.currentPermission]).toEqual([
      'plan.provider',
      1,
      chain.bureau.org.id,
      'reviews.trainingPlans',
    ]);
    const kinds = (await get(chain.bureau.cookie, '/api/reviews/kinds')).json() as { kind: string; menuKey: string }[];
    expect(kinds.find((k) => k.kind === 'plan.provider')?.menuKey).toBe('reviews.trainingPlans');

    const claimsOnly = await bureauWith(['claims.review']);
    expect((await approve(t, claimsOnly, { id, version: 1 })).statusCode, '学时审批 alone is not 审核培训计划申报').toBe(403);
    const stranger = await createAdmin(t, await findBureau(t, '410108'), { permissions: ['reviews.trainingPlans'] });
    expect((await approve(t, stranger, { id, version: 1 })).statusCode, 'another county').toBe(404);
    const plansReviewer = await bureauWith(['reviews.trainingPlans']);
    expect((await approve(t, plansReviewer, { id, version: 1 })).statusCode).toBe(200);
    const listed = (await get(provider.cookie, '/api/training/plans')).json().items as { id: string; status: string; canClaim: boolean }[];
    expect(listed.find((p) => p.id === id)).toMatchObject({ status: 'approved', canClaim: true });
    expect(
      (await get(chain.employer.cookie, '/api/training/plans')).json().items.some((p: { id: string }) => p.id === id),
      'an employer lists its own plans only',
    ).toBe(false);
  });

  it('is counted on the bureau’s home page under 审核培训计划申报, for admins holding that queue only', async () => {
    const waiting = async (admin: { cookie: string }) =>
      Object.fromEntries(
        ((await get(admin.cookie, '/api/reviews/waiting')).json() as { menuKey: string; count: number }[]).map((r) => [r.menuKey, r.count]),
      );
    const before = (await waiting(chain.bureau))['reviews.trainingPlans'] ?? 0;
    expect((await post(provider.cookie, '/api/training/plans', plan({ title: '待办计数' }))).statusCode).toBe(201);
    expect((await waiting(chain.bureau))['reviews.trainingPlans']).toBe(before + 1);
    expect(Object.keys(await waiting(await bureauWith(['claims.review'])))).not.toContain('reviews.trainingPlans');
    expect((await get(chain.applicant.cookie, '/api/reviews/waiting')).json(), 'a professional has no queues').toEqual([]);
  });

  it('refuses the plan pages to those without the provider’s menus, and the employer’s claim to the provider', async () => {
    expect((await post(chain.authority.cookie, '/api/training/plans', plan())).statusCode).toBe(403);
    expect((await post(chain.applicant.cookie, '/api/training/plans', plan())).statusCode).toBe(403);
    const reportsOnly = await createAdmin(t, providerOrg, { permissions: ['training.annualReport'] });
    expect((await get(reportsOnly.cookie, '/api/training/plans')).statusCode).toBe(403);
    const claimsOnly = await createAdmin(t, providerOrg, { permissions: ['training.proxyClaims'] });
    expect((await get(claimsOnly.cookie, '/api/training/plans')).statusCode, '代申报学时 reads the plans').toBe(200);
    expect((await post(claimsOnly.cookie, '/api/training/plans', plan())).statusCode, 'but does not file them').toBe(403);
    expect((await post(chain.employer.cookie, '/api/training/roster-check', { entries: [{ idNumber: 'x', name: '张三' }] })).statusCode).toBe(403);
    const unitClaim = { planId: crypto.randomUUID(), personIds: [chain.applicant.person.id], hours: 1, attachmentIds: [] };
    expect((await post(provider.cookie, '/api/training/unit-claims', unitClaim)).statusCode, 'a provider files no unit claims').toBe(403);
  });
});

describe('代申报学时 (issue 10, item 5)', () => {
  it('checks the roster line by line without telling a name from an ID number alone', async () => {
    const a = await professional(chain.employer.org.id, '李四');
    const res = await post(provider.cookie, '/api/training/roster-check', {
      entries: [
        { idNumber: a.person.idNumber.toLowerCase(), name: '李四' },
        { idNumber: a.person.idNumber, name: '李四' },
        { idNumber: chain.applicant.person.idNumber, name: '王五' },
        { idNumber: '410105199001011234', name: '赵六' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.json() as { ok: boolean; name: string; idNumberMasked: string; employerName: string | null; message: string | null }[];
    expect(lines.map((l) => l.ok)).toEqual([true, false, false, false]);
    expect(lines[0]).toMatchObject({ name: '李四', employerName: chain.employer.org.name, message: null });
    expect(lines[1]!.message).toBe('与前面的人员重复');
    expect(lines[2]!.message, 'a wrong name is told as not found, not corrected').toContain('未找到姓名与身份证号相符');
    expect(lines[2]!.employerName).toBeNull();
    expect(JSON.stringify(lines)).not.toContain(chain.applicant.person.name);
    expect(JSON.stringify(lines)).not.toContain(a.person.idNumber);
    const audit = await t.db
      .selectFrom('auditLog')
      .select('detail')
      .where('event', '=', 'TRAINING_ROSTER_CHECK')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ lines: 4, matched: 1 });
  });

  it('lets an org check at most 100 rosters in 24 hours', async () => {
    const org = await createOrg(t, { kind: 'provider', superiorId: chain.bureau.org.id, name: '核对次数基地' });
    const admin = await createAdmin(t, org);
    const earlier = Array.from({ length: 99 }, () => ({ event: 'TRAINING_ROSTER_CHECK', actor: { orgId: org.id } }));
    await writeAudits(t.db, t.ctx.clock, earlier);
    const entries = [{ idNumber: chain.applicant.person.idNumber, name: chain.applicant.person.name }];
    expect((await post(admin.cookie, '/api/training/roster-check', { entries })).statusCode, 'the 100th').toBe(200);
    const over = await post(admin.cookie, '/api/training/roster-check', { entries });
    expect([over.statusCode, over.json().message]).toEqual([429, '本机构24小时内核对名单已达100次，请明天再试']);
    expect((await post(provider.cookie, '/api/training/roster-check', { entries })).statusCode, 'another provider').toBe(200);
  });

  it('credits every participant once the bureau approves; the professional follows it but only the provider withdraws', async () => {
    const planId = await approvedPlan();
    const otherEmployer = await createOrg(t, { kind: 'employer', superiorId: chain.bureau.org.id, name: '另一家用人单位' });
    const a = await professional(chain.employer.org.id);
    const b = await professional(otherEmployer.id);
    const roster = [
      { idNumber: a.person.idNumber, name: a.person.name },
      { idNumber: b.person.idNumber, name: b.person.name },
    ];
    const bad = await post(provider.cookie, '/api/training/proxy-claims', {
      planId,
      hours: 12,
      attendees: [...roster, { idNumber: b.person.idNumber, name: b.person.name }],
      attachmentIds: [await upload(provider.cookie)],
    });
    expect([bad.statusCode, bad.json().message]).toEqual([400, `参训人员名单有误：第3行（${b.person.name}）与前面的人员重复`]);

    const res = await post(provider.cookie, '/api/training/proxy-claims', {
      planId,
      hours: 12,
      attendees: roster,
      attachmentIds: [await upload(provider.cookie)],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const row = await requestRow(t, id);
    expect([row.kind, row.stepCount, row.currentReviewerOrgId, row.currentPermission]).toEqual([
      'claim.proxy',
      1,
      chain.bureau.org.id,
      'claims.review',
    ]);
    const recheck = (await post(provider.cookie, '/api/training/roster-check', { entries: [roster[0]], planId })).json();
    expect(recheck[0], 'the check says so before the claim would').toMatchObject({ ok: false, message: '已在本培训计划的学时申报中' });
    const otherPlan = (await post(chain.employer.cookie, '/api/training/plans', plan({ title: '别人的计划' }))).json().id as string;
    expect((await post(provider.cookie, '/api/training/roster-check', { entries: [roster[0]], planId: otherPlan })).statusCode).toBe(404);

    const mine = (await get(a.cookie, '/api/requests/mine')).json().items as {
      id: string;
      canWithdraw: boolean;
      filedByOrgName: string | null;
      attachments: unknown[];
    }[];
    expect(mine.find((r) => r.id === id)).toMatchObject({ canWithdraw: false, filedByOrgName: providerOrg.name, attachments: [] });
    const withdrawByPerson = await post(a.cookie, `/api/requests/${id}/withdraw`, {});
    expect(withdrawByPerson.statusCode, 'the professional cannot withdraw a proxy claim').toBe(404);
    const detail = (await get(chain.bureau.cookie, `/api/reviews/${id}`)).json();
    expect(JSON.stringify(detail.fields)).toContain(`${b.person.name}（`);
    expect(JSON.stringify(detail.fields)).toContain('另一家用人单位');
    expect(JSON.stringify(detail.fields)).not.toContain(b.person.idNumber);

    expect((await approve(t, chain.bureau, { id, version: 1 })).statusCode).toBe(200);
    expect([await publicHours(a.cookie), await publicHours(b.cookie)]).toEqual([12, 12]);
    const record = await t.db.selectFrom('hoursRecord').select('source').where('requestId', '=', id).execute();
    expect(record.map((r) => r.source)).toEqual(['proxyClaim', 'proxyClaim']);

    const again = await post(provider.cookie, '/api/training/proxy-claims', {
      planId,
      hours: 12,
      attendees: [roster[0]],
      attachmentIds: [await upload(provider.cookie)],
    });
    expect([again.statusCode, again.json().message]).toEqual([409, `${a.person.name}已在本培训计划的学时申报中，请勿重复申报`]);
  });

  it('lets another admin of the provider withdraw a pending proxy claim, and no one outside it', async () => {
    const planId = await approvedPlan(plan({ title: '撤回测试计划' }));
    const a = await professional(chain.employer.org.id);
    const res = await post(provider.cookie, '/api/training/proxy-claims', {
      planId,
      hours: 6,
      attendees: [{ idNumber: a.person.idNumber, name: a.person.name }],
      attachmentIds: [await upload(provider.cookie)],
    });
    const id = res.json().id as string;
    const reportsOnly = await createAdmin(t, providerOrg, { permissions: ['training.annualReport'] });
    expect((await post(reportsOnly.cookie, `/api/requests/${id}/withdraw`, {})).statusCode, 'without 代申报学时').toBe(404);
    const otherProvider = await createAdmin(t, await createOrg(t, { kind: 'provider', superiorId: chain.bureau.org.id }));
    expect((await post(otherProvider.cookie, `/api/requests/${id}/withdraw`, {})).statusCode).toBe(404);
    const colleague = await createAdmin(t, providerOrg, { permissions: ['training.proxyClaims'] });
    const withdrawn = await post(colleague.cookie, `/api/requests/${id}/withdraw`, {});
    expect([withdrawn.statusCode, withdrawn.json().status]).toEqual([200, 'withdrawn']);
    const refiled = await post(provider.cookie, '/api/training/proxy-claims', {
      planId,
      hours: 6,
      attendees: [{ idNumber: a.person.idNumber, name: a.person.name }],
      attachmentIds: [await upload(provider.cookie)],
    });
    expect(refiled.statusCode, 'withdrawn frees the participant for the plan').toBe(201);
  });

  it('refuses a claim under another provider’s plan or an employer’s, over the plan’s hours, or with an unknown person', async () => {
    const planId = await approvedPlan(plan({ title: '拒绝测试计划' }));
    const employerPlan = (await post(chain.employer.cookie, '/api/training/plans', plan({ title: '单位自己的计划' }))).json().id as string;
    const a = await professional(chain.employer.org.id);
    const claim = async (body: Body) =>
      post(provider.cookie, '/api/training/proxy-claims', {
        planId,
        hours: 12,
        attendees: [{ idNumber: a.person.idNumber, name: a.person.name }],
        attachmentIds: [await upload(provider.cookie)],
        ...body,
      });
    const cases: [Body, number, string][] = [
      [{ planId: employerPlan }, 404, '培训计划不存在'],
      [{ hours: 13 }, 400, '每人申报学时不能超过培训计划的12学时'],
      [{ attendees: [{ idNumber: a.person.idNumber, name: '张冠李戴' }] }, 400, '第1行（张冠李戴）未找到姓名与身份证号相符'],
      [{ attachmentIds: [] }, 400, '请上传签到表'],
    ];
    for (const [body, status, message] of cases) {
      const res = await claim(body);
      expect([res.statusCode, res.json().message], JSON.stringify(body)).toEqual([status, expect.stringContaining(message)]);
    }
    const filed = await t.db.selectFrom('requestParticipant').select('requestId').where('personId', '=', a.person.id).execute();
    expect(filed).toEqual([]);
  });
});

describe('年度报告 of a provider (issue 10, item 5)', () => {
  it('carries the platform’s figures of the year, goes to the bureau’s 审核继续教育基地年度报告, once a year', async () => {
    const reportsProvider = await createAdmin(t, await createOrg(t, { kind: 'provider', superiorId: chain.bureau.org.id, name: '年报基地' }));
    const figures = await get(reportsProvider.cookie, '/api/training/annual-reports/figures?year=2026');
    expect(figures.json()).toEqual({ year: 2026, plans: 0, attendances: 0, hours: 0 });
    const body = {
      year: 2025,
      teachers: 12,
      summary: '全年举办培训班8期，培训专业技术人员1200人次。',
      attachmentIds: [await upload(reportsProvider.cookie)],
    };
    const res = await post(reportsProvider.cookie, '/api/training/annual-reports', body);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const row = await requestRow(t, id);
    expect([row.kind, row.currentReviewerOrgId, row.currentPermission, row.title]).toEqual([
      'report.provider',
      chain.bureau.org.id,
      'reviews.annualReports',
      '年报基地：2025年度报告',
    ]);
    const twice = await post(reportsProvider.cookie, '/api/training/annual-reports', {
      ...body,
      attachmentIds: [await upload(reportsProvider.cookie)],
    });
    expect([twice.statusCode, twice.json().message]).toEqual([409, expect.stringContaining('2025年度报告已提交')]);
    expect((await reject(t, chain.bureau, { id, version: 1, reason: '缺少盖章' })).statusCode).toBe(200);
    const refiled = await post(reportsProvider.cookie, '/api/training/annual-reports', {
      ...body,
      attachmentIds: [await upload(reportsProvider.cookie)],
    });
    expect(refiled.statusCode, 'a rejected report may be filed again').toBe(201);
  });

  it('counts the provider’s approved plans and proxy claims of the year', async () => {
    const planId = await approvedPlan(plan({ title: '统计计划' }));
    const people = [await professional(chain.employer.org.id), await professional(chain.employer.org.id)];
    const before = (await get(provider.cookie, '/api/training/annual-reports/figures?year=2026')).json();
    const res = await post(provider.cookie, '/api/training/proxy-claims', {
      planId,
      hours: 10,
      attendees: people.map((p) => ({ idNumber: p.person.idNumber, name: p.person.name })),
      attachmentIds: [await upload(provider.cookie)],
    });
    expect((await approve(t, chain.bureau, { id: res.json().id, version: 1 })).statusCode).toBe(200);
    const after = (await get(provider.cookie, '/api/training/annual-reports/figures?year=2026')).json();
    expect([after.attendances - before.attendances, after.hours - before.hours]).toEqual([2, 20]);
    expect(after.plans).toBeGreaterThanOrEqual(1);
  });

  it('refuses a report of a year not begun, without its file, or from anyone but the provider', async () => {
    const body = { year: 2026, teachers: 3, summary: '本年度工作总结内容详见附件。', attachmentIds: [] as string[] };
    const count = async () => (await t.db.selectFrom('request').select('id').where('kind', '=', 'report.provider').execute()).length;
    const before = await count();
    const cases: [Admin, Body, number, string][] = [
      [provider, { ...body, year: 2027, attachmentIds: [await upload(provider.cookie)] }, 400, '不能提交尚未开始年度的年度报告'],
      [provider, body, 400, '请上传年度报告文件'],
      [provider, { ...body, summary: '\u200b\u200b' }, 400, ''],
      [chain.employer, { ...body, attachmentIds: [await upload(chain.employer.cookie)] }, 403, ''],
    ];
    for (const [admin, b, status, message] of cases) {
      const res = await post(admin.cookie, '/api/training/annual-reports', b);
      expect([res.statusCode, res.json().message], JSON.stringify(b)).toEqual([status, expect.stringContaining(message)]);
    }
    expect(await count()).toBe(before);
  });
});
