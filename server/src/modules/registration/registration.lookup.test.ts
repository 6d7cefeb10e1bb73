import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIdNumber } from '@cep/contracts';
import { createTestContext, type TestContext } from '../../test/test-context';
import { auditLeaks } from '../../test/audit-scan';
import { createOrg, findBureau, solveCaptcha } from '../../test/factories';
import { adminOf, decide, lookup, nextIp, orgInput, professionalInput, REG_PASSWORD, register, snapshot } from './registration.test-support';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const DAY = 86_400_000;
const withdraw = async (body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/registrations/lookup/withdraw',
    payload: { captchaToken: await solveCaptcha(t), ...body },
    remoteAddress: nextIp(),
  });

describe('注册审核进度查询', () => {
  it('shows a pending registration with the reviewer, its region and phone, and the days waited', async () => {
    const employer = await createOrg(t, { kind: 'employer', regionCode: '410105', name: '金水区第二人民医院' });
    await t.db.updateTable('org').set({ phone: '0371-65551234' }).where('id', '=', employer.id).execute();
    const input = professionalInput(employer.id);
    const res = await register(t, 'professional', input);
    t.clock.advance(3 * DAY + 3_600_000);
    const found = await lookup(t, { name: input.applicant.name, idNumber: input.applicant.idNumber });
    expect(found.statusCode).toBe(200);
    expect(found.json().items).toEqual([
      expect.objectContaining({
        requestId: res.json().requestId,
        kind: 'professional',
        orgName: '金水区第二人民医院',
        status: 'pending',
        statusLabel: '待审核',
        daysWaited: 3,
        reviewer: { orgId: employer.id, name: '金水区第二人民医院', regionName: expect.stringContaining('金水区'), phone: '0371-65551234' },
        rejectReason: null,
        canWithdraw: true,
      }),
    ]);
  });

  it('needs a fresh slider token each time', async () => {
    const missing = await lookup(t, { name: '张三', idNumber: '11010519491231002X' }, false);
    expect(missing.statusCode).toBe(400);
    const token = await solveCaptcha(t);
    const body = { name: '张三', idNumber: '11010519491231002X', captchaToken: token };
    expect((await t.app.inject({ method: 'POST', url: '/api/registrations/lookup', payload: body, remoteAddress: nextIp() })).statusCode).toBe(200);
    const replay = await t.app.inject({ method: 'POST', url: '/api/registrations/lookup', payload: body, remoteAddress: nextIp() });
    expect(replay.json().code).toBe('CAPTCHA_INVALID');
  });

  it('a wrong name answers like an unknown ID: nothing', async () => {
    const input = orgInput();
    await register(t, 'employer', input);
    const res = await lookup(t, { name: '王某某', idNumber: input.applicant.idNumber });
    expect(res.json().items).toEqual([]);
  });

  it('shows a rejection with the reviewer and the reason', async () => {
    const county = await findBureau(t, '410105');
    const input = orgInput({ orgName: '金水区某某科技有限公司' });
    const res = await register(t, 'employer', input);
    t.clock.advance(2 * DAY);
    const reviewer = await adminOf(t, county);
    expect((await decide(t, reviewer.cookie, res.json().requestId, 'reject', '统一社会信用代码与单位名称不符')).statusCode).toBe(200);
    t.clock.advance(5 * DAY);
    const found = await lookup(t, { name: input.applicant.name, idNumber: input.applicant.idNumber });
    expect(found.json().items).toEqual([
      expect.objectContaining({
        orgName: '金水区某某科技有限公司',
        status: 'rejected',
        daysWaited: 2,
        rejectReason: '统一社会信用代码与单位名称不符',
        canWithdraw: false,
        reviewer: expect.objectContaining({ orgId: county.id }),
      }),
    ]);
  });

  it('limits lookups per address', async () => {
    const ip = '10.201.0.1';
    const call = async () =>
      t.app.inject({
        method: 'POST',
        url: '/api/registrations/lookup',
        remoteAddress: ip,
        payload: { name: '张三', idNumber: '11010519491231002X', captchaToken: await solveCaptcha(t) },
      });
    for (let i = 0; i < 10; i++) expect((await call()).statusCode).toBe(200);
    expect((await call()).statusCode).toBe(429);
  });
});

describe('撤回申请', () => {
  it('wrong password is refused and changes nothing; the right one withdraws, frees the ID and the credit code', async () => {
    const input = orgInput();
    const res = await register(t, 'employer', input);
    const requestId = res.json().requestId;
    const who = { name: input.applicant.name, idNumber: input.applicant.idNumber, requestId };
    const before = await snapshot(t);
    const wrong = await withdraw({ ...who, password: 'Wrong#pass1' });
    expect(wrong.statusCode).toBe(401);
    expect(await snapshot(t)).toEqual(before);
    expect((await t.db.selectFrom('request').select('status').where('id', '=', requestId).executeTakeFirstOrThrow()).status).toBe('pending');

    const ok = await withdraw({ ...who, password: REG_PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    const request = await t.db.selectFrom('request').select(['status', 'subjectOrgId']).where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(request.status).toBe('withdrawn');
    expect((await t.db.selectFrom('org').select('status').where('id', '=', request.subjectOrgId).executeTakeFirstOrThrow()).status).toBe('withdrawn');
    expect((await lookup(t, { name: who.name, idNumber: who.idNumber })).json().items).toEqual([]);
    expect((await withdraw({ ...who, password: REG_PASSWORD })).statusCode).toBe(404);

    const holder = await t.db.selectFrom('person').select('id').where('idNumber', '=', input.applicant.idNumber).executeTakeFirstOrThrow();
    const again = await register(t, 'employer', { ...input, applicant: { ...input.applicant, password: 'Again#pass2' } });
    expect(again.statusCode, again.body).toBe(201);
    // A new person: the one who registers the ID again inherits nothing of its last holder (issue 7 probe).
    const now = await t.db.selectFrom('person').select('id').where('idNumber', '=', input.applicant.idNumber).executeTakeFirstOrThrow();
    expect(now.id).not.toBe(holder.id);
    const archived = await t.db.selectFrom('person').select('idNumber').where('id', '=', holder.id).executeTakeFirstOrThrow();
    expect(archived.idNumber).toBe(`${input.applicant.idNumber}#${holder.id}`);
  });

  it('needs a solved slider before the password is checked; without one nothing counts toward the lockout (issue 7 finding 2)', async () => {
    const input = orgInput();
    const requestId = (await register(t, 'employer', input)).json().requestId;
    const who = { name: input.applicant.name, idNumber: input.applicant.idNumber, requestId, password: REG_PASSWORD };
    const counters = () => t.db.selectFrom('loginThrottle').selectAll().execute();
    const before = { counters: await counters(), rows: await snapshot(t) };
    for (let i = 0; i < 6; i++)
      expect((await withdraw({ ...who, password: 'Wrong#pass1', captchaToken: 'forged' })).json().code).toBe('CAPTCHA_INVALID');
    expect((await withdraw({ ...who, captchaToken: undefined })).json().message).toBe('请先完成滑块验证');
    expect({ counters: await counters(), rows: await snapshot(t) }).toEqual(before);
    expect((await withdraw(who)).statusCode).toBe(200);
  });

  it('a professional withdraws and registers again under the right employer', async () => {
    const wrongEmployer = await createOrg(t, { kind: 'employer', name: '选错的单位' });
    const rightEmployer = await createOrg(t, { kind: 'employer', name: '正确的单位' });
    const input = professionalInput(wrongEmployer.id);
    const res = await register(t, 'professional', input);
    const who = { name: input.applicant.name, idNumber: input.applicant.idNumber, password: REG_PASSWORD, requestId: res.json().requestId };
    expect((await withdraw(who)).statusCode).toBe(200);
    const again = await register(t, 'professional', { ...input, employerId: rightEmployer.id });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().reviewer.orgId).toBe(rightEmployer.id);
  });

  it("cannot withdraw someone else's registration, nor an approved one", async () => {
    const mine = orgInput();
    const other = orgInput();
    await register(t, 'employer', mine);
    const otherRes = await register(t, 'employer', other);
    const res = await withdraw({
      name: mine.applicant.name,
      idNumber: mine.applicant.idNumber,
      password: REG_PASSWORD,
      requestId: otherRes.json().requestId,
    });
    expect(res.statusCode).toBe(404);
    const county = await findBureau(t, '410105');
    const reviewer = await adminOf(t, county);
    await decide(t, reviewer.cookie, otherRes.json().requestId, 'approve');
    const late = await withdraw({
      name: other.applicant.name,
      idNumber: other.applicant.idNumber,
      password: REG_PASSWORD,
      requestId: otherRes.json().requestId,
    });
    expect(late.statusCode).toBe(404);
  });
});

describe('what registration leaves in the audit log and the requests', () => {
  it('no full ID number or password in any audit row or request payload', async () => {
    const { rows, leaks } = await auditLeaks(t, [REG_PASSWORD, 'Wrong#pass1', 'Again#pass2']);
    expect(rows).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
    const payloads = await t.db.selectFrom('request').select(['payload', 'searchText', 'title']).execute();
    const text = JSON.stringify(payloads);
    expect((text.match(/\d{17}[\dX]/g) ?? []).filter((m) => isValidIdNumber(m))).toEqual([]);
    expect(text).not.toContain(REG_PASSWORD);
  });
});
