import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesDir } from '../../platform/files/files';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, findBureau, loginAs } from '../../test/factories';
import { multipartFile, samplePdf, samplePng } from '../../test/uploads';
import { approve, createAdmin, createChain, reject, requestRow, stepStatuses, type Admin, type Chain } from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext(); // the clock stands at 2026-03-02 in China
  chain = await createChain(t, '410105');
});
afterAll(async () => t.close());

type Body = Record<string, unknown>;
const post = (cookie: string, url: string, payload: Body) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

const uploadFile = (cookie: string, filename = '参会证明.png', bytes = samplePng) => {
  const { payload, contentType } = multipartFile(filename, bytes);
  return t.app.inject({ method: 'POST', url: '/api/requests/attachments', headers: { cookie, 'content-type': contentType }, payload });
};

/** 学时(分)申报 with its 学习证明材料 uploaded first, as the claim page sends it. */
const fileClaim = async (cookie: string, body: Body) => {
  const upload = await uploadFile(cookie);
  expect(upload.statusCode).toBe(201);
  return post(cookie, '/api/claims', { attachmentIds: [upload.json().id], ...body });
};

/** 国家级学术会议 3 days with a paper: 3 × 6 + 6 = 24 hours, within 8 a day. */
const conference = (overrides: Body = {}): Body => ({
  formCode: 'academicConference',
  creditYear: 2026,
  title: '全国继续教育学术年会',
  startDate: '2026-02-10',
  endDate: '2026-02-12',
  fields: { meetingLevel: 'national', organizer: '中国继续教育学会', days: 3, presentedPaper: 'yes' },
  ...overrides,
});

const myHours = async (cookie: string) => {
  const res = await t.app.inject({ url: '/api/me/hours', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json().years as {
    creditYear: number;
    publicHours: number;
    specializedHours: number;
    publicFullYear: boolean;
    specializedFullYear: boolean;
  }[];
};

/** A professional of its own employer, so that each test's claims and hours start from nothing. */
const newProfessional = async (employerId: string) => {
  const person = await createPerson(t);
  await createAccount(t, { personId: person.id, kind: 'professional', orgId: employerId });
  return { person, cookie: await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' }) };
};

describe('学时(分)申报 through the whole chain (issue 10)', () => {
  it('quotes 24 hours before submitting, goes employer -> authority -> bureau, and the year’s hours rise on final approval', async () => {
    const quote = await post(chain.applicant.cookie, '/api/claims/quote', conference());
    expect(quote.json()).toEqual({ ok: true, hours: 24, explanation: '学术会议：国家部委举办 3天 × 6 + 宣读、报告论文 6 = 24学时' });
    const res = await fileClaim(chain.applicant.cookie, conference());
    expect(res.statusCode).toBe(201);
    const claim = res.json() as { id: string; hours: number };
    expect(claim.hours).toBe(24);
    const queue = await t.app.inject({ url: '/api/reviews?kind=claim.hours', headers: { cookie: chain.employer.cookie } });
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(claim.id);
    const details = await t.app.inject({ url: `/api/reviews/${claim.id}`, headers: { cookie: chain.employer.cookie } });
    expect(details.json().fields).toEqual(
      expect.arrayContaining([
        { label: '申请学时', value: '24学时' },
        { label: '会议级别', value: '国家部委举办' },
        { label: '参会天数', value: '3天' },
      ]),
    );
    for (const [i, admin] of [chain.employer, chain.authority, chain.bureau].entries()) {
      expect(await myHours(chain.applicant.cookie), 'nothing counts before the last approval').toEqual([]);
      expect((await approve(t, admin, { id: claim.id, version: i + 1 })).statusCode).toBe(200);
    }
    expect(await myHours(chain.applicant.cookie)).toEqual([
      { creditYear: 2026, publicHours: 0, specializedHours: 24, publicFullYear: false, specializedFullYear: false },
    ]);
    const records = await t.db.selectFrom('hoursRecord').selectAll().where('requestId', '=', claim.id).execute();
    expect(records.map((r) => [r.category, Number(r.hours), r.source])).toEqual([['specialized', 24, 'claim']]);
  });

  it('goes employer -> bureau when the employer is filed directly under the bureau', async () => {
    const bureau = await findBureau(t, '410105');
    const employer = await createOrg(t, { kind: 'employer', superiorId: bureau.id, name: '直属人社局的用人单位' });
    await createAdmin(t, employer);
    const someone = await newProfessional(employer.id);
    const res = await fileClaim(someone.cookie, conference());
    expect(res.statusCode).toBe(201);
    const row = await requestRow(t, res.json().id);
    expect(row.stepCount).toBe(2);
    const steps = await t.db.selectFrom('requestStep').select('reviewerOrgId').where('requestId', '=', row.id).orderBy('stepNo').execute();
    expect(steps.map((s) => s.reviewerOrgId)).toEqual([employer.id, bureau.id]);
  });

  it('credits a claim once when 20 approvals of its last step arrive at once', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const id = (await fileClaim(someone.cookie, conference({ title: '并发审核的会议' }))).json().id as string;
    expect((await approve(t, chain.employer, { id, version: 1 })).statusCode).toBe(200);
    expect((await approve(t, chain.authority, { id, version: 2 })).statusCode).toBe(200);
    const second = await createAdmin(t, chain.bureau.org, { permissions: ['claims.review'] });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => approve(t, i % 2 ? second : chain.bureau, { id, version: 3 })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, ...Array(19).fill(409)]);
    const records = await t.db.selectFrom('hoursRecord').select('hours').where('requestId', '=', id).execute();
    expect(records.map((r) => Number(r.hours))).toEqual([24]);
    expect(await myHours(someone.cookie)).toEqual([expect.objectContaining({ specializedHours: 24 })]);
  });

  it('credits the whole year of both categories for a year of 援藏 service', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const res = await fileClaim(someone.cookie, {
      formCode: 'aidProgram',
      creditYear: 2026,
      title: '援藏医疗队',
      startDate: '2025-03-01',
      endDate: '2026-02-28',
      fields: { programType: 'tibet' },
    });
    expect(res.json()).toMatchObject({ hours: null, fullYear: ['public', 'specialized'] });
    for (const [i, admin] of [chain.employer, chain.authority, chain.bureau].entries()) {
      expect((await approve(t, admin, { id: res.json().id, version: i + 1 })).statusCode).toBe(200);
    }
    expect(await myHours(someone.cookie)).toEqual([
      { creditYear: 2026, publicHours: 0, specializedHours: 0, publicFullYear: true, specializedFullYear: true },
    ]);
  });

  it('counts nothing when the authority rejects after the employer approved, and the reason reaches the applicant', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const res = await fileClaim(someone.cookie, conference({ title: '被驳回的会议' }));
    const id = res.json().id as string;
    expect((await approve(t, chain.employer, { id, version: 1 })).statusCode).toBe(200);
    expect((await reject(t, chain.authority, { id, version: 2, reason: '会议通知与论文不符' })).statusCode).toBe(200);
    expect((await requestRow(t, id)).status).toBe('rejected');
    expect(await stepStatuses(t, id)).toBe('approved,rejected,skipped');
    expect(await myHours(someone.cookie)).toEqual([]);
  });

  it('takes the hours back when the bureau marks an approved claim 审验不通过, and only the bureau may', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const approveAll = async (id: string) => {
      for (const [i, admin] of [chain.employer, chain.authority, chain.bureau].entries()) {
        expect((await approve(t, admin, { id, version: i + 1 })).statusCode).toBe(200);
      }
    };
    const kept = (await fileClaim(someone.cookie, conference({ title: '保留的会议' }))).json().id as string;
    const taken = (
      await fileClaim(someone.cookie, {
        ...conference(),
        formCode: 'aidProgram',
        title: '援疆',
        startDate: '2025-03-01',
        endDate: '2026-02-28',
        fields: { programType: 'xinjiang' },
      })
    ).json().id as string;
    await approveAll(kept);
    await approveAll(taken);
    expect(await myHours(someone.cookie)).toEqual([
      expect.objectContaining({ specializedHours: 24, publicFullYear: true, specializedFullYear: true }),
    ]);
    const revoke = (admin: Admin, body: Body) => post(admin.cookie, `/api/reviews/${taken}/revoke`, body);
    const details = async (admin: Admin) => (await t.app.inject({ url: `/api/reviews/${taken}`, headers: { cookie: admin.cookie } })).json();

    expect((await details(chain.employer)).canRevoke, 'a lower level sees no 审验不通过').toBe(false);
    expect((await details(chain.bureau)).canRevoke).toBe(true);
    const byEmployer = await revoke(chain.employer, { version: 4, reason: '证明材料不实' });
    expect([byEmployer.statusCode, byEmployer.json().message]).toEqual([403, '只有最后审核通过的单位可以撤销审核通过']);
    expect((await revoke(chain.bureau, { version: 4, reason: '' })).statusCode, 'a reason is required').toBe(400);
    expect((await revoke(chain.bureau, { version: 3, reason: '证明材料不实' })).statusCode, 'a stale version').toBe(409);
    expect((await requestRow(t, taken)).status).toBe('approved');

    const res = await revoke(chain.bureau, { version: 4, reason: '证明材料不实' });
    expect([res.statusCode, res.json().status]).toEqual([200, 'rejected']);
    expect(await stepStatuses(t, taken)).toBe('approved,approved,revoked');
    const [, , last] = (await t.app.inject({ url: `/api/reviews/${taken}`, headers: { cookie: chain.bureau.cookie } })).json().steps;
    expect(last, 'the approval stays beside its revocation').toMatchObject({
      statusLabel: '审验不通过',
      decidedByName: chain.bureau.person.name,
      revocation: { byName: chain.bureau.person.name, reason: '证明材料不实' },
    });
    expect(await myHours(someone.cookie), 'the other claim still counts, the whole-year flags are gone').toEqual([
      { creditYear: 2026, publicHours: 0, specializedHours: 24, publicFullYear: false, specializedFullYear: false },
    ]);
    expect(await t.db.selectFrom('hoursRecord').select('id').where('requestId', '=', taken).execute()).toEqual([]);
    const again = await revoke(chain.bureau, { version: 5, reason: '证明材料不实' });
    expect([again.statusCode, again.json().message]).toEqual([409, '只有审核通过的申请可以撤销审核通过']);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['event', 'reason'])
      .where('targetId', '=', taken)
      .where('event', '=', 'REVIEW_REVOKE')
      .execute();
    expect(audit.map((a) => a.reason)).toContain('证明材料不实');
    const notice = await t.db
      .selectFrom('outbox')
      .select('body')
      .where('personId', '=', someone.person.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(notice.body).toContain('审验不通过');
  });

  it('lets nobody outside the chain decide: another county’s bureau gets 404 and changes nothing', async () => {
    const otherBureau = await createAdmin(t, await findBureau(t, '410108'));
    const res = await fileClaim(chain.applicant.cookie, conference({ startDate: '2026-01-05', endDate: '2026-01-07', title: '另一次会议' }));
    const id = res.json().id as string;
    expect((await approve(t, otherBureau, { id, version: 1 })).statusCode).toBe(404);
    expect((await requestRow(t, id)).version).toBe(1);
  });
});

describe('学时(分)申报 refusals, in the seeds’ words, changing nothing', () => {
  let someone: { cookie: string };
  beforeAll(async () => {
    someone = await newProfessional(chain.employer.org.id);
  });

  const claimsOf = async () =>
    Number(
      (
        await t.db
          .selectFrom('request')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', '=', 'claim.hours')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each<[string, Body, number, string]>([
    [
      'a past year (Henan: this year only)',
      conference({ creditYear: 2025, startDate: '2025-05-10', endDate: '2025-05-12' }),
      400,
      '往年学时申报已截止',
    ],
    [
      'more than 8 hours a day (2 days with a paper: 18)',
      conference({
        startDate: '2026-02-10',
        endDate: '2026-02-11',
        fields: { meetingLevel: 'national', organizer: '学会', days: 2, presentedPaper: 'yes' },
      }),
      400,
      '每天申报不超8学时',
    ],
    [
      'a rank past the table',
      { ...conference(), formCode: 'research', fields: { projectName: '课题', projectLevel: 'national', projectRole: 'main', rank: 6 } },
      400,
      '前5名',
    ],
    ['a form that does not exist', conference({ formCode: 'nothing' }), 400, '请选择学习形式'],
    ['a required field left out', conference({ fields: { meetingLevel: 'national', days: 3, presentedPaper: 'no' } }), 400, '请填写主办单位'],
    ['an end before the start', conference({ startDate: '2026-02-12', endDate: '2026-02-10' }), 400, '结束时间不能早于开始时间'],
    ['a study that has not ended', conference({ startDate: '2026-03-01', endDate: '2026-03-05' }), 400, '结束时间不能晚于今天'],
    [
      'a credit year unlike the dates',
      conference({ creditYear: 2026, startDate: '2025-02-10', endDate: '2025-02-12' }),
      400,
      '认证年度应为学习开始或结束的年度',
    ],
    ['a category the form does not have', conference({ category: 'public' }), 400, '学术会议只能申报专业科目'],
    ['a period over a year', conference({ startDate: '2025-01-01', endDate: '2026-02-01' }), 400, '一次申报的学习时间不能超过一年'],
    ['a date that does not exist', conference({ startDate: '2026-02-30', endDate: '2026-03-01' }), 400, '有效日期'],
    [
      'more days than the dates hold',
      conference({ fields: { meetingLevel: 'national', organizer: '学会', days: 5, presentedPaper: 'no' } }),
      400,
      '参会天数不能多于',
    ],
    [
      'months of study over a single day',
      { ...conference({ startDate: '2026-02-01', endDate: '2026-02-01' }), formCode: 'courseStudy', fields: { school: '大学', months: 6 } },
      400,
      '进修时长不能多于',
    ],
    [
      'a book of sixty million characters',
      { ...conference(), formCode: 'book', fields: { publisher: '出版社', tenThousandChars: 6249, rank: 1 } },
      400,
      '不能超过200万字',
    ],
    [
      'an option not in the list',
      { ...conference(), formCode: 'training', category: 'public', hours: 8, fields: { organizerLevel: 'galaxy', organizer: '某单位' } },
      400,
      '主办单位类别的选项无效',
    ],
    [
      'hours with two decimals',
      { ...conference(), formCode: 'onlineLearning', category: 'public', hours: 7.25, fields: { platform: '网络学院' } },
      400,
      '最多保留一位小数',
    ],
    ['a NUL in the title', conference({ title: '会议\u0000' }), 400, ''],
    ['invisible-only text', conference({ title: '\u200b\u200b' }), 400, ''],
  ])('refuses %s', async (_label, body, status, message) => {
    const before = await claimsOf();
    const res = await post(someone.cookie, '/api/claims', body);
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toContain(message);
    expect(await claimsOf()).toBe(before);
  });

  it('refuses the same activity claimed twice (overlapping dates, same form), and an admin claiming at all', async () => {
    const first = await fileClaim(someone.cookie, conference({ startDate: '2026-02-20', endDate: '2026-02-22' }));
    expect(first.statusCode).toBe(201);
    const again = await fileClaim(someone.cookie, conference({ startDate: '2026-02-22', endDate: '2026-02-24', title: '换个名字' }));
    expect([again.statusCode, again.json().message]).toEqual([409, expect.stringContaining('请勿重复申报')]);
    const admin: Admin = chain.employer;
    expect((await fileClaim(admin.cookie, conference())).statusCode).toBe(403);
    expect((await post(admin.cookie, '/api/claims/quote', conference())).statusCode).toBe(403);
  });

  it('files one claim when the same claim is sent five times at once (a double click, two tabs)', async () => {
    const before = await claimsOf();
    const body = conference({ startDate: '2026-02-01', endDate: '2026-02-03', title: '同时提交' });
    const results = await Promise.all(Array.from({ length: 5 }, () => fileClaim(someone.cookie, body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await claimsOf()).toBe(before + 1);
  });

  it('lets the applicant withdraw while nothing is approved, and not after', async () => {
    const open = await fileClaim(someone.cookie, conference({ startDate: '2026-01-20', endDate: '2026-01-22', title: '可撤回' }));
    const withdraw = (id: string) => t.app.inject({ method: 'POST', url: `/api/requests/${id}/withdraw`, headers: { cookie: someone.cookie } });
    expect((await withdraw(open.json().id)).statusCode).toBe(200);
    const approved = await fileClaim(someone.cookie, conference({ startDate: '2026-01-26', endDate: '2026-01-28', title: '已通过一级' }));
    expect((await approve(t, chain.employer, { id: approved.json().id, version: 1 })).statusCode).toBe(200);
    expect((await withdraw(approved.json().id)).statusCode).toBe(409);
  });
});

describe('每天申报不超8学时 across a person’s claims (seed 001 学时申报 5)', () => {
  it('refuses a claim that puts a day over 8 hours with what is already claimed on it, and allows the days beside', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const training = {
      ...conference(),
      title: '院内培训',
      formCode: 'training',
      category: 'specialized',
      hours: 6,
      startDate: '2026-02-10',
      endDate: '2026-02-10',
    };
    expect((await fileClaim(someone.cookie, { ...training, fields: { organizerLevel: 'provincial', organizer: '省医学会' } })).statusCode).toBe(201);
    const over = await fileClaim(someone.cookie, conference());
    expect([over.statusCode, over.json().message]).toEqual([
      400,
      expect.stringContaining('2026-02-10已申报6学时（“培训、研修活动：院内培训（6学时）”），本次申报每天8学时，合计超过8学时'),
    ]);
    const count = await t.db.selectFrom('request').select('id').where('applicantPersonId', '=', someone.person.id).execute();
    expect(count).toHaveLength(1);
    const after = await fileClaim(someone.cookie, conference({ startDate: '2026-02-11', endDate: '2026-02-13' }));
    expect(after.statusCode, after.body).toBe(201);
  });

  it('counts a unit’s claim for the person, and names the attendee a unit claim would put over', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    expect((await fileClaim(someone.cookie, conference({ startDate: '2026-02-16', endDate: '2026-02-18' }))).statusCode).toBe(201);
    const plan = await post(chain.employer.cookie, '/api/training/plans', {
      title: '同日培训',
      category: 'specialized',
      startDate: '2026-02-18',
      endDate: '2026-02-18',
      place: '会议室',
      hours: 4,
      expectedAttendees: 5,
    });
    const planId = plan.json().id as string;
    for (const [i, admin] of [chain.authority, chain.bureau].entries())
      expect((await approve(t, admin, { id: planId, version: i + 1 })).statusCode).toBe(200);
    const sheet = (await uploadFile(chain.employer.cookie)).json().id as string;
    const unit = await post(chain.employer.cookie, '/api/training/unit-claims', {
      planId,
      personIds: [someone.person.id],
      hours: 4,
      attachmentIds: [sheet],
    });
    expect([unit.statusCode, unit.json().message]).toEqual([
      400,
      expect.stringMatching(new RegExp(`^${someone.person.name}：每天申报不超8学时：2026-02-18已申报8学时`)),
    ]);
  });
});

describe('one result, one claim (a paper, a patent: claimed once whatever its dates)', () => {
  it('refuses the same paper claimed again with other dates, however its title is spaced, and takes another paper', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const paper = (title: string, day: string) => ({
      formCode: 'paper',
      creditYear: 2026,
      title,
      startDate: day,
      endDate: day,
      fields: { journal: '中华护理杂志', journalLevel: 'issnCn', rank: 1 },
    });
    expect((await fileClaim(someone.cookie, paper('《ICU 护理质量研究》', '2026-01-15'))).statusCode).toBe(201);
    const again = await fileClaim(someone.cookie, paper('ICU护理质量研究', '2026-02-20'));
    expect([again.statusCode, again.json().message]).toEqual([
      409,
      '该成果已申报过（发表论文：《ICU 护理质量研究》（36学时）），同一成果不能重复申报',
    ]);
    expect((await fileClaim(someone.cookie, paper('手术室护理管理研究', '2026-02-20'))).statusCode).toBe(201);
  });
});

describe('学时学分申报 of a bureau for a professional in its scope (seed 002)', () => {
  const filer = async () => createAdmin(t, chain.bureau.org, { permissions: ['claims.file', 'claims.review'] });

  it('finds the person by both facts, files along their own chain, and lets neither the filer nor the person decide it', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const bureauFiler = await filer();
    const lookup = { idNumber: someone.person.idNumber, name: someone.person.name };
    const found = await post(bureauFiler.cookie, '/api/claims/claimant', lookup);
    expect([found.statusCode, found.json().employerName, found.json().idNumberMasked]).toEqual([
      200,
      chain.employer.org.name,
      expect.stringMatching(/^\d{2}\*+/),
    ]);
    const wrong = await post(bureauFiler.cookie, '/api/claims/claimant', { ...lookup, name: '张冠李戴' });
    expect([wrong.statusCode, wrong.json().message]).toEqual([404, expect.stringContaining('未找到姓名与身份证号相符')]);

    const upload = (await uploadFile(bureauFiler.cookie)).json().id as string;
    const res = await post(bureauFiler.cookie, '/api/claims/for-person', { ...conference(), claimant: lookup, attachmentIds: [upload] });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await requestRow(t, id)).currentReviewerOrgId, 'the person’s own chain: the employer first').toBe(chain.employer.org.id);
    const detail = (await t.app.inject({ url: `/api/reviews/${id}`, headers: { cookie: chain.employer.cookie } })).json();
    expect(detail.title, 'the reviewer sees whose hours they are').toContain(`为${someone.person.name}申报`);
    expect(detail.fields[0]).toEqual({ label: '申报对象', value: expect.stringContaining(someone.person.name) });
    expect(JSON.stringify(detail)).not.toContain(someone.person.idNumber);
    const followed = (await t.app.inject({ url: '/api/requests/mine', headers: { cookie: someone.cookie } })).json().items[0];
    expect(followed).toMatchObject({ id, canWithdraw: false, filedByOrgName: chain.bureau.org.name });
    expect((await post(someone.cookie, `/api/requests/${id}/withdraw`, {})).statusCode).toBe(404);
    for (const [i, admin] of [chain.employer, chain.authority].entries())
      expect((await approve(t, admin, { id, version: i + 1 })).statusCode).toBe(200);
    const own = await approve(t, bureauFiler, { id, version: 3 });
    expect([own.statusCode, own.json().message]).toEqual([403, '不能审核本人提交的申请，请由本单位其他管理员审核']);
    expect((await approve(t, chain.bureau, { id, version: 3 })).statusCode).toBe(200);
    expect((await myHours(someone.cookie)).find((y) => y.creditYear === 2026)?.specializedHours).toBe(24);
  });

  it('refuses an admin credited by the request its decision', async () => {
    const bureauFiler = await filer();
    const staff = await createPerson(t);
    await createAccount(t, { personId: staff.id, kind: 'professional', orgId: chain.bureau.org.id });
    const role = await t.db
      .insertInto('role')
      .values({ orgId: chain.bureau.org.id, name: '学时审批员', permissions: ['claims.review'] })
      .returning('id')
      .executeTakeFirstOrThrow();
    await createAccount(t, { personId: staff.id, kind: 'admin', orgId: chain.bureau.org.id, isSuperAdmin: false, roleId: role.id });
    const cookie = await loginAs(t, { idNumber: staff.idNumber, password: staff.password, role: 'hrBureau' });
    const upload = (await uploadFile(bureauFiler.cookie)).json().id as string;
    const claimant = { idNumber: staff.idNumber, name: staff.name };
    const res = await post(bureauFiler.cookie, '/api/claims/for-person', { ...conference(), claimant, attachmentIds: [upload] });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await requestRow(t, id)).stepCount, 'the bureau’s own staff: the bureau alone').toBe(1);
    const self = await t.app.inject({ method: 'POST', url: `/api/reviews/${id}/approve`, headers: { cookie }, payload: { version: 1 } });
    expect([self.statusCode, self.json().message]).toEqual([403, '该申请为您本人申报学时，不能由您审核，请由本单位其他管理员审核']);
    const detail = (await t.app.inject({ url: `/api/reviews/${id}`, headers: { cookie } })).json();
    expect(detail.canDecide).toBe(false);
    expect((await requestRow(t, id)).version).toBe(1);
  });

  it('keeps people outside the bureau’s scope, and the page from anyone without 学时学分申报', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const lookup = { idNumber: someone.person.idNumber, name: someone.person.name };
    const otherCounty = await createAdmin(t, await findBureau(t, '410108'), { permissions: ['claims.file'] });
    expect((await post(otherCounty.cookie, '/api/claims/claimant', lookup)).statusCode).toBe(404);
    const upload = (await uploadFile(otherCounty.cookie)).json().id as string;
    expect(
      (await post(otherCounty.cookie, '/api/claims/for-person', { ...conference(), claimant: lookup, attachmentIds: [upload] })).statusCode,
    ).toBe(404);
    expect((await post(chain.employer.cookie, '/api/claims/claimant', lookup)).statusCode, 'an employer').toBe(403);
    expect((await post(someone.cookie, '/api/claims/claimant', lookup)).statusCode, 'a professional').toBe(403);
    const filed = await t.db.selectFrom('requestParticipant').select('requestId').where('personId', '=', someone.person.id).execute();
    expect(filed).toEqual([]);
  });
});

describe('学习证明材料: uploads bound to a claim, served only to its applicant and reviewers', () => {
  it('takes away uploads left unfiled for 30 days when anyone uploads, and keeps filed ones however old', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const abandoned = (await uploadFile(someone.cookie)).json().id as string;
    const filedClaim = await fileClaim(someone.cookie, conference({ title: '旧附件会议', startDate: '2026-01-05', endDate: '2026-01-07' }));
    const filed = (await t.db.selectFrom('requestAttachment').select('id').where('requestId', '=', filedClaim.json().id).executeTakeFirstOrThrow())
      .id;
    const longAgo = new Date(t.ctx.clock.now().getTime() - 31 * 86_400_000);
    await t.db.updateTable('requestAttachment').set({ createdAt: longAgo }).where('id', 'in', [abandoned, filed]).execute();
    const { storedName } = await t.db.selectFrom('requestAttachment').select('storedName').where('id', '=', abandoned).executeTakeFirstOrThrow();
    expect(existsSync(path.join(filesDir(t.ctx.config.dataDir), storedName))).toBe(true);

    const other = await newProfessional(chain.employer.org.id);
    expect((await uploadFile(other.cookie)).statusCode).toBe(201);
    const left = await t.db.selectFrom('requestAttachment').select('id').where('id', 'in', [abandoned, filed]).execute();
    expect(left.map((r) => r.id)).toEqual([filed]);
    expect(existsSync(path.join(filesDir(t.ctx.config.dataDir), storedName)), 'the file goes with its row').toBe(false);
  });

  const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });
  const download = (cookie: string, id: string) => get(cookie, `/api/requests/attachments/${id}`);
  const claimsCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('request')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('kind', '=', 'claim.hours')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses what is not a PDF, JPG, PNG or MP4 by its bytes, and what is over its kind’s limit, storing nothing', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const exe = await uploadFile(someone.cookie, '证明.png', Buffer.from('MZ\x90\x00 not an image'));
    expect([exe.statusCode, exe.json().message]).toEqual([400, '仅支持上传 PDF、JPG、PNG、MP4 格式的文件']);
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml....')]);
    expect((await uploadFile(someone.cookie, '证明.docx', docx)).statusCode, 'Word is for notices, not evidence').toBe(400);
    expect((await uploadFile(someone.cookie, '证明.jpg', samplePdf)).statusCode, 'a PDF named .jpg').toBe(400);
    const filesBefore = readdirSync(filesDir(t.ctx.config.dataDir)).length;
    const big = await uploadFile(someone.cookie, '扫描件.pdf', Buffer.concat([samplePdf, Buffer.alloc(10 * 1024 * 1024)]));
    expect([big.statusCode, big.json().message]).toEqual([413, 'PDF文件不能超过10MB']);
    const stored = await t.db.selectFrom('requestAttachment').select('id').where('uploaderPersonId', '=', someone.person.id).execute();
    expect(stored).toEqual([]);
    expect(readdirSync(filesDir(t.ctx.config.dataDir)).length, 'no refused file left on disk').toBe(filesBefore);
  });

  it('takes a training video (MP4) of more than 10 MB, streamed to disk', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const video = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(11 * 1024 * 1024, 7)]);
    const res = await uploadFile(someone.cookie, '培训视频.mp4', video);
    expect([res.statusCode, res.json().contentType, res.json().size]).toEqual([201, 'video/mp4', video.length]);
    const row = await t.db.selectFrom('requestAttachment').select(['storedName', 'sha256']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(readFileSync(path.join(filesDir(t.ctx.config.dataDir), row.storedName)).equals(video)).toBe(true);
    expect(row.sha256).toBe(createHash('sha256').update(video).digest('hex'));
    expect((await uploadFile(someone.cookie, '培训视频.pdf', video)).statusCode, 'a video named .pdf').toBe(400);
  });

  it('stops a person at 500 MB of uploads a day, before the next body is read', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const id = (await uploadFile(someone.cookie)).json().id as string;
    await t.db
      .updateTable('requestAttachment')
      .set({ size: 500 * 1024 * 1024 })
      .where('id', '=', id)
      .execute();
    const next = await uploadFile(someone.cookie);
    expect([next.statusCode, next.json().message]).toEqual([429, '每天上传的附件合计不能超过500MB，请明天再试']);
  });

  it('needs the evidence the form requires, and only the applicant’s own unfiled uploads', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const other = await newProfessional(chain.employer.org.id);
    const before = await claimsCount();
    const none = await post(someone.cookie, '/api/claims', conference({ title: '没有证明' }));
    expect([none.statusCode, none.json().message]).toEqual([400, '请上传学习证明材料']);
    const othersFile = (await uploadFile(other.cookie)).json().id as string;
    const stolen = await post(someone.cookie, '/api/claims', conference({ attachmentIds: [othersFile] }));
    expect([stolen.statusCode, stolen.json().message]).toEqual([400, '附件不存在或已随其他申请提交，请重新上传']);
    const mine = (await uploadFile(someone.cookie)).json().id as string;
    expect((await post(someone.cookie, '/api/claims', conference({ attachmentIds: [mine] }))).statusCode).toBe(201);
    const reused = await post(
      someone.cookie,
      '/api/claims',
      conference({ title: '再用一次', startDate: '2026-01-12', endDate: '2026-01-14', attachmentIds: [mine] }),
    );
    expect([reused.statusCode, reused.json().message]).toEqual([400, '附件不存在或已随其他申请提交，请重新上传']);
    expect(await claimsCount()).toBe(before + 1);
    const othersRow = await t.db.selectFrom('requestAttachment').select('requestId').where('id', '=', othersFile).executeTakeFirstOrThrow();
    expect(othersRow.requestId, 'the other person’s upload stays theirs and unfiled').toBeNull();
  });

  it('serves a filed claim’s file to its applicant and the chain’s reviewers, not to another county or person, and audits it', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const stranger = await newProfessional(chain.employer.org.id);
    const upload = (await uploadFile(someone.cookie, '会议证书.pdf', samplePdf)).json() as { id: string; filename: string; size: number };
    expect(upload).toMatchObject({ filename: '会议证书.pdf', size: samplePdf.length });
    expect((await download(chain.employer.cookie, upload.id)).statusCode, 'unfiled: the uploader’s alone').toBe(404);
    const claim = await post(
      someone.cookie,
      '/api/claims',
      conference({ title: '带附件的会议', startDate: '2026-02-02', endDate: '2026-02-04', attachmentIds: [upload.id] }),
    );
    const id = claim.json().id as string;

    const own = await download(someone.cookie, upload.id);
    expect([own.statusCode, own.headers['content-type'], own.rawPayload.equals(samplePdf)]).toEqual([200, 'application/pdf', true]);
    expect(own.headers['content-disposition']).toContain('attachment');
    for (const reviewer of [chain.employer, chain.authority, chain.bureau]) expect((await download(reviewer.cookie, upload.id)).statusCode).toBe(200);
    const otherCounty = await createAdmin(t, await findBureau(t, '410108'), { permissions: ['claims.review'] });
    expect((await download(otherCounty.cookie, upload.id)).statusCode).toBe(404);
    expect((await download(stranger.cookie, upload.id)).statusCode).toBe(404);

    const detail = (await get(chain.employer.cookie, `/api/reviews/${id}`)).json();
    expect(detail.attachments).toEqual([{ id: upload.id, filename: '会议证书.pdf', size: samplePdf.length, contentType: 'application/pdf' }]);
    const mine = (await get(someone.cookie, '/api/requests/mine?kind=claim.hours')).json();
    expect(mine.items.find((i: { id: string }) => i.id === id).attachments).toHaveLength(1);

    const audits = await t.db
      .selectFrom('auditLog')
      .select(['outcome', 'actorOrgId'])
      .where('event', '=', 'REQUEST_ATTACHMENT_DOWNLOAD')
      .where('targetId', '=', upload.id)
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.outcome)).toEqual(['failure', 'success', 'success', 'success', 'failure', 'failure']);
  });

  it('lets the uploader remove an unfiled upload only, and caps unfiled uploads', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const other = await newProfessional(chain.employer.org.id);
    const remove = (cookie: string, id: string) => t.app.inject({ method: 'DELETE', url: `/api/requests/attachments/${id}`, headers: { cookie } });
    const loose = (await uploadFile(someone.cookie)).json().id as string;
    expect((await remove(other.cookie, loose)).statusCode).toBe(404);
    expect((await remove(someone.cookie, loose)).statusCode).toBe(204);
    expect((await download(someone.cookie, loose)).statusCode).toBe(404);
    const filed = (await fileClaim(someone.cookie, conference({ title: '已提交附件' }))).json().id as string;
    const [bound] = await t.db.selectFrom('requestAttachment').select('id').where('requestId', '=', filed).execute();
    expect((await remove(someone.cookie, bound!.id)).statusCode, 'a filed file stays with its claim').toBe(404);
    const burst = await Promise.all(Array.from({ length: 26 }, () => uploadFile(someone.cookie)));
    expect(
      burst.filter((r) => r.statusCode === 201),
      'uploads sent at once cannot pass the cap together',
    ).toHaveLength(20);
    const over = await uploadFile(someone.cookie);
    expect([over.statusCode, over.json().message]).toEqual([409, '未提交的附件已有20个，请先提交申请或删除不用的附件']);
    // Filed files leave the unfiled count but stay in the day's: at most 50 stored a day.
    const unfiled = async () =>
      (
        await t.db
          .selectFrom('requestAttachment')
          .select('id')
          .where('uploaderPersonId', '=', someone.person.id)
          .where('requestId', 'is', null)
          .execute()
      ).map((r) => r.id);
    const fileTen = async (day: number) => {
      const ids = (await unfiled()).slice(0, 10);
      const start = `2026-01-${String(day).padStart(2, '0')}`;
      const res = await post(
        someone.cookie,
        '/api/claims',
        conference({
          title: `十个附件${day}`,
          startDate: start,
          endDate: start,
          fields: { meetingLevel: 'national', organizer: '学会', days: 1, presentedPaper: 'no' },
          attachmentIds: ids,
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    };
    await fileTen(5);
    await fileTen(6);
    for (let i = 0; i < 20; i++) expect((await uploadFile(someone.cookie)).statusCode).toBe(201);
    await fileTen(7);
    // 41 stored today so far (with the first claim's file): nine more reach 50.
    for (let i = 0; i < 9; i++) expect((await uploadFile(someone.cookie)).statusCode).toBe(201);
    const daily = await uploadFile(someone.cookie);
    expect([daily.statusCode, daily.json().message], 'at most 50 stored a day').toEqual([429, '每天最多上传50个附件，请明天再试']);
  });

  it('gives a withdrawn claim’s files back to the applicant, to file again', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const upload = (await uploadFile(someone.cookie)).json().id as string;
    const first = (await post(someone.cookie, '/api/claims', conference({ title: '先撤回', attachmentIds: [upload] }))).json().id as string;
    const withdraw = await t.app.inject({ method: 'POST', url: `/api/requests/${first}/withdraw`, headers: { cookie: someone.cookie } });
    expect(withdraw.statusCode).toBe(200);
    const again = await post(someone.cookie, '/api/claims', conference({ title: '改正后再报', attachmentIds: [upload] }));
    expect(again.statusCode, again.body).toBe(201);
  });

  it('keeps a long file name’s extension, and tells a professional nothing about requests they cannot decide', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const long = await uploadFile(someone.cookie, `${'继续教育学时证明'.repeat(15)}.pdf`, samplePdf);
    expect([long.statusCode, long.json().filename.endsWith('.pdf'), Array.from(long.json().filename as string).length]).toEqual([201, true, 120]);
    const existing = (await fileClaim(someone.cookie, conference({ title: '他人可见性' }))).json().id as string;
    const other = await newProfessional(chain.employer.org.id);
    for (const id of [existing, '00000000-0000-4000-8000-000000000000']) {
      for (const action of ['approve', 'revoke']) {
        const res = await post(other.cookie, `/api/reviews/${id}/${action}`, { version: 1, reason: '试探' });
        expect([res.statusCode, res.json().message]).toEqual([403, '只有单位管理员可以审核']);
      }
    }
  });
});

describe('单位申报记录: the claims filed under an org and below, by state (seed 002)', () => {
  it('shows the employer and every bureau above it their claims by state, another county none, and refuses the rest', async () => {
    const someone = await newProfessional(chain.employer.org.id);
    const file = async (title: string, startDate: string) =>
      (
        await fileClaim(
          someone.cookie,
          conference({
            title,
            startDate,
            endDate: startDate,
            fields: { meetingLevel: 'national', organizer: '学会', days: 1, presentedPaper: 'no' },
          }),
        )
      ).json().id as string;
    // A minute apart, so newest first is one order.
    const passed = await file('记录甲-通过', '2026-01-13');
    t.clock.advance(60_000);
    const refused = await file('记录甲-驳回', '2026-01-14');
    t.clock.advance(60_000);
    const waiting = await file('记录甲-待审', '2026-01-15');
    for (const [i, admin] of [chain.employer, chain.authority, chain.bureau].entries()) await approve(t, admin, { id: passed, version: i + 1 });
    await reject(t, chain.employer, { id: refused, version: 1, reason: '材料不全' });
    const records = async (cookie: string, status: string) => {
      const res = await t.app.inject({ url: `/api/claims/records?status=${status}&keyword=${encodeURIComponent('记录甲')}`, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((i) => i.id);
    };
    const city = await createAdmin(t, await findBureau(t, '410100'), { permissions: ['claims.records'] });
    for (const viewer of [chain.employer, chain.bureau, city]) {
      expect(await records(viewer.cookie, 'all')).toEqual([waiting, refused, passed]);
      expect(await records(viewer.cookie, 'open')).toEqual([waiting]);
      expect(await records(viewer.cookie, 'approved')).toEqual([passed]);
      expect(await records(viewer.cookie, 'rejected')).toEqual([refused]);
    }
    expect((await t.app.inject({ url: `/api/reviews/${passed}`, headers: { cookie: city.cookie } })).statusCode, 'the city reads the details').toBe(
      200,
    );
    const otherCounty = await createAdmin(t, await findBureau(t, '410108'), { permissions: ['claims.records'] });
    expect(await records(otherCounty.cookie, 'all')).toEqual([]);
    expect((await t.app.inject({ url: `/api/reviews/${passed}`, headers: { cookie: otherCounty.cookie } })).statusCode).toBe(404);
    const [evidence] = await t.db.selectFrom('requestAttachment').select('id').where('requestId', '=', passed).execute();
    const download = (cookie: string) => t.app.inject({ url: `/api/requests/attachments/${evidence!.id}`, headers: { cookie } });
    expect([(await download(city.cookie)).statusCode, (await download(otherCounty.cookie)).statusCode]).toEqual([200, 404]);
    for (const cookie of [chain.authority.cookie, someone.cookie]) {
      expect((await t.app.inject({ url: '/api/claims/records', headers: { cookie } })).statusCode).toBe(403);
    }
  });
});
