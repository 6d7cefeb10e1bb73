import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_EXISTS_MESSAGE, FOREIGN_ID_MESSAGE, NO_CREDIT_CODE_MESSAGE, PROFESSIONAL_EXISTS_MESSAGE } from '@cep/contracts';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, findBureau, TEST_PASSWORD } from '../../test/factories';
import { newApplicant, newCreditCode, orgInput, professionalInput, register, snapshot } from './registration.test-support';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

/** Posts, expects the refusal, and checks that no row of any kind was written. */
const refused = async (
  kind: 'authority' | 'employer' | 'provider' | 'professional',
  payload: object,
  status: number,
  code: string,
  message?: string | RegExp,
) => {
  const before = await snapshot(t);
  const res = await register(t, kind, payload);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().code).toBe(code);
  if (typeof message === 'string') expect(res.json().message).toBe(message);
  else if (message) expect(res.json().message).toMatch(message);
  expect(await snapshot(t)).toEqual(before);
  return res.json();
};

describe('registration refusals change nothing', () => {
  it('refuses an ID number with a wrong check digit: 身份证号非法', async () => {
    const applicant = newApplicant();
    const bad = applicant.idNumber.slice(0, 17) + (applicant.idNumber[17] === '1' ? '2' : '1');
    await refused('employer', orgInput({ applicant: { ...applicant, idNumber: bad } }), 400, 'VALIDATION_FAILED', /身份证号非法/);
  });

  it('refuses foreign ID types with the seed answer', async () => {
    const applicant = newApplicant({ idType: '护照', idNumber: 'E12345678' });
    await refused('employer', orgInput({ applicant }), 400, 'VALIDATION_FAILED', FOREIGN_ID_MESSAGE);
  });

  it('refuses an org without a credit code, and a credit code with a bad check character', async () => {
    await refused('employer', orgInput({ creditCode: '' }), 400, 'VALIDATION_FAILED', NO_CREDIT_CODE_MESSAGE);
    const code = newCreditCode();
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    await refused('employer', orgInput({ creditCode: wrong }), 400, 'VALIDATION_FAILED', /统一社会信用代码校验失败/);
  });

  it('refuses a weak password (policy and deny-list)', async () => {
    await refused('employer', orgInput({ applicant: newApplicant({ password: '12345678' }) }), 400, 'VALIDATION_FAILED', /8~20位/);
    const applicant = newApplicant();
    await refused(
      'employer',
      orgInput({ applicant: { ...applicant, password: `Ab${applicant.idNumber.slice(-6)}` } }),
      400,
      'PASSWORD_POLICY',
      /身份证号/,
    );
  });

  it('refuses a credit code that is already registered', async () => {
    const input = orgInput();
    expect((await register(t, 'employer', input)).statusCode).toBe(201);
    await refused('employer', orgInput({ creditCode: input.creditCode }), 409, 'ALREADY_EXISTS', /统一社会信用代码已注册/);
  });

  it('an existing ID without 已是本系统用户 gets the seed guidance', async () => {
    const person = await createPerson(t);
    await createAccount(t, { personId: person.id, kind: 'admin', orgId: (await findBureau(t, '410102')).id });
    await refused('employer', orgInput({ applicant: newApplicant({ idNumber: person.idNumber }) }), 409, 'ALREADY_EXISTS', ACCOUNT_EXISTS_MESSAGE);
  });

  it('已是本系统用户: wrong password -> WRONG_PASSWORD; already a professional -> the seed answer', async () => {
    const employer = await createOrg(t, { kind: 'employer' });
    const person = await createPerson(t);
    await createAccount(t, { personId: person.id, kind: 'professional', orgId: employer.id });
    const existing = { existingUser: true, idType: '身份证', idNumber: person.idNumber, password: 'Wrong#pass9' };
    await refused('employer', orgInput({ applicant: existing }), 401, 'WRONG_PASSWORD');
    const failures = await t.db.selectFrom('auditLog').select('id').where('event', '=', 'REGISTRATION_PASSWORD_FAIL').execute();
    expect(failures).toHaveLength(1);
    await refused(
      'professional',
      professionalInput(employer.id, { applicant: { ...existing, password: TEST_PASSWORD } }),
      409,
      'ALREADY_EXISTS',
      PROFESSIONAL_EXISTS_MESSAGE,
    );
  });

  it('已是本系统用户 without a solved slider is refused before the password check and counts nothing (issue 7 finding 2)', async () => {
    const person = await createPerson(t);
    await createAccount(t, { personId: person.id, kind: 'admin', orgId: (await findBureau(t, '410102')).id });
    const existing = { existingUser: true, idType: '身份证', idNumber: person.idNumber, password: 'Wrong#pass9' };
    const counters = () => t.db.selectFrom('loginThrottle').selectAll().execute();
    const before = await counters();
    await refused('employer', orgInput({ applicant: existing, captchaToken: null }), 400, 'VALIDATION_FAILED', '请先完成滑块验证');
    await refused('employer', orgInput({ applicant: existing, captchaToken: 'forged-token' }), 400, 'CAPTCHA_INVALID');
    expect(await counters()).toEqual(before);
    expect(
      await t.db.selectFrom('auditLog').select('id').where('event', '=', 'REGISTRATION_PASSWORD_FAIL').where('targetId', '=', person.id).execute(),
    ).toEqual([]);
  });

  it('已是本系统用户 with an admin-reset temporary password is refused: it only opens the login box (issue 7 probe)', async () => {
    const person = await createPerson(t);
    await createAccount(t, { personId: person.id, kind: 'professional', orgId: (await createOrg(t, { kind: 'employer' })).id });
    await t.db
      .updateTable('person')
      .set({ mustChangePassword: true, tempPasswordExpiresAt: new Date(t.clock.now().getTime() - 60_000) })
      .where('id', '=', person.id)
      .execute();
    const existing = { existingUser: true, idType: '身份证', idNumber: person.idNumber, password: person.password };
    await refused('employer', orgInput({ applicant: existing }), 403, 'PASSWORD_CHANGE_REQUIRED', '您的密码已被重置，请先登录平台修改密码后再办理');
  });

  it('已是本系统用户 with an ID that is not registered is refused', async () => {
    const applicant = { existingUser: true, idType: '身份证', idNumber: newApplicant().idNumber, password: TEST_PASSWORD };
    await refused('employer', orgInput({ applicant }), 400, 'VALIDATION_FAILED', /尚未在平台注册/);
  });

  it('refuses a superior that is pending, disabled, of the wrong kind, or unknown', async () => {
    const pendingAuthority = await createOrg(t, { kind: 'authority', status: 'pending' });
    await refused('employer', orgInput({ authorityId: pendingAuthority.id }), 409, 'INVALID_STATE', '所选主管部门尚在注册审核中，审核通过后才能选择');
    const disabledParent = await createOrg(t, { kind: 'employer', status: 'disabled' });
    await refused('employer', orgInput({ parentOrgId: disabledParent.id }), 409, 'INVALID_STATE', /已停用或未通过审核/);
    const provider = await createOrg(t, { kind: 'provider' });
    await refused('employer', orgInput({ parentOrgId: provider.id }), 400, 'VALIDATION_FAILED', '所选上级单位不存在，请重新选择');
    await refused('provider', orgInput({ authorityId: provider.id }), 400, 'VALIDATION_FAILED', '所选主管部门不存在，请重新选择');
    await refused('employer', orgInput({ authorityId: '00000000-0000-4000-8000-000000000000' }), 400, 'VALIDATION_FAILED', /不存在/);
  });

  it('refuses fields that are not collected (SECURITY.md P1) instead of dropping them', async () => {
    await refused('employer', { ...orgInput(), status: 'active' }, 400, 'VALIDATION_FAILED', /不需要的信息项/);
    const input = orgInput();
    await refused('employer', { ...input, applicant: { ...input.applicant, isSuperAdmin: true } }, 400, 'VALIDATION_FAILED', /不需要的信息项/);
  });

  it('refuses a region outside the province', async () => {
    await refused('authority', orgInput({ regionCode: '370100' }), 400, 'VALIDATION_FAILED', /不在本省范围内/);
  });

  it('refuses a professional under a pending, disabled or non-employer org', async () => {
    const pending = await createOrg(t, { kind: 'employer', status: 'pending' });
    await refused('professional', professionalInput(pending.id), 409, 'INVALID_STATE', /尚未通过注册审核/);
    const disabled = await createOrg(t, { kind: 'employer', status: 'disabled' });
    await refused('professional', professionalInput(disabled.id), 409, 'INVALID_STATE', /已停用/);
    const authority = await createOrg(t, { kind: 'authority' });
    await refused('professional', professionalInput(authority.id), 400, 'VALIDATION_FAILED', '所选所在单位不存在，请重新选择');
  });

  it('refuses unknown catalog codes and a title without its date', async () => {
    const employer = await createOrg(t, { kind: 'employer' });
    await refused('professional', professionalInput(employer.id, { titleSeries: 'astrology' }), 400, 'VALIDATION_FAILED', '请选择职称系列');
    await refused('professional', professionalInput(employer.id, { titleObtainedOn: '' }), 400, 'VALIDATION_FAILED', '请选择职称取得时间');
    await refused('employer', orgInput({ industry: 'ZZ' }), 400, 'VALIDATION_FAILED', '请选择所属行业');
  });

  it('two registrations of one credit code at once: one 201, one 409', async () => {
    const creditCode = newCreditCode();
    const results = await Promise.all([register(t, 'employer', orgInput({ creditCode })), register(t, 'employer', orgInput({ creditCode }))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await t.db.selectFrom('org').select('id').where('creditCode', '=', creditCode).execute()).toHaveLength(1);
  });

  it('limits registrations per address: the 31st in a minute gets 429, the next minute passes', async () => {
    for (let i = 0; i < 30; i++) expect((await register(t, 'employer', orgInput({ regionCode: '370100' }), '10.200.0.1')).statusCode).toBe(400);
    const limited = await register(t, 'employer', orgInput(), '10.200.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    t.clock.advance(61_000);
    expect((await register(t, 'employer', orgInput(), '10.200.0.1')).statusCode).toBe(201);
  });
});
