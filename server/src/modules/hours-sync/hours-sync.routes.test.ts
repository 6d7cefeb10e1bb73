import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { SyncItem } from '@cep/contracts';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, createProfessional, loginAs, newIdNumber, type TestPerson } from '../../test/factories';
import { multipartFile, samplePng } from '../../test/uploads';
import { signInBureau } from '../helpdesk/helpdesk.test-support';
import { createChain } from '../reviews/reviews.test-support';

let t: TestContext;
let province: string;
let employerId: string;
beforeAll(async () => {
  t = await createTestContext(); // henan (specialty must match the title series); the clock stands at 2026-03-02
  province = (await signInBureau(t, '410000')).cookie;
  employerId = (await createOrg(t, { kind: 'employer', regionCode: '410102' })).id;
});
afterAll(async () => t.close());

const post = (url: string, body: unknown, cookie: string) => t.app.inject({ method: 'POST', url, payload: body as object, headers: { cookie } });
const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

const newSource = async (name: string, grant: Partial<{ categories: string[]; fromYear: number; toYear: number }> = {}) => {
  const res = await post(
    '/api/hours-sync/sources',
    { name, categories: ['public', 'specialized'], fromYear: 2024, toYear: 2026, ...grant },
    province,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { source: { id: string; keyPrefix: string }; apiKey: string };
};

const send = (apiKey: string | null, items: unknown[], remoteAddress = '192.0.2.10') =>
  t.app.inject({
    method: 'POST',
    url: '/api/hours-sync/batches',
    payload: { items },
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    remoteAddress,
  });

let seq = 0;
const item = (person: TestPerson, overrides: Partial<SyncItem> = {}): SyncItem => ({
  recordId: `R${++seq}`,
  idNumber: person.idNumber,
  name: person.name,
  course: '公需科目：数字经济与创新驱动',
  category: 'public',
  hours: 3,
  completedOn: '2025-06-01',
  ...overrides,
});

const yearOf = async (personId: string, year: number) =>
  t.db
    .selectFrom('personYear')
    .select([sql<number>`public_hours::float8`.as('public'), sql<number>`specialized_hours::float8`.as('specialized')])
    .where('personId', '=', personId)
    .where('creditYear', '=', year)
    .executeTakeFirst();

/** The person-years as a raw sum of the records says they should be. */
const rawSumsMatch = async () => {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from person_year y
    full join (select person_id, credit_year, sum(case when category = 'public' then hours else 0 end) as p,
      sum(case when category = 'specialized' then hours else 0 end) as s from hours_record group by 1, 2) r
      on r.person_id = y.person_id and r.credit_year = y.credit_year
    where coalesce(y.public_hours, 0) <> coalesce(r.p, 0) or coalesce(y.specialized_hours, 0) <> coalesce(r.s, 0)`.execute(t.db);
  return rows[0]!.n === 0;
};

const counts = async () => ({
  records: Number(
    (
      await t.db
        .selectFrom('hoursRecord')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  synced: Number(
    (
      await t.db
        .selectFrom('syncRecord')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

describe('学习平台对接: sources and keys (issue 11, item 6)', () => {
  it('lets the province bureau register a source, shows the key once and keeps only its hash', async () => {
    const { source, apiKey } = await newSource('河南专技在线学习平台');
    expect(apiKey).toMatch(/^cep_sync_[\w-]{43}$/);
    expect(apiKey.startsWith(source.keyPrefix)).toBe(true);
    const list = await get('/api/hours-sync/sources', province);
    expect(list.body).not.toContain(apiKey);
    const stored = await t.db.selectFrom('syncSource').selectAll().where('id', '=', source.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(apiKey);
    const audit = await t.db.selectFrom('auditLog').select('event').where('targetId', '=', source.id).execute();
    expect(audit.map((a) => a.event)).toEqual(['SYNC_SOURCE_CREATE']);
  });

  it('refuses a city bureau, an employer and bad input, creating nothing', async () => {
    const before = await t.db.selectFrom('syncSource').select('id').execute();
    const city = (await signInBureau(t, '410100')).cookie;
    const body = { name: '某平台', categories: ['public'], fromYear: 2024, toYear: 2026 };
    const asCity = await post('/api/hours-sync/sources', body, city);
    expect([asCity.statusCode, asCity.json().message]).toEqual([403, '学习平台对接由省级人社部门管理']);
    expect((await get('/api/hours-sync/sources', city)).statusCode).toBe(403);
    const employer = await loginAs(t, await employerAdmin());
    expect((await post('/api/hours-sync/sources', body, employer)).statusCode).toBe(403);
    for (const bad of [
      { ...body, categories: [] },
      { ...body, name: '\u200b\u200b' },
      { ...body, name: 'a\u0000b' },
      { ...body, fromYear: 2027, toYear: 2026 },
    ])
      expect((await post('/api/hours-sync/sources', bad, province)).statusCode, JSON.stringify(bad)).toBe(400);
    await newSource('重名测试平台');
    const twice = await post('/api/hours-sync/sources', { ...body, name: '重名测试平台' }, province);
    expect([twice.statusCode, twice.json().message]).toEqual([409, '已有名为“重名测试平台”的学习平台']);
    expect((await t.db.selectFrom('syncSource').select('id').execute()).length).toBe(before.length + 1);
  });

  it('answers 401 to no key, a wrong key and a revoked key, and the revoked key stops at once', async () => {
    const { source, apiKey } = await newSource('吊销测试平台');
    const { person } = await createProfessional(t, { orgId: employerId });
    expect((await send(null, [item(person)])).statusCode).toBe(401);
    const wrong = await send(`${apiKey.slice(0, -2)}xx`, [item(person)]);
    expect([wrong.statusCode, wrong.json().message]).toEqual([401, '对接密钥无效']);
    expect((await send(apiKey, [item(person)])).statusCode).toBe(200);
    expect((await post(`/api/hours-sync/sources/${source.id}/revoke`, {}, province)).json().status).toBe('revoked');
    const revoked = await send(apiKey, [item(person)]);
    expect([revoked.statusCode, revoked.json().message]).toEqual([401, '对接密钥已吊销，请联系省级人社部门']);
    expect((await post(`/api/hours-sync/sources/${source.id}/revoke`, {}, province)).statusCode).toBe(409);
    expect((await yearOf(person.id, 2025))?.public).toBe(3);
  });

  it('更换密钥: the old key stops, the new one works on the same source (a resend is still a duplicate)', async () => {
    const { source, apiKey } = await newSource('换钥测试平台');
    const { person } = await createProfessional(t, { orgId: employerId });
    const batch = [item(person, { recordId: 'X-1' })];
    expect((await send(apiKey, batch)).json().counts.accepted).toBe(1);
    const rotated = await post(`/api/hours-sync/sources/${source.id}/rotate`, {}, province);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const newKey = rotated.json().apiKey as string;
    expect(newKey).not.toBe(apiKey);
    expect(rotated.json().source).toMatchObject({ id: source.id, acceptedCount: 1 });
    expect((await send(apiKey, batch)).json().message).toBe('对接密钥无效');
    expect((await send(newKey, batch)).json().counts).toMatchObject({ duplicate: 1, accepted: 0 });
    await post(`/api/hours-sync/sources/${source.id}/revoke`, {}, province);
    expect((await post(`/api/hours-sync/sources/${source.id}/rotate`, {}, province)).statusCode).toBe(409);
  });

  it('holds off an address after 20 wrong keys a minute', async () => {
    const { person } = await createProfessional(t, { orgId: employerId });
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await send('cep_sync_guess', [item(person)], '198.51.100.20')).statusCode);
    expect([codes[19], codes[20]]).toEqual([401, 429]);
  });
});

const employerAdmin = async () => {
  const person = await createPerson(t);
  await createAccount(t, { personId: person.id, kind: 'admin', orgId: employerId, isSuperAdmin: true });
  return { idNumber: person.idNumber, password: person.password, role: 'employer' as const };
};

describe('学时对接: batches (issue 11, item 6)', () => {
  it('credits accepted items as hours records and person-years, and the professional sees them with their source', async () => {
    const { apiKey } = await newSource('接收测试平台');
    const { person } = await createProfessional(t, { orgId: employerId, name: '周晓燕' });
    const res = await send(apiKey, [
      item(person, { recordId: 'A-1', hours: 6 }),
      item(person, { recordId: 'A-2', category: 'specialized', seriesCode: 'health', course: '临床诊疗新进展', hours: 8, completedOn: '2025-06-02' }),
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      { recordId: 'A-1', result: 'accepted', message: null },
      { recordId: 'A-2', result: 'accepted', message: null },
    ]);
    expect(await yearOf(person.id, 2025)).toEqual({ public: 6, specialized: 8 });
    const cookie = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' });
    const year = (await get('/api/me/completion', cookie)).json().years.find((y: { year: number }) => y.year === 2025);
    expect(year.records).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: '临床诊疗新进展', source: 'sync', sourceName: '接收测试平台', hours: 8 })]),
    );
    expect(await rawSumsMatch()).toBe(true);
  });

  it('changes nothing when the same batch is sent again, and replaces a corrected record keeping the old as history', async () => {
    const { apiKey } = await newSource('重发测试平台');
    const { person } = await createProfessional(t, { orgId: employerId });
    const batch = [item(person, { recordId: 'B-1', hours: 2 }), item(person, { recordId: 'B-2', hours: 1, completedOn: '2025-07-01' })];
    expect((await send(apiKey, batch)).json().counts.accepted).toBe(2);
    const before = await counts();
    const again = await send(apiKey, batch);
    expect(again.json().counts).toMatchObject({ accepted: 0, duplicate: 2 });
    expect(await counts()).toEqual(before);

    const corrected = await send(apiKey, [{ ...batch[0], hours: 4 }]);
    expect(corrected.json().items).toEqual([{ recordId: 'B-1', result: 'corrected', message: null }]);
    expect((await yearOf(person.id, 2025))?.public).toBe(5);
    const rows = await t.db
      .selectFrom('syncRecord')
      .select(['id', sql<number>`hours::float8`.as('hours'), 'supersededAt', 'supersededBy', 'hoursRecordId'])
      .where('externalId', '=', 'B-1')
      .orderBy('receivedAt')
      .orderBy('supersededAt')
      .execute();
    const old = rows.find((r) => r.supersededAt)!;
    const current = rows.find((r) => !r.supersededAt)!;
    expect([old.hours, current.hours, old.supersededBy]).toEqual([2, 4, current.id]);
    expect(old.hoursRecordId, 'its hours record went with it').toBeNull();
    expect(await counts()).toEqual({ ...before, synced: before.synced + 1 });
    expect(await rawSumsMatch()).toBe(true);

    const { person: someoneElse } = await createProfessional(t, { orgId: employerId });
    const moved = await send(apiKey, [item(someoneElse, { recordId: 'B-1', hours: 4 })]);
    expect(moved.json().items).toEqual([{ recordId: 'B-1', result: 'invalid', message: '更正记录不能更换人员，请以新的记录编号（recordId）报送' }]);
    expect((await yearOf(person.id, 2025))?.public, 'the first person keeps the hours').toBe(5);
  });

  it('refuses each kind with its reason and changes nothing for them', async () => {
    const { apiKey } = await newSource('拒收测试平台', { categories: ['public', 'specialized'], fromYear: 2025, toYear: 2026 });
    const { person } = await createProfessional(t, { orgId: employerId, name: '郑伟', titleSeries: 'health' });
    const { person: pending } = await createProfessional(t, { orgId: employerId });
    await t.db.updateTable('account').set({ status: 'pending' }).where('personId', '=', pending.id).execute();
    await send(apiKey, [item(person, { recordId: 'C-0', hours: 6, completedOn: '2025-08-01' })]);
    const before = await counts();
    const other = newIdNumber();
    const bad = other.slice(0, 17) + (other.endsWith('0') ? '1' : '0'); // the check digit wrong
    const res = await send(apiKey, [
      item(person, { recordId: 'C-1', idNumber: newIdNumber() }),
      item(pending, { recordId: 'C-2' }),
      item(person, { recordId: 'C-3', name: '郑玮' }),
      item(person, { recordId: 'C-4', hours: 3, completedOn: '2025-08-01' }),
      item(person, { recordId: 'C-5', category: 'specialized', seriesCode: 'engineering' }),
      item(person, { recordId: 'C-6', completedOn: '2024-12-31' }),
      item(person, { recordId: 'C-7', idNumber: bad }),
      item(person, { recordId: 'C-8', completedOn: '2026-03-03' }),
      item(person, { recordId: 'C-9', category: 'specialized' }),
      item(person, { recordId: 'C-9', hours: 1 }),
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().items.map((i: { result: string; message: string }) => [i.result, i.message]);
    expect(results).toEqual([
      ['unknownPerson', '平台上没有该身份证号的专业技术人员（未注册，或注册尚未审核通过）'],
      ['unknownPerson', '平台上没有该身份证号的专业技术人员（未注册，或注册尚未审核通过）'],
      ['nameMismatch', '姓名与该身份证号在平台登记的姓名不一致'],
      ['overDailyLimit', '每天学时不超8学时：2025-08-01该人员的学时加上本条3学时超过上限'],
      ['specialtyMismatch', '课程所属职称系列“工程技术”与该人员的职称系列不一致；人员修改职称系列并经单位审核通过后方可同步'],
      ['notAllowed', '该学习平台获准报送2025至2026年度的学时，本条为2024年度'],
      ['invalid', '身份证号格式不正确'],
      ['invalid', '完成日期不能晚于今天'],
      ['invalid', '专业科目须提供课程所属的职称系列（seriesCode）'],
      ['invalid', '同一批次中记录编号（recordId）重复'],
    ]);
    expect(await counts()).toEqual(before);
    const refusals = (await get(`/api/hours-sync/sources/${await sourceId('拒收测试平台')}/refusals?pageSize=50`, province)).json();
    expect(refusals.total).toBe(10);
    expect(JSON.stringify(refusals)).not.toContain(person.idNumber);
    // The province sees what the source is not told: the person's series, and what else they had that day.
    const messages = refusals.items.map((r: { message: string }) => r.message);
    expect(messages).toContain('课程所属职称系列“工程技术”与该人员的职称系列“卫生技术”不一致；人员修改职称系列并经单位审核通过后方可同步');
    expect(messages).toContain('每天学时不超8学时：2025-08-01该人员已有6学时（学时申报与对接记录），本条3学时，合计超过上限');
  });

  it('counts claims on the day too: a synced course does not push a claimed day over 8 hours', async () => {
    const { apiKey } = await newSource('申报叠加测试平台');
    const chain = await createChain(t, '410105');
    const { person } = await createProfessional(t, { orgId: chain.employer.org.id });
    const cookie = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' });
    const { payload, contentType } = multipartFile('参会证明.png', samplePng);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/requests/attachments',
      headers: { cookie, 'content-type': contentType },
      payload,
    });
    // 国家级学术会议 2026-02-10..12 with a paper: 24 hours, 8 on each day (pending review still counts).
    const claim = await post(
      '/api/claims',
      {
        formCode: 'academicConference',
        creditYear: 2026,
        title: '全国继续教育学术年会',
        startDate: '2026-02-10',
        endDate: '2026-02-12',
        fields: { meetingLevel: 'national', organizer: '中国继续教育学会', days: 3, presentedPaper: 'yes' },
        attachmentIds: [upload.json().id],
      },
      cookie,
    );
    expect(claim.statusCode, claim.body).toBe(201);
    const res = await send(apiKey, [
      item(person, { recordId: 'D-1', completedOn: '2026-02-11', hours: 1 }),
      item(person, { recordId: 'D-2', completedOn: '2026-02-13', hours: 1 }),
    ]);
    expect(res.json().items.map((i: { result: string }) => i.result)).toEqual(['overDailyLimit', 'accepted']);
    expect(res.json().items[0].message).toBe('每天学时不超8学时：2026-02-11该人员的学时加上本条1学时超过上限');

    // And the other way round: a claim does not put a synced day over 8 hours.
    await send(apiKey, [item(person, { recordId: 'D-3', completedOn: '2026-02-20', hours: 6 })]);
    const { payload: p2, contentType: c2 } = multipartFile('证明.png', samplePng);
    const upload2 = await t.app.inject({ method: 'POST', url: '/api/requests/attachments', headers: { cookie, 'content-type': c2 }, payload: p2 });
    const overSynced = await post(
      '/api/claims',
      {
        formCode: 'academicConference',
        creditYear: 2026,
        title: '省级学术会议',
        startDate: '2026-02-20',
        endDate: '2026-02-20',
        fields: { meetingLevel: 'national', organizer: '学会', days: 1, presentedPaper: 'no' },
        attachmentIds: [upload2.json().id],
      },
      cookie,
    );
    expect(overSynced.statusCode, overSynced.body).toBe(400);
    expect(overSynced.json().message).toContain('2026-02-20已申报6学时（“学习平台对接：公需科目：数字经济与创新驱动”）');
  });

  it('takes a batch of 1,000 with 10 bad items: 990 accepted, the 10 reported, nothing else changed', async () => {
    const { source, apiKey } = await newSource('千条测试平台');
    const people = await Promise.all(Array.from({ length: 20 }, () => createProfessional(t, { orgId: employerId })));
    const items: SyncItem[] = [];
    people.forEach(({ person }, p) => {
      for (let d = 0; d < 50; d++) {
        const day = new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
        items.push(item(person, { recordId: `K-${p}-${d}`, hours: 2, completedOn: day }));
      }
    });
    for (let i = 0; i < 10; i++) items[i * 97] = { ...items[i * 97]!, name: '不符' };
    const before = await counts();
    const res = await send(apiKey, items);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts).toMatchObject({ accepted: 990, nameMismatch: 10 });
    expect(await counts()).toEqual({ records: before.records + 990, synced: before.synced + 990 });
    for (const { person } of people.slice(0, 3)) {
      const expected = 2 * items.filter((i) => i.idNumber === person.idNumber && i.name !== '不符').length;
      expect((await yearOf(person.id, 2025))?.public).toBe(expected);
    }
    expect(await rawSumsMatch()).toBe(true);
    const list = (await get('/api/hours-sync/sources', province)).json().items.find((s: { id: string }) => s.id === source.id);
    expect(list).toMatchObject({ acceptedCount: 990, refusedCount: 10, status: 'active' });
    expect(list.lastBatchAt).toBeTruthy();
  });

  it('refuses a malformed batch as a whole (400) and an over-long one, changing nothing', async () => {
    const { apiKey } = await newSource('格式测试平台');
    const { person } = await createProfessional(t, { orgId: employerId });
    const before = await counts();
    for (const items of [
      [{ ...item(person), hours: 'three' }],
      [{ ...item(person), hours: 1.25 }],
      [{ ...item(person), course: '\u0000' }],
      [],
      [{ ...item(person), recordId: 'a b' }],
    ])
      expect((await send(apiKey, items)).statusCode, JSON.stringify(items)).toBe(400);
    const tooMany = Array.from({ length: 1001 }, (_, i) => item(person, { recordId: `M-${i}` }));
    expect((await send(apiKey, tooMany)).json().message).toContain('每批最多1000条');
    expect(await counts()).toEqual(before);
  });
});

const sourceId = async (name: string) => (await t.db.selectFrom('syncSource').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
