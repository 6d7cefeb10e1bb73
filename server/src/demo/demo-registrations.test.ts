import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-context';
import { loginAs } from '../test/factories';
import { DEMO_PASSWORD, loadDemoData } from './demo';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const pendingAt = (kind: string) =>
  t.db
    .selectFrom('request as r')
    .innerJoin('org as o', 'o.id', 'r.currentReviewerOrgId')
    .select(['o.kind', 'o.bureauLevel', 'r.kind as requestKind'])
    .where('r.status', '=', 'pending')
    .where('o.kind', '=', kind as 'hrBureau')
    .execute();

describe('demo province (npm start)', () => {
  it('registers and approves through the engine, leaves requests waiting in five kinds of queue, and is idempotent', async () => {
    const started = Date.now();
    const logins = await loadDemoData(t.ctx);
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(20);

    const professionals = await t.db.selectFrom('account').select('id').where('kind', '=', 'professional').where('status', '=', 'active').execute();
    expect(professionals.length).toBeGreaterThanOrEqual(30);
    const subUnits = await t.db
      .selectFrom('org as o')
      .innerJoin('org as p', 'p.id', 'o.superiorId')
      .select('o.name')
      .where('o.kind', '=', 'employer')
      .where('p.kind', '=', 'employer')
      .execute();
    expect(subUnits.length).toBeGreaterThanOrEqual(1);
    expect(
      (await t.db.selectFrom('org').select('id').where('kind', '=', 'provider').where('status', '=', 'active').execute()).length,
    ).toBeGreaterThanOrEqual(2);

    const bureauLevels = (await pendingAt('hrBureau')).map((r) => r.bureauLevel);
    expect(new Set(bureauLevels)).toEqual(new Set(['province', 'city', 'county']));
    expect((await pendingAt('authority')).length).toBeGreaterThan(0);
    expect((await pendingAt('employer')).some((r) => r.requestKind === 'registration.professional')).toBe(true);

    for (const login of logins.filter((l) => ['authority', 'employer', 'professional', 'provider'].includes(l.role))) {
      await loginAs(t, { idNumber: login.idNumber, password: DEMO_PASSWORD, role: login.role as 'employer' });
    }
    expect(logins.map((l) => l.role)).toEqual(expect.arrayContaining(['authority', 'employer', 'professional', 'provider']));
    const providerWork = await t.db
      .selectFrom('request')
      .select(['kind', 'status'])
      .where('kind', 'in', ['plan.provider', 'claim.proxy', 'report.provider'])
      .execute();
    expect(new Set(providerWork.map((r) => `${r.kind}:${r.status}`)), 'the provider demo: a plan held, its proxy claim and a report waiting').toEqual(
      new Set(['plan.provider:approved', 'plan.provider:pending', 'claim.proxy:pending', 'report.provider:pending']),
    );

    const count = async () =>
      (
        await t.db
          .selectFrom('request')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const again = await loadDemoData(t.ctx);
    expect(await count()).toBe(before);
    expect(again).toEqual(logins);
    console.log(`demo data: ${seconds.toFixed(1)} s, ${before} requests, ${professionals.length} active professionals`);
  });

  it('gives the demo professional claims (one approved through the chain, one halfway, one at the employer) and two passed years', async () => {
    const logins = await loadDemoData(t.ctx);
    const login = (role: string) => logins.find((l) => l.role === role)!;
    const professional = await loginAs(t, { idNumber: login('professional').idNumber, password: DEMO_PASSWORD, role: 'professional' });
    const hours = await t.app.inject({ url: '/api/me/hours', headers: { cookie: professional } });
    expect(hours.json().years).toEqual([
      expect.objectContaining({ creditYear: 2026, specializedHours: 24, publicHours: 12 }), // 12 synced from a learning platform
      expect.objectContaining({ creditYear: 2025, specializedHours: 66, publicHours: 30 }),
      expect.objectContaining({ creditYear: 2024, specializedHours: 60, publicHours: 30 }),
    ]);
    const completion = (await t.app.inject({ url: '/api/me/completion', headers: { cookie: professional } })).json();
    expect(
      completion.years.map((y: { result: string }) => y.result),
      'two passed years to print',
    ).toEqual(['inProgress', 'passed', 'passed']);
    // The test clock stands still: the three claims share one createdAt, so they are compared in a fixed order.
    const claims = await t.db
      .selectFrom('request')
      .select(['status', 'currentStep'])
      .where('kind', '=', 'claim.hours')
      .orderBy('currentStep', 'desc')
      .execute();
    expect(claims).toEqual([
      { status: 'approved', currentStep: 3 },
      { status: 'inReview', currentStep: 2 },
      { status: 'pending', currentStep: 1 },
    ]);
  });

  it('gives the demo employer a held training plan with its attendees’ hours waiting at the authority, and one coming up', async () => {
    await loadDemoData(t.ctx);
    const rows = await t.db
      .selectFrom('request')
      .select(['kind', 'status', 'currentStep', 'stepCount'])
      .where('kind', 'in', ['plan.unit', 'claim.unit'])
      .execute();
    // The test clock stands still: the rows share one createdAt, so they are compared in a fixed order of their own.
    const sorted = rows.sort((a, b) => `${a.kind}:${a.status}`.localeCompare(`${b.kind}:${b.status}`));
    expect(sorted).toEqual([
      { kind: 'claim.unit', status: 'pending', currentStep: 1, stepCount: 2 },
      { kind: 'plan.unit', status: 'approved', currentStep: 2, stepCount: 2 },
      { kind: 'plan.unit', status: 'pending', currentStep: 1, stepCount: 2 },
    ]);
  });

  it("puts the bureaus' notices on the portal (a draft stays off it), once", async () => {
    await loadDemoData(t.ctx);
    const list = await t.app.inject({ method: 'GET', url: '/api/notices?page=1&pageSize=10' });
    expect(list.statusCode).toBe(200);
    const titles: string[] = list.json().items.map((n: { title: string }) => n.title);
    expect(titles.length).toBe(3);
    expect(titles.some((title) => title.includes('学时登记'))).toBe(true);
    expect(titles.some((title) => title.includes('草稿'))).toBe(false);
    const drafts = await t.db.selectFrom('notice').select('id').where('status', '=', 'draft').execute();
    expect(drafts.length).toBe(1);
  });

  it('has a learning platform that synced two of the professional’s courses and had one item refused, once', async () => {
    await loadDemoData(t.ctx);
    await loadDemoData(t.ctx);
    const sources = await t.db.selectFrom('syncSource').select(['acceptedCount', 'refusedCount', 'revokedAt']).execute();
    expect(sources).toEqual([{ acceptedCount: 2, refusedCount: 1, revokedAt: null }]);
    const synced = await t.db.selectFrom('hoursRecord').select('title').where('source', '=', 'sync').execute();
    expect(synced.map((r) => r.title).sort()).toEqual(['公需科目：专业技术人员职业道德与诚信建设', '公需科目：数字经济与创新驱动发展']);
  });

  it('has a transfer waiting at the demo hospital (人员调转) and a teacher marked 离职 at the school, once', async () => {
    await loadDemoData(t.ctx);
    await loadDemoData(t.ctx);
    const transfers = await t.db.selectFrom('request').select(['status', 'title', 'currentStep']).where('kind', '=', 'people.transfer').execute();
    expect(transfers).toEqual([{ status: 'pending', title: expect.stringMatching(/第一人民医院 → .*第一中学$/), currentStep: 1 }]);
    const left = await t.db.selectFrom('professionalProfile').select('employment').where('employment', '!=', 'active').execute();
    expect(left).toEqual([{ employment: 'left' }]);
  });
});
