import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createProfessional, loginAs } from '../../test/factories';
import { pdfText, renderFirstPage } from '../../test/pdf';
import { creditHours } from '../claims';
import { createChain, type Chain } from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
let other: Chain;
beforeAll(async () => {
  t = await createTestContext(); // the clock stands at 2026-03-02 in China
  chain = await createChain(t, '410105');
  other = await createChain(t, '410103');
});
afterAll(async () => t.close());

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../e2e/artifacts');

const credit = (personId: string, year: number, pub: number, spec: number, title = `${year}年学时`) =>
  creditHours(
    t.db,
    [
      { category: 'public' as const, hours: pub },
      { category: 'specialized' as const, hours: spec },
    ]
      .filter((r) => r.hours > 0)
      .map((r) => ({ personId, creditYear: year, ...r, fullYear: false, source: 'claim' as const, requestId: null, formCode: null, title })),
    t.ctx.clock.now(),
  );

/** A 中级 professional of the chain's employer: 2024 passed, 2025 short of 6 public hours. */
const professional = async (name: string) => {
  const { person } = await createProfessional(t, { orgId: chain.employer.org.id, name });
  await credit(person.id, 2024, 30, 60, '2024年继续教育');
  await credit(person.id, 2025, 24, 66, '2025年继续教育');
  return person;
};

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
/** Audit rows of `event` about the person (as the target, or named in the detail). */
const auditCount = async (event: string, personId: string) =>
  (await t.db.selectFrom('auditLog').select(['targetId', 'detail']).where('event', '=', event).execute()).filter(
    (r) => r.targetId === personId || JSON.stringify(r.detail).includes(personId),
  ).length;

describe('电子证书查询打印 (issue 11, item 3)', () => {
  it('finds people in scope by ID number or name with the year’s result, and prints a passed year, audited', async () => {
    const person = await professional('韩梅梅');
    const byId = await get(`/api/certificates/people?year=2024&q=${person.idNumber}`, chain.bureau.cookie);
    expect(byId.statusCode, byId.body).toBe(200);
    expect(byId.json().items).toEqual([
      expect.objectContaining({ personId: person.id, name: '韩梅梅', employerName: chain.employer.org.name, result: 'passed', resultLabel: '通过' }),
    ]);
    expect(byId.body).not.toContain(person.idNumber);
    const byName = await get(`/api/certificates/people?year=2025&q=${encodeURIComponent('韩梅梅')}`, chain.bureau.cookie);
    expect(byName.json().items).toEqual([expect.objectContaining({ result: 'failed', missing: '公需科目还差 6 学时' })]);

    const printed = await get(`/api/certificates/people/${person.id}/certificate?fromYear=2024&toYear=2024`, chain.bureau.cookie);
    expect([printed.statusCode, printed.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect((await pdfText(printed.rawPayload)).text).toContain('韩梅梅');
    const failed = await get(`/api/certificates/people/${person.id}/certificate?fromYear=2025&toYear=2025`, chain.bureau.cookie);
    expect([failed.statusCode, failed.json().message]).toEqual([409, '2025年度未通过（公需科目还差 6 学时），达标后才能打印该年度的继续教育证书']);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['actorAccountId', 'detail'])
      .where('event', '=', 'CERTIFICATE_PRINT')
      .where('actorOrgId', '=', chain.bureau.org.id)
      .execute();
    expect(audit).toEqual([expect.objectContaining({ detail: expect.objectContaining({ personId: person.id, fromYear: 2024 }) })]);
  });

  it('does not find or print for a bureau of another county (404), and refuses an employer the menu (403)', async () => {
    const person = await professional('李雷');
    const search = await get(`/api/certificates/people?year=2024&q=${person.idNumber}`, other.bureau.cookie);
    expect(search.json().items).toEqual([]);
    const print = await get(`/api/certificates/people/${person.id}/certificate?fromYear=2024&toYear=2024`, other.bureau.cookie);
    expect([print.statusCode, print.json().message]).toEqual([404, '未找到该专业技术人员']);
    expect((await get(`/api/certificates/people?year=2024&q=${person.idNumber}`, chain.employer.cookie)).statusCode).toBe(403);
    expect((await get(`/api/certificates/people/${person.id}/certificate?fromYear=2024&toYear=2024`, chain.employer.cookie)).statusCode).toBe(403);
    expect(await t.db.selectFrom('certificate').select('id').where('personId', '=', person.id).execute()).toEqual([]);
    expect(await auditCount('CERTIFICATE_PRINT', person.id)).toBe(0);
  });

  it('refuses a bad query with a clear message', async () => {
    for (const [q, message] of [
      ['410105199001011234', '身份证号格式不正确，请核对'],
      ['4101051990', '请输入完整的18位身份证号，或姓名'],
      ['李', '身份证号或姓名至少2个字'],
    ]) {
      const res = await get(`/api/certificates/people?year=2024&q=${encodeURIComponent(q!)}`, chain.bureau.cookie);
      expect([res.statusCode, res.json().message], q).toEqual([400, message]);
    }
  });
});

describe('学时证明 (issue 11, item 4)', () => {
  it('prints the person’s records of a range, passed or not, for the person and for admins in scope, audited', async () => {
    const person = await professional('王芳');
    const cookie = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' });
    const own = await get('/api/me/hours-statement?fromYear=2024&toYear=2025', cookie);
    expect([own.statusCode, own.headers['content-type']]).toEqual([200, 'application/pdf']);
    const { text, pages } = await pdfText(own.rawPayload);
    expect(pages).toBe(1);
    const compact = text.replace(/\s+/g, '');
    for (const expected of [
      '专业技术人员继续教育学时证明',
      '王芳',
      '2024年继续教育',
      '2025年继续教育',
      '通过',
      '未通过',
      '公需科目还差6学时',
      chain.employer.org.name,
    ])
      expect(compact).toContain(expected);
    expect(text).not.toContain(person.idNumber);
    mkdirSync(artifacts, { recursive: true });
    await renderFirstPage(own.rawPayload, path.join(artifacts, 'hours-statement.png'));

    for (const admin of [chain.employer, chain.bureau]) {
      const res = await get(`/api/certificates/people/${person.id}/hours-statement?fromYear=2025&toYear=2025`, admin.cookie);
      expect(res.statusCode, `${admin.org.kind}: ${res.body.slice(0, 200)}`).toBe(200);
    }
    for (const outsider of [other.employer, other.bureau]) {
      const res = await get(`/api/certificates/people/${person.id}/hours-statement?fromYear=2025&toYear=2025`, outsider.cookie);
      expect(res.statusCode, outsider.org.kind).toBe(404);
    }
    expect(await auditCount('HOURS_STATEMENT_PRINT', person.id)).toBe(3);
    const none = await get('/api/me/hours-statement?fromYear=2010&toYear=2011', cookie);
    expect([none.statusCode, none.json().message]).toEqual([400, '2010至2011年度没有该人员的学时年度，请重新选择年度']);
  });

  it('continues a long statement on numbered pages', async () => {
    const { person } = await createProfessional(t, { orgId: chain.employer.org.id, name: '刘洋' });
    for (let i = 0; i < 45; i++) await credit(person.id, 2025, 1, 1, `网络课程第${i + 1}讲`);
    const cookie = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' });
    const res = await get('/api/me/hours-statement?fromYear=2025&toYear=2025', cookie);
    const { text, pages } = await pdfText(res.rawPayload);
    expect(pages).toBeGreaterThan(1);
    expect(text.replace(/\s+/g, '')).toContain(`第1页/共${pages}页`);
    expect(text).toContain('网络课程第45讲');
  });
});

describe('学习记录验证 by a bureau (issue 11, item 5)', () => {
  it('shows a certificate of someone in scope in full, and nothing of someone outside it', async () => {
    const person = await professional('陈晨');
    const cookie = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' });
    const printed = await get('/api/me/certificate?fromYear=2024&toYear=2024', cookie);
    const serial = /_(\d{6}[0-9A-Z]{10})\.pdf/.exec(decodeURIComponent(String(printed.headers['content-disposition'])))![1]!;
    const res = await get(`/api/certificates/details?serial=${serial}`, chain.bureau.cookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      serial,
      status: 'valid',
      name: '陈晨',
      employerName: chain.employer.org.name,
      titleSeriesName: '卫生技术',
      years: [{ year: 2024, total: 90 }],
    });
    const outside = await get(`/api/certificates/details?serial=${serial}`, other.bureau.cookie);
    expect([outside.statusCode, outside.json().message]).toEqual([404, '未找到本辖区该编号的证书，请核对证书编号']);
    expect((await get(`/api/certificates/details?serial=${serial}`, cookie)).statusCode).toBe(403);
  });
});
