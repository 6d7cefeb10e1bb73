import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg, createProfessional, loginAs } from '../../test/factories';
import { multipartFile, samplePng } from '../../test/uploads';
import { creditHours } from '../claims';
import { approve, createAdmin, createChain, reject, requestRow, type Admin, type Chain } from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
let newEmployer: Admin;
beforeAll(async () => {
  t = await createTestContext(); // the clock stands at 2026-03-02 in China
  chain = await createChain(t, '410105');
  newEmployer = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id, name: '郑州市调入医院' }));
});
afterAll(async () => t.close());

type Body = Record<string, unknown>;
const post = (cookie: string, url: string, payload: Body) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const transferTo = (employerId: string, extra: Body = {}): Body => ({
  toEmployerId: employerId,
  transferDate: '2026-03-01',
  reason: '工作调动',
  ...extra,
});

/** A professional of the chain's employer with 2025's hours credited, signed in. */
const someone = async () => {
  const { person, account } = await createProfessional(t, { orgId: chain.employer.org.id, name: '调转人' });
  await creditHours(
    t.db,
    [
      {
        personId: person.id,
        creditYear: 2025,
        category: 'public',
        hours: 30,
        fullYear: false,
        source: 'claim',
        requestId: null,
        formCode: null,
        title: '公需课',
      },
    ],
    t.ctx.clock.now(),
  );
  return { person, account, cookie: await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' }) };
};
type Someone = Awaited<ReturnType<typeof someone>>;

const orgOf = async (accountId: string) =>
  (await t.db.selectFrom('account').select('orgId').where('id', '=', accountId).executeTakeFirstOrThrow()).orgId;
const hoursOf = (personId: string) => t.db.selectFrom('personYear').selectAll().where('personId', '=', personId).execute();

const fileClaim = async (cookie: string) => {
  const { payload, contentType } = multipartFile('参会证明.png', samplePng);
  const upload = await t.app.inject({ method: 'POST', url: '/api/requests/attachments', headers: { cookie, 'content-type': contentType }, payload });
  return post(cookie, '/api/claims', {
    formCode: 'academicConference',
    creditYear: 2026,
    title: '全国继续教育学术年会',
    startDate: '2026-02-10',
    endDate: '2026-02-12',
    fields: { meetingLevel: 'national', organizer: '中国继续教育学会', days: 3, presentedPaper: 'yes' },
    attachmentIds: [upload.json().id],
  });
};

const records = async (admin: Admin, query = '') => {
  const res = await t.app.inject({ url: `/api/transfers${query}`, headers: { cookie: admin.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; direction: string; personName: string; status: string; idNumberMasked: string }[];
};

describe('单位调转, 方式一: the professional applies, the old employer approves out, the new one approves in (issue 12, item 5)', () => {
  it('moves the account on the second approval; hours stay with the person; both employers see it in 调转记录', async () => {
    const p = await someone();
    const before = await hoursOf(p.person.id);
    const res = await post(p.cookie, '/api/me/transfer', transferTo(newEmployer.org.id));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().message).toContain('郑州市调入医院审核同意调入后生效');
    const id = res.json().id as string;
    expect((await t.app.inject({ url: '/api/me/transfer', headers: { cookie: p.cookie } })).json().open).toMatchObject({ id, canWithdraw: true });

    // The new employer cannot decide before the old one let the person go.
    expect((await approve(t, newEmployer, { id, version: 1 })).statusCode).toBe(403);
    expect((await approve(t, chain.employer, { id, version: 1 })).statusCode).toBe(200);
    expect(await orgOf(p.account.id)).toBe(chain.employer.org.id);
    expect((await approve(t, newEmployer, { id, version: 2 })).statusCode).toBe(200);
    expect(await orgOf(p.account.id)).toBe(newEmployer.org.id);
    expect(await hoursOf(p.person.id)).toEqual(before);

    expect((await records(chain.employer)).find((r) => r.id === id)).toMatchObject({ direction: 'out', status: 'approved', personName: '调转人' });
    const into = (await records(newEmployer, '?direction=in')).find((r) => r.id === id);
    expect(into).toMatchObject({ direction: 'in', status: 'approved' });
    expect(into?.idNumberMasked).not.toBe(p.person.idNumber);
    // The person is the new employer's now: it reviews their next claim.
    const claim = await fileClaim(p.cookie);
    expect(claim.statusCode, claim.body).toBe(201);
    expect((await requestRow(t, claim.json().id)).currentReviewerOrgId).toBe(newEmployer.org.id);
  });

  it('is refused while the person has requests open, listing them with a withdraw; after withdrawing, it goes', async () => {
    const p = await someone();
    const claim = await fileClaim(p.cookie);
    expect(claim.statusCode).toBe(201);
    const refused = await post(p.cookie, '/api/me/transfer', transferTo(newEmployer.org.id));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('您有待审核的信息，不能调转单位');
    expect(refused.json().details.pending).toEqual([
      expect.objectContaining({
        id: claim.json().id,
        kindLabel: '学时申报',
        title: expect.stringContaining('全国继续教育学术年会'),
        canWithdraw: true,
      }),
    ]);
    expect((await t.app.inject({ url: '/api/me/transfer', headers: { cookie: p.cookie } })).json().pending).toHaveLength(1);
    expect((await post(p.cookie, `/api/requests/${claim.json().id}/withdraw`, {})).statusCode).toBe(200);
    expect((await post(p.cookie, '/api/me/transfer', transferTo(newEmployer.org.id))).statusCode).toBe(201);
  });

  it('holds the person while it is open: no claim, no second transfer, by anyone', async () => {
    const p = await someone();
    expect((await post(p.cookie, '/api/me/transfer', transferTo(newEmployer.org.id))).statusCode).toBe(201);
    const claim = await fileClaim(p.cookie);
    expect([claim.statusCode, claim.json().message]).toEqual([409, '调转人：有单位调转申请正在审核中，调转完成或撤回后才能提交其他申请']);
    expect((await post(p.cookie, '/api/me/transfer', transferTo(newEmployer.org.id))).statusCode).toBe(409);
    expect((await post(chain.employer.cookie, '/api/transfers/out', transferTo(newEmployer.org.id, { personId: p.person.id }))).statusCode).toBe(409);
  });

  it('refuses a 临时单位, the same employer, an org that is not an employer, a closed one, and bad input, filing nothing', async () => {
    const p = await someone();
    const placeholder = await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id, name: '临时单位' });
    await t.db.updateTable('org').set({ isPlaceholder: true }).where('id', '=', placeholder.id).execute();
    const closed = await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id, status: 'disabled' });
    const cases: [Body, number, string][] = [
      [transferTo(placeholder.id), 400, '抱歉，临时单位无人审核，无法调转'],
      [transferTo(chain.employer.org.id), 400, '调入单位与现单位相同，无需调转'],
      [transferTo(chain.authority.org.id), 400, '调入单位不存在或已停用，请重新选择'],
      [transferTo(closed.id), 400, '调入单位不存在或已停用，请重新选择'],
      [transferTo(newEmployer.org.id, { reason: '\u200b ' }), 400, '调转原因不能只包含不可见字符'],
      [transferTo(newEmployer.org.id, { reason: '调动\u0000' }), 400, '提交的内容包含无法识别的字符（如空字符），请删除后重新输入'],
      [transferTo(newEmployer.org.id, { toEmployerId: undefined }), 400, '请选择调入单位'],
      [transferTo(newEmployer.org.id, { transferDate: '三月' }), 400, '请选择调入日期'],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(p.cookie, '/api/me/transfer', body);
      expect([res.statusCode, res.json().message], JSON.stringify(body)).toEqual([status, message]);
    }
    expect(await t.db.selectFrom('requestParticipant').select('requestId').where('personId', '=', p.person.id).execute()).toEqual([]);
    // An admin has no 单位调转 of their own.
    expect((await post(chain.employer.cookie, '/api/me/transfer', transferTo(newEmployer.org.id))).statusCode).toBe(403);
  });

  it('is withdrawn by the person until the new employer decides, and rejected at either step; the account stays', async () => {
    for (const outcome of ['withdraw', 'rejectOut', 'rejectIn'] as const) {
      const p = await someone();
      const id = (await post(p.cookie, '/api/me/transfer', transferTo(newEmployer.org.id))).json().id as string;
      if (outcome === 'rejectOut') expect((await reject(t, chain.employer, { id, version: 1 })).statusCode).toBe(200);
      else expect((await approve(t, chain.employer, { id, version: 1 })).statusCode).toBe(200);
      if (outcome === 'withdraw') expect((await post(p.cookie, `/api/requests/${id}/withdraw`, {})).statusCode).toBe(200);
      if (outcome === 'rejectIn') expect((await reject(t, newEmployer, { id, version: 2 })).statusCode).toBe(200);
      expect((await requestRow(t, id)).status, outcome).toBe(outcome === 'withdraw' ? 'withdrawn' : 'rejected');
      expect(await orgOf(p.account.id)).toBe(chain.employer.org.id);
      // Nothing holds the person any more.
      expect((await fileClaim(p.cookie)).statusCode, outcome).toBe(201);
    }
  });

  it('takes one of two concurrent decisions of the new employer; the other is told', async () => {
    const p = await someone();
    const id = (await post(p.cookie, '/api/me/transfer', transferTo(newEmployer.org.id))).json().id as string;
    expect((await approve(t, chain.employer, { id, version: 1 })).statusCode).toBe(200);
    const second = await createAdmin(t, newEmployer.org, { permissions: ['reviews.transfers'] });
    const results = await Promise.all([approve(t, newEmployer, { id, version: 2 }), reject(t, second, { id, version: 2 })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const row = await requestRow(t, id);
    expect(await orgOf(p.account.id)).toBe(row.status === 'approved' ? newEmployer.org.id : chain.employer.org.id);
  });
});

describe('人员调出, 方式二: the employer sends one of its people, the new employer accepts', () => {
  it('is filed by the old employer for its own people only; the person follows it; the new employer’s approval moves them', async () => {
    const p: Someone = await someone();
    const picker = await t.app.inject({ url: '/api/transfers/people?keyword=调转', headers: { cookie: chain.employer.cookie } });
    expect(picker.statusCode).toBe(200);
    const listed = picker.json().items.find((i: { personId: string }) => i.personId === p.person.id);
    expect(listed).toMatchObject({ name: '调转人', titleLabel: '卫生技术（中级）' });
    expect(listed.idNumberMasked).not.toBe(p.person.idNumber);

    // Another org's admin (even the one it goes to) cannot send the person anywhere.
    for (const outsider of [newEmployer, chain.authority]) {
      const res = await post(outsider.cookie, '/api/transfers/out', transferTo(newEmployer.org.id, { personId: p.person.id }));
      expect(res.statusCode, outsider.org.name).toBe(outsider === newEmployer ? 404 : 403);
    }
    const res = await post(chain.employer.cookie, '/api/transfers/out', transferTo(newEmployer.org.id, { personId: p.person.id }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await requestRow(t, id)).stepCount).toBe(1);
    const mine = await t.app.inject({ url: '/api/requests/mine', headers: { cookie: p.cookie } });
    expect(mine.json().items.find((r: { id: string }) => r.id === id)).toMatchObject({ canWithdraw: false, filedByOrgName: chain.employer.org.name });
    expect((await approve(t, newEmployer, { id, version: 1 })).statusCode).toBe(200);
    expect(await orgOf(p.account.id)).toBe(newEmployer.org.id);
    // No longer the old employer's: it cannot send them again.
    expect((await post(chain.employer.cookie, '/api/transfers/out', transferTo(newEmployer.org.id, { personId: p.person.id }))).statusCode).toBe(404);
  });

  it('needs 人员调转 permission', async () => {
    const clerk = await createAdmin(t, chain.employer.org, { permissions: ['claims.review'] });
    expect((await t.app.inject({ url: '/api/transfers', headers: { cookie: clerk.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/transfers/people', headers: { cookie: clerk.cookie } })).statusCode).toBe(403);
  });
});
