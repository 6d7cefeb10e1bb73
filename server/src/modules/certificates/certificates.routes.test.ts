import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createProfessional, loginAs } from '../../test/factories';
import { decodeQr, pdfText, renderFirstPage } from '../../test/pdf';
import { creditHours } from '../claims';
import { createChain, type Chain } from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext(); // the clock stands at 2026-03-02 in China
  chain = await createChain(t, '410105');
});
afterAll(async () => t.close());

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../e2e/artifacts');

const credit = (personId: string, year: number, pub: number, spec: number) =>
  creditHours(
    t.db,
    [
      { category: 'public' as const, hours: pub },
      { category: 'specialized' as const, hours: spec },
    ]
      .filter((r) => r.hours > 0)
      .map((r) => ({
        personId,
        creditYear: year,
        ...r,
        fullYear: false,
        source: 'claim' as const,
        requestId: null,
        formCode: null,
        title: `${year}年学时`,
      })),
    t.ctx.clock.now(),
  );

/** A 中级 professional with 2024 and 2025 passed (30 + 60) and 2023 short. */
const professional = async (name = '王晓明') => {
  const { person } = await createProfessional(t, { orgId: chain.employer.org.id, name });
  await credit(person.id, 2023, 20, 60);
  await credit(person.id, 2024, 30, 60);
  await credit(person.id, 2025, 32, 64);
  return { person, cookie: await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' }) };
};

const print = (cookie: string, fromYear: number, toYear = fromYear) =>
  t.app.inject({ url: `/api/me/certificate?fromYear=${fromYear}&toYear=${toYear}`, headers: { cookie } });
const serialOf = (res: Awaited<ReturnType<typeof print>>) =>
  /_(\d{6}[0-9A-Z]{10})\.pdf/.exec(decodeURIComponent(String(res.headers['content-disposition'])))?.[1];
const verify = (serial: string, ip = '203.0.113.9') => t.app.inject({ url: `/api/certificates/verify?serial=${serial}`, remoteAddress: ip });

describe('继续教育证书 (issue 11, item 2)', () => {
  it('prints a passed year as one A4 page with the person, the hours and a QR code of the verification URL', async () => {
    const someone = await professional();
    const res = await print(someone.cookie, 2024);
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'application/pdf']);
    const bytes = res.rawPayload;
    expect(bytes.length, 'under 100 KB (the font subset)').toBeLessThan(100 * 1024);
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBe(1);
    const compact = text.replace(/\s+/g, '');
    for (const expected of ['王晓明', '2024', '90', '30', '60', '专业技术人员继续教育证书', chain.employer.org.name])
      expect(compact).toContain(expected);
    expect(text).not.toContain(someone.person.idNumber);
    mkdirSync(artifacts, { recursive: true });
    const png = await renderFirstPage(bytes, path.join(artifacts, 'certificate-2024.png'));
    const serial = serialOf(res)!;
    expect(decodeQr(png)).toBe(`${t.ctx.config.publicUrl}/verify?serial=${serial}`);
    const audit = await t.db
      .selectFrom('auditLog')
      .select('detail')
      .where('event', '=', 'CERTIFICATE_PRINT')
      .where('actorPersonId', '=', someone.person.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps the serial when printed again, and merges passed years on one certificate', async () => {
    const someone = await professional('李华');
    const first = serialOf(await print(someone.cookie, 2024));
    expect(serialOf(await print(someone.cookie, 2024)), 'the same content, the same serial').toBe(first);
    const merged = await print(someone.cookie, 2024, 2025);
    expect(merged.statusCode).toBe(200);
    const { text } = await pdfText(merged.rawPayload);
    expect(text).toContain('2024—2025年度');
    expect(text).toContain('186'); // 90 + 96
    expect(serialOf(merged)).not.toBe(first);
  });

  it('refuses a year not passed, and a merged range with one, naming the year and what is missing', async () => {
    const someone = await professional('赵敏');
    const failed = await print(someone.cookie, 2023);
    expect([failed.statusCode, failed.json().message]).toEqual([409, '2023年度未通过（公需科目还差 10 学时），达标后才能打印该年度的继续教育证书']);
    const range = await print(someone.cookie, 2023, 2025);
    expect(range.json().message).toContain('2023年度未通过');
    const current = await print(someone.cookie, 2026);
    expect(current.json().message).toContain('2026年度进行中');
    expect((await print(someone.cookie, 2025, 2024)).statusCode).toBe(400);
    const tooLong = await print(someone.cookie, 2014, 2024);
    expect([tooLong.statusCode, tooLong.json().message]).toEqual([400, '一次最多合并打印10个年度']);
    expect(
      (await t.app.inject({ url: '/api/me/certificate?fromYear=2024&toYear=2024', headers: { cookie: chain.employer.cookie } })).statusCode,
    ).toBe(403);
    const minted = await t.db.selectFrom('certificate').select('id').where('personId', '=', someone.person.id).execute();
    expect(minted).toEqual([]);
  });
});

describe('学习记录验证 (issue 11, item 5)', () => {
  it('shows the public only the masked name, the last 4 of the ID, the years and hours, the issuer and 有效', async () => {
    const someone = await professional('欧阳明月');
    const serial = serialOf(await print(someone.cookie, 2024))!;
    const res = await verify(serial.toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      serial,
      status: 'valid',
      statusLabel: '有效',
      nameMasked: '欧**月',
      idLast4: someone.person.idNumber.slice(-4),
      years: [{ year: 2024, public: 30, specialized: 60, total: 90 }],
      issuerName: chain.bureau.org.name,
    });
    expect(res.body).not.toContain('欧阳明月');
    expect(res.body).not.toContain(chain.employer.org.name);
    expect(res.body).not.toContain(someone.person.idNumber.slice(0, 14));
  });

  it('says 已作废 once the year’s hours change, and points to the certificate printed since', async () => {
    const someone = await professional('孙丽');
    const old = serialOf(await print(someone.cookie, 2024))!;
    await credit(someone.person.id, 2024, 6, 0);
    const stale = (await verify(old)).json();
    expect([stale.status, stale.statusLabel, stale.reason]).toEqual(['void', '已作废', '证书所载年度的学时记录已变更，请重新打印']);
    const fresh = serialOf(await print(someone.cookie, 2024))!;
    expect(fresh).not.toBe(old);
    expect((await verify(old)).json()).toMatchObject({ status: 'void', reason: '该证书已被新证书替代', successorSerial: fresh });
    expect((await verify(fresh)).json()).toMatchObject({ status: 'valid', years: [{ year: 2024, public: 36 }] });
  });

  it('says 已作废 when a year it states no longer passes (hours taken back)', async () => {
    const someone = await professional('钱进');
    const serial = serialOf(await print(someone.cookie, 2025))!;
    await t.db
      .deleteFrom('hoursRecord')
      .where('personId', '=', someone.person.id)
      .where('creditYear', '=', 2025)
      .where('category', '=', 'public')
      .execute();
    await t.db.deleteFrom('personYear').where('personId', '=', someone.person.id).where('creditYear', '=', 2025).execute();
    await credit(someone.person.id, 2025, 0, 64);
    expect((await verify(serial)).json()).toMatchObject({ status: 'void', reason: '证书所载年度的学时已不再达标', successorSerial: null });
  });

  it('refuses a malformed serial, does not find an unknown one, and limits each address', async () => {
    expect((await verify('12345')).statusCode).toBe(400);
    expect((await verify('4120240000000000')).statusCode).toBe(404);
    const results: number[] = [];
    for (let i = 0; i < 31; i++) results.push((await verify('4120240000000001', '198.51.100.7')).statusCode);
    expect(results.at(-1)).toBe(429);
    expect((await verify('4120240000000001', '198.51.100.8')).statusCode, 'another address').toBe(404);
  });
});
