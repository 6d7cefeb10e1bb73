import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Text, isValidCreditCode, isValidIdNumber, idNumberCheckChar, creditCodeCheckChar } from '@cep/contracts';
import { createTestContext, type TestContext } from '../../test/test-context';
import { findBureau, newIdNumber } from '../../test/factories';
import { snapshotTables } from '../../test/db-snapshot';
import { as, signInAdmin } from '../../modules/admins/admins.test-support';
import { orgInput, professionalInput, register, requestVersion } from '../../modules/registration/registration.test-support';

let t: TestContext;
let province: ReturnType<typeof as>;
let county: ReturnType<typeof as>;
let pendingRequestId: string;
/** Any org id: the refusals below come before the org is looked up. */
let someOrgId: string;

const NUL = 'a\u0000b';
const LONE = 'x\ud800y';
const INVISIBLE_ONLY = '\u200b\u200e\u2060';

/** An ID number with the given 6-digit region and 8-digit birth date, check character computed. */
const idWith = (region: string, birth: string) => {
  const first17 = `${region}${birth}123`;
  return first17 + idNumberCheckChar(first17);
};

beforeAll(async () => {
  t = await createTestContext();
  province = as(t, (await signInAdmin(t, await findBureau(t, '410000'))).cookie);
  const countyBureau = await findBureau(t, '410105');
  county = as(t, (await signInAdmin(t, countyBureau)).cookie);
  const receipt = await register(t, 'employer', orgInput());
  expect(receipt.statusCode).toBe(201);
  pendingRequestId = receipt.json().requestId;
  someOrgId = countyBureau.id;
});
afterAll(async () => t?.close());

type Attempt = { name: string; send: () => Promise<{ statusCode: number; json: () => { code: string; message: string } }> };

const expectRefusedUnchanged = async (attempts: Attempt[], message: RegExp) => {
  for (const attempt of attempts) {
    const before = await snapshotTables(t);
    const res = await attempt.send();
    expect(res.statusCode, attempt.name).toBe(400);
    expect(res.json().code, attempt.name).toBe('VALIDATION_FAILED');
    expect(res.json().message, attempt.name).toMatch(message);
    expect(await snapshotTables(t), attempt.name).toEqual(before);
  }
};

const writes = (bad: string): Attempt[] => [
  { name: 'registration org name', send: () => register(t, 'employer', orgInput({ orgName: `单位${bad}` })) },
  { name: 'registration address', send: () => register(t, 'authority', orgInput({ address: `地址${bad}` })) },
  {
    name: 'registration applicant name',
    send: () => register(t, 'professional', professionalInput(someOrgId, { applicant: { ...orgInput().applicant, name: `张${bad}` } })),
  },
  { name: 'division', send: () => province('POST', '/api/org/divisions', { name: `科室${bad}` }) },
  { name: 'role', send: () => province('POST', '/api/org/roles', { name: `角色${bad}`, permissions: ['org.divisions'] }) },
  {
    name: 'role description',
    send: () => province('POST', '/api/org/roles', { name: '描述角色', description: bad, permissions: ['org.divisions'] }),
  },
  {
    name: 'admin name',
    send: () =>
      province('POST', '/api/org/admins', {
        mode: 'new',
        idNumber: newIdNumber(),
        name: `李${bad}`,
        phone: '13700001111',
        password: 'Zq7#kLm2wx',
        roleId: '00000000-0000-4000-8000-000000000000',
      }),
  },
  { name: 'notice title', send: () => province('POST', '/api/notices/manage', { title: `通知${bad}`, body: '正文' }) },
  { name: 'notice body', send: () => province('POST', '/api/notices/manage', { title: '通知', body: `正文${bad}` }) },
  {
    name: 'reject reason',
    send: async () =>
      county('POST', `/api/reviews/${pendingRequestId}/reject`, { version: await requestVersion(t, pendingRequestId), reason: `材料不全${bad}` }),
  },
  { name: 'help-desk question', send: () => t.app.inject({ method: 'POST', url: '/api/helpdesk/ask', payload: { question: `怎么注册${bad}` } }) },
  {
    name: 'ticket',
    send: () =>
      t.app.inject({
        method: 'POST',
        url: '/api/helpdesk/tickets',
        payload: { question: `问题${bad}`, contactName: '王', contactPhone: '13800001111' },
      }),
  },
];

const publicSearches = (bad: string): Attempt[] => [
  { name: 'employer search', send: () => t.app.inject({ method: 'GET', url: `/api/registrations/employers?keyword=${encodeURIComponent(bad)}` }) },
  {
    name: 'superior search',
    send: () => t.app.inject({ method: 'GET', url: `/api/registrations/superiors?kind=authority&keyword=${encodeURIComponent(bad)}` }),
  },
  { name: 'suggest', send: () => t.app.inject({ method: 'GET', url: `/api/helpdesk/suggest?q=${encodeURIComponent(bad)}` }) },
  { name: 'review queue keyword', send: () => county('GET', `/api/reviews?keyword=${encodeURIComponent(bad)}`) },
];

describe('one input-hygiene rule for every text field (SECURITY I4; issue 7 item 5)', () => {
  it('refuses a NUL character in any text with a Chinese 400 and writes nothing', async () => {
    await expectRefusedUnchanged([...writes(NUL), ...publicSearches(NUL)], /无法识别的字符/);
  });

  it('refuses a lone surrogate in any text with a Chinese 400 and writes nothing', async () => {
    // A query string cannot carry one: its UTF-8 bytes are invalid and decode to U+FFFD.
    await expectRefusedUnchanged(writes(LONE), /无法识别的字符/);
  });

  it('refuses text made only of invisible characters: org, admin and division names, notice titles, reasons, descriptions', async () => {
    const invisibleOnly: Attempt[] = [
      { name: 'org name', send: () => register(t, 'employer', orgInput({ orgName: INVISIBLE_ONLY })) },
      {
        name: 'admin name',
        send: () =>
          province('POST', '/api/org/admins', {
            mode: 'new',
            idNumber: newIdNumber(),
            name: INVISIBLE_ONLY,
            phone: '13700001111',
            password: 'Zq7#kLm2wx',
            roleId: '00000000-0000-4000-8000-000000000000',
          }),
      },
      { name: 'division', send: () => province('POST', '/api/org/divisions', { name: INVISIBLE_ONLY }) },
      { name: 'notice title', send: () => province('POST', '/api/notices/manage', { title: INVISIBLE_ONLY, body: '正文' }) },
      {
        name: 'role description',
        send: () => province('POST', '/api/org/roles', { name: '只有描述', description: INVISIBLE_ONLY, permissions: ['org.divisions'] }),
      },
      {
        name: 'reject reason',
        send: async () =>
          county('POST', `/api/reviews/${pendingRequestId}/reject`, { version: await requestVersion(t, pendingRequestId), reason: INVISIBLE_ONLY }),
      },
    ];
    await expectRefusedUnchanged(invisibleOnly, /不能只包含不可见字符/);
  });

  it('stores text without its invisible characters, trimmed', async () => {
    const res = await province('POST', '/api/org/divisions', { name: ' \u200b财务\u200d科\u202e ' });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('财务科');
  });

  it('refuses ID numbers that are not real: born in 2099, before 1900, under 16 today, region 000000 or 990000', async () => {
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const cases = {
      future: idWith('410102', '20990101'),
      before1900: idWith('410102', '18991231'),
      bornToday: idWith('410102', today),
      noRegion: idWith('000000', '19800101'),
      noProvince: idWith('990102', '19800101'),
      provinceOnly: idWith('410000', '19800101'),
    };
    expect(isValidIdNumber(idWith('410102', '19800101'))).toBe(true);
    for (const [name, idNumber] of Object.entries(cases)) {
      const before = await snapshotTables(t);
      const res = await register(t, 'employer', orgInput({ applicant: { ...orgInput().applicant, idNumber } }));
      expect(res.statusCode, name).toBe(400);
      expect(res.json().message, name).toMatch(name === 'bornToday' ? /年龄未满16周岁/ : /身份证号非法/);
      expect(await snapshotTables(t), name).toEqual(before);
    }
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { idNumber: cases.future, password: 'x', role: 'professional', captchaToken: 'x' },
    });
    expect(login.json().message).toMatch(/身份证号非法/);
  });

  it('refuses credit codes that only pass the check character: all zeros, an empty org part, a made-up authority or region (issue 7 probe)', async () => {
    const withCheck = (first17: string) => first17 + creditCodeCheckChar(first17);
    const codes = [
      withCheck('00000000000000000'),
      withCheck('91410100000000000'),
      withCheck('00000000000000001'),
      withCheck('YYYYYYYYYYYYYYYYY'),
      withCheck('91990100MA0000001'),
    ];
    expect(isValidCreditCode(withCheck('12410100MB0000001'))).toBe(true);
    expect(isValidCreditCode(withCheck('11100000MB0000001'))).toBe(true);
    for (const code of codes) {
      expect(isValidCreditCode(code)).toBe(false);
      const before = await snapshotTables(t);
      const res = await register(t, 'employer', orgInput({ creditCode: code }));
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/统一社会信用代码校验失败/);
      expect(await snapshotTables(t)).toEqual(before);
    }
  });
});

describe('the Text contract', () => {
  const Name = Text({ label: '名称', max: 5 });
  it.each([
    [' 张三 ', '张三'],
    ['张\u200b三', '张三'],
    ['\ufeff李四', '李四'],
  ])('cleans %j to %j', (input, output) => expect(Name.parse(input)).toBe(output));
  it.each([
    ['', '请输入名称'],
    ['   ', '请输入名称'],
    ['\u200b\u200c', '名称不能只包含不可见字符'],
    ['a\u0000', '名称包含无法识别的字符，请删除后重新输入'],
    ['\udc00', '名称包含无法识别的字符，请删除后重新输入'],
    ['一\n二', '名称包含无法识别的字符，请删除后重新输入'],
    ['一二三四五六', '名称不能超过5个字'],
  ])('refuses %j: %s', (input, message) => expect(Name.safeParse(input).error?.issues[0]?.message).toBe(message));
});
