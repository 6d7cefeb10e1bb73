import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, findBureau, loginAs } from '../../test/factories';
import { multipartFile, samplePng } from '../../test/uploads';
import { approve, createAdmin, createChain, requestRow, type Admin, type Chain } from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext(); // the clock stands at 2026-03-02 in China
  chain = await createChain(t, '410105');
});
afterAll(async () => t.close());

type Body = Record<string, unknown>;
const post = (cookie: string, url: string, payload: Body) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });

/** Two days of 8 hours in February (over by the test clock). */
const plan = (overrides: Body = {}): Body => ({
  title: '院内感染防控培训',
  category: 'specialized',
  startDate: '2026-02-10',
  endDate: '2026-02-11',
  place: '医院学术报告厅',
  hours: 16,
  expectedAttendees: 40,
  content: '院感防控规范与案例',
  ...overrides,
});

const uploadSheet = async (cookie: string) => {
  const { payload, contentType } = multipartFile('签到表.png', samplePng);
  const res = await t.app.inject({ method: 'POST', url: '/api/requests/attachments', headers: { cookie, 'content-type': contentType }, payload });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};

const staffOf = async (employerId: string, count: number) =>
  Promise.all(
    Array.from({ length: count }, async () => {
      const person = await createPerson(t);
      await createAccount(t, { personId: person.id, kind: 'professional', orgId: employerId });
      return { person, cookie: await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' }) };
    }),
  );

const specializedHours = async (cookie: string) => {
  const years = (await get(cookie, '/api/me/hours')).json().years as { creditYear: number; specializedHours: number }[];
  return years.find((y) => y.creditYear === 2026)?.specializedHours ?? 0;
};

/** A plan filed by `employer` and approved by each reviewer given, in order. */
const approvedPlan = async (employer: Admin, reviewers: Admin[], body: Body = plan()) => {
  const res = await post(employer.cookie, '/api/training/plans', body);
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  for (const [i, admin] of reviewers.entries()) expect((await approve(t, admin, { id, version: i + 1 })).statusCode).toBe(200);
  return id;
};

describe('单位培训计划 (issue 10, item 4)', () => {
  it('goes authority -> bureau, then the employer claims its attendees’ hours, which count once the bureau approves', async () => {
    const planId = await approvedPlan(chain.employer, [chain.authority, chain.bureau]);
    const steps = await t.db.selectFrom('requestStep').select('reviewerOrgId').where('requestId', '=', planId).orderBy('stepNo').execute();
    expect(steps.map((s) => s.reviewerOrgId)).toEqual([chain.authority.org.id, chain.bureau.org.id]);
    const listed = (await get(chain.employer.cookie, '/api/training/plans')).json();
    expect(listed.items[0]).toMatchObject({ id: planId, status: 'approved', canClaim: true, claimedPeople: 0, hours: 16 });

    const [a, b] = await staffOf(chain.employer.org.id, 2);
    const picker = (await get(chain.employer.cookie, '/api/training/staff')).json() as { personId: string; idNumberMasked: string }[];
    expect(picker.map((s) => s.personId)).toEqual(expect.arrayContaining([a!.person.id, b!.person.id]));
    expect(
      picker.every((s) => /^\d{2}\*{13}\d{2}[\dX]$/.test(s.idNumberMasked)),
      'ID numbers masked',
    ).toBe(true);

    const sheet = await uploadSheet(chain.employer.cookie);
    const claim = await post(chain.employer.cookie, '/api/training/unit-claims', {
      planId,
      personIds: [a!.person.id, b!.person.id],
      hours: 16,
      attachmentIds: [sheet],
    });
    expect(claim.statusCode, claim.body).toBe(201);
    const id = claim.json().id as string;
    const detail = (await get(chain.authority.cookie, `/api/reviews/${id}`)).json();
    expect(detail.title).toBe('单位培训：院内感染防控培训（2人，每人16学时）');
    expect(detail.attachments).toHaveLength(1);
    expect(JSON.stringify(detail.fields)).not.toContain(a!.person.idNumber);
    const followed = (await get(a!.cookie, '/api/requests/mine')).json().items.find((r: { id: string }) => r.id === id);
    expect(followed, 'the attendee follows the unit’s claim, read only').toMatchObject({
      filedByOrgName: chain.employer.org.name,
      canWithdraw: false,
    });
    expect((await approve(t, chain.authority, { id, version: 1 })).statusCode).toBe(200);
    expect(await specializedHours(a!.cookie), 'nothing before the bureau').toBe(0);
    expect((await approve(t, chain.bureau, { id, version: 2 })).statusCode).toBe(200);
    expect([await specializedHours(a!.cookie), await specializedHours(b!.cookie)]).toEqual([16, 16]);
    expect((await get(chain.employer.cookie, '/api/training/plans')).json().items[0].claimedPeople).toBe(2);

    const again = await post(chain.employer.cookie, '/api/training/unit-claims', {
      planId,
      personIds: [b!.person.id],
      hours: 8,
      attachmentIds: [await uploadSheet(chain.employer.cookie)],
    });
    expect([again.statusCode, again.json().message]).toEqual([409, `${b!.person.name}已在本培训计划的学时申报中，请勿重复申报`]);

    const revoke = await post(chain.bureau.cookie, `/api/reviews/${id}/revoke`, { version: 3, reason: '签到表与现场照片不符' });
    expect(revoke.statusCode).toBe(200);
    expect([await specializedHours(a!.cookie), await specializedHours(b!.cookie)], '审验不通过 takes every attendee’s hours back').toEqual([0, 0]);
  });

  it('goes to the bureau alone for an employer filed directly under it', async () => {
    const bureau = await findBureau(t, '410105');
    const direct = await createOrg(t, { kind: 'employer', superiorId: bureau.id, name: '直属单位培训' });
    const admin = await createAdmin(t, direct, { permissions: ['claims.plans'] });
    const res = await post(admin.cookie, '/api/training/plans', plan());
    expect((await requestRow(t, res.json().id)).stepCount).toBe(1);
  });

  it('refuses plans the 8-hour day or the dates forbid, and anyone without 单位培训计划', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('request')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('kind', '=', 'plan.unit')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const cases: [Body, number, string][] = [
      [plan({ hours: 20 }), 400, '每天申报不超8学时'],
      [plan({ startDate: '2026-02-12' }), 400, '结束时间不能早于开始时间'],
      [plan({ endDate: '2026-02-30' }), 400, '有效日期'],
      [plan({ hours: 2.25 }), 400, '最多保留一位小数'],
      [plan({ title: '\u200b' }), 400, ''],
      [plan({ place: '会议室\u0000' }), 400, ''],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(chain.employer.cookie, '/api/training/plans', body);
      expect([res.statusCode, res.json().message], JSON.stringify(body)).toEqual([status, expect.stringContaining(message)]);
    }
    expect((await post(chain.applicant.cookie, '/api/training/plans', plan())).statusCode, 'a professional').toBe(403);
    expect((await post(chain.authority.cookie, '/api/training/plans', plan())).statusCode, 'an authority').toBe(403);
    expect(await count()).toBe(before);
  });

  it('refuses a unit claim under a plan not approved, not over, or another org’s, and attendees not its own', async () => {
    const [member] = await staffOf(chain.employer.org.id, 1);
    const otherEmployer = await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id, name: '另一家医院' });
    const otherAdmin = await createAdmin(t, otherEmployer);
    const [outsider] = await staffOf(otherEmployer.id, 1);
    const pendingPlan = (await post(chain.employer.cookie, '/api/training/plans', plan({ title: '待审核计划' }))).json().id as string;
    const futurePlan = await approvedPlan(
      chain.employer,
      [chain.authority, chain.bureau],
      plan({ title: '未来计划', startDate: '2026-03-10', endDate: '2026-03-11' }),
    );
    const donePlan = await approvedPlan(chain.employer, [chain.authority, chain.bureau], plan({ title: '已结束计划' }));
    const claim = async (admin: Admin, body: Body) =>
      post(admin.cookie, '/api/training/unit-claims', {
        personIds: [member!.person.id],
        hours: 16,
        attachmentIds: [await uploadSheet(admin.cookie)],
        ...body,
      });
    const cases: [Admin, Body, number, string][] = [
      [chain.employer, { planId: pendingPlan }, 409, '培训计划审核通过后才能申报学时'],
      [chain.employer, { planId: futurePlan }, 409, '培训结束（2026-03-11）后才能申报学时'],
      [otherAdmin, { planId: donePlan, personIds: [outsider!.person.id] }, 404, '培训计划不存在'],
      [chain.employer, { planId: donePlan, personIds: [outsider!.person.id] }, 400, '不是本单位在职专业技术人员'],
      [chain.employer, { planId: donePlan, hours: 17 }, 400, '每人申报学时不能超过培训计划的16学时'],
      [chain.employer, { planId: donePlan, attachmentIds: [] }, 400, '请上传签到表'],
    ];
    for (const [admin, body, status, message] of cases) {
      const res = await claim(admin, body);
      expect([res.statusCode, res.json().message], JSON.stringify(body)).toEqual([status, expect.stringContaining(message)]);
    }
    const filed = await t.db
      .selectFrom('request')
      .select('id')
      .where('kind', '=', 'claim.unit')
      .where(sql<string>`payload->>'planId'`, 'in', [pendingPlan, futurePlan, donePlan])
      .execute();
    expect(filed).toEqual([]);
  });

  it('files one claim when the same attendees are sent five times at once', async () => {
    const planId = await approvedPlan(chain.employer, [chain.authority, chain.bureau], plan({ title: '并发申报计划' }));
    const [member] = await staffOf(chain.employer.org.id, 1);
    const sheets = await Promise.all(Array.from({ length: 5 }, () => uploadSheet(chain.employer.cookie)));
    const results = await Promise.all(
      sheets.map((sheet) =>
        post(chain.employer.cookie, '/api/training/unit-claims', { planId, personIds: [member!.person.id], hours: 16, attachmentIds: [sheet] }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it('keeps another county’s bureau out of the plan’s review (404, nothing changes)', async () => {
    const res = await post(chain.employer.cookie, '/api/training/plans', plan({ title: '他县不可见' }));
    const stranger = await createAdmin(t, await findBureau(t, '410108'), { permissions: ['claims.review'] });
    expect((await approve(t, stranger, { id: res.json().id, version: 1 })).statusCode).toBe(404);
    expect((await get(stranger.cookie, `/api/reviews/${res.json().id}`)).statusCode).toBe(404);
    expect((await requestRow(t, res.json().id)).version).toBe(1);
  });
});
