import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, createProfessional, loginAs, newIdNumber, tryLogin } from '../../test/factories';
import { multipartFile, samplePng } from '../../test/uploads';
import { approve, createAdmin, createChain, reject, requestRow, type Chain } from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext(); // the clock stands at 2026-03-02 in China
  chain = await createChain(t, '410104');
});
afterAll(async () => t.close());

type Body = Record<string, unknown>;
const send = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Body) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** A 中级 卫生技术 professional of the org, signed in. */
const someone = async (orgId = chain.employer.org.id) => {
  const { person, account } = await createProfessional(t, { orgId, name: '改职称' });
  return { person, account, cookie: await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' }) };
};
const profileOf = async (cookie: string) => (await send(cookie, 'GET', '/api/me/profile')).json();
const senior = { titleSeries: 'health', titleLevel: 'senior', titleObtainedOn: '2025-12-20' };

describe('用户资料管理: 基本信息 and the 职称 change the employer reviews (issue 12, item 1)', () => {
  it('shows the person’s own facts; 所学专业 saves at once; bad codes and text are refused', async () => {
    const p = await someone();
    const mine = await profileOf(p.cookie);
    expect(mine).toMatchObject({
      name: '改职称',
      titleSeriesName: '卫生技术',
      titleLevelName: '中级',
      employmentLabel: '在职',
      openTitleChange: null,
    });
    expect(mine.idNumberMasked).not.toBe(p.person.idNumber);
    expect((await send(p.cookie, 'PUT', '/api/me/profile', { major: '08' })).statusCode).toBe(200);
    expect((await profileOf(p.cookie)).majorName).toBe('工学');
    for (const [major, message] of [
      ['not-a-major', '请选择所学专业'],
      ['08\u0000', '提交的内容包含无法识别的字符（如空字符），请删除后重新输入'],
    ]) {
      const res = await send(p.cookie, 'PUT', '/api/me/profile', { major });
      expect([res.statusCode, res.json().message]).toEqual([400, message]);
    }
    expect((await profileOf(p.cookie)).major).toBe('08');
    expect((await send(chain.employer.cookie, 'GET', '/api/me/profile')).statusCode).toBe(403);
  });

  it('files the new title; the employer sees old and new side by side and approves; only then it changes', async () => {
    const p = await someone();
    const res = await send(p.cookie, 'POST', '/api/me/title-change', senior);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await profileOf(p.cookie)).openTitleChange).toMatchObject({ id, canWithdraw: true });
    expect((await profileOf(p.cookie)).titleLevelName).toBe('中级');
    const again = await send(p.cookie, 'POST', '/api/me/title-change', { ...senior, titleObtainedOn: '2025-12-21' });
    expect([again.statusCode, again.json().message]).toEqual([409, '已有职称信息修改在审核中，请等待审核或撤回后再提交']);

    const detail = (await send(chain.employer.cookie, 'GET', `/api/reviews/${id}`)).json();
    expect(detail.fields).toEqual(
      expect.arrayContaining([
        { label: '职称等级', value: '高级', previous: '中级' },
        { label: '职称取得时间', value: '2025-12-20', previous: '2018-09-01' },
      ]),
    );
    // Only the person's employer reviews it: not the authority above, not another employer.
    const otherEmployer = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id }));
    for (const outsider of [chain.authority, otherEmployer])
      expect([403, 404]).toContain((await approve(t, outsider, { id, version: 1 })).statusCode);
    expect((await approve(t, chain.employer, { id, version: 1 })).statusCode).toBe(200);
    expect(await profileOf(p.cookie)).toMatchObject({ titleLevelName: '高级', titleObtainedOn: '2025-12-20', openTitleChange: null });
  });

  it('leaves the title as it was on rejection and withdrawal, refuses a change to nothing, and one over a title changed meanwhile', async () => {
    const p = await someone();
    const nothing = await send(p.cookie, 'POST', '/api/me/title-change', {
      titleSeries: 'health',
      titleLevel: 'intermediate',
      titleObtainedOn: '2018-09-01',
    });
    expect([nothing.statusCode, nothing.json().message]).toEqual([400, '职称信息没有变化，无需提交']);
    const first = (await send(p.cookie, 'POST', '/api/me/title-change', senior)).json().id as string;
    expect((await reject(t, chain.employer, { id: first, version: 1 })).statusCode).toBe(200);
    const second = (await send(p.cookie, 'POST', '/api/me/title-change', senior)).json().id as string;
    expect((await send(p.cookie, 'POST', `/api/requests/${second}/withdraw`)).statusCode).toBe(200);
    expect((await profileOf(p.cookie)).titleLevelName).toBe('中级');

    const third = (await send(p.cookie, 'POST', '/api/me/title-change', senior)).json().id as string;
    await t.db.updateTable('professionalProfile').set({ titleLevel: 'junior' }).where('accountId', '=', p.account.id).execute();
    const stale = await approve(t, chain.employer, { id: third, version: 1 });
    expect([stale.statusCode, stale.json().message]).toEqual([409, '该人员的职称信息已变化或账号已不可用，本次修改不能生效，请驳回']);
    expect((await requestRow(t, third)).status).toBe('pending');
    expect((await profileOf(p.cookie)).titleLevelName).toBe('初级');
  });

  it('is reviewed by the bureau for the people filed directly under it; bad input changes nothing', async () => {
    const p = await someone(chain.bureau.org.id);
    const cases: [Body, string][] = [
      [{ titleSeries: 'health', titleLevel: 'senior' }, '请选择职称取得时间'],
      [{ ...senior, titleLevel: 'master' }, '请选择职称等级'],
      [{ ...senior, titleSeries: 'nope' }, '请选择职称系列'],
      [{ ...senior, titleObtainedOn: '2026-03-03' }, '职称取得时间不能晚于今天'],
    ];
    for (const [body, message] of cases) {
      const res = await send(p.cookie, 'POST', '/api/me/title-change', body);
      expect([res.statusCode, res.json().message], JSON.stringify(body)).toEqual([400, message]);
    }
    // Only the date changes: the title says so instead of "X → X".
    const dateOnly = await send(p.cookie, 'POST', '/api/me/title-change', {
      titleSeries: 'health',
      titleLevel: 'intermediate',
      titleObtainedOn: '2019-09-01',
    });
    expect((await requestRow(t, dateOnly.json().id)).title).toBe('职称变更：卫生技术（中级）2018-09-01 → 卫生技术（中级）2019-09-01');
    await t.db
      .updateTable('request')
      .set({ status: 'withdrawn', currentReviewerOrgId: null, currentPermission: null })
      .where('id', '=', dateOnly.json().id)
      .execute();
    const id = (await send(p.cookie, 'POST', '/api/me/title-change', senior)).json().id as string;
    expect((await requestRow(t, id)).currentReviewerOrgId).toBe(chain.bureau.org.id);
    expect((await approve(t, chain.bureau, { id, version: 1 })).statusCode).toBe(200);
    expect((await profileOf(p.cookie)).titleLevelName).toBe('高级');
  });
});

describe('基本信息修改 of the phone and e-mail by a code sent to the new one', () => {
  const codeSentTo = (destination: string) => /验证码为(\d{6})/.exec(t.sent.filter((m) => m.destination === destination).at(-1)!.body)![1]!;

  it('changes the phone with the code of that number only, tells the old one, and makes it the person’s own', async () => {
    const person = await createPerson(t, { name: '换手机' });
    await createAccount(t, { personId: person.id, kind: 'professional', orgId: chain.employer.org.id });
    // The org typed the contacts in: the e-mail was never the person's word.
    await t.db.updateTable('person').set({ contactsConfirmed: false, email: 'typed@example.com' }).where('id', '=', person.id).execute();
    const cookie = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' });
    const same = await send(cookie, 'POST', '/api/me/contact-code', { channel: 'phone', destination: person.phone });
    expect([same.statusCode, same.json().message]).toEqual([400, '新手机号与当前手机号相同']);
    const sent = await send(cookie, 'POST', '/api/me/contact-code', { channel: 'phone', destination: '13900001111' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().destinationMasked).toBe('139****1111');
    const tooSoon = await send(cookie, 'POST', '/api/me/contact-code', { channel: 'phone', destination: '13900001111' });
    expect(tooSoon.statusCode).toBe(429);
    const code = codeSentTo('13900001111');
    // The code confirms the number it was sent to, not another.
    const elsewhere = await send(cookie, 'POST', '/api/me/contact', { channel: 'phone', destination: '13900002222', code });
    expect([elsewhere.statusCode, elsewhere.json().message]).toEqual([400, '验证码错误，还可尝试4次']);
    const ok = await send(cookie, 'POST', '/api/me/contact', { channel: 'phone', destination: '13900001111', code });
    expect(ok.statusCode, ok.body).toBe(200);
    const row = await t.db.selectFrom('person').select(['phone', 'email', 'contactsConfirmed']).where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ phone: '13900001111', email: null, contactsConfirmed: true });
    expect(t.sent.some((m) => m.destination === person.phone && m.subject === '手机号已修改')).toBe(true);
    expect((await send(cookie, 'POST', '/api/me/contact', { channel: 'phone', destination: '13900001111', code })).statusCode).toBe(400);
    const audited = await t.db
      .selectFrom('auditLog')
      .select('detail')
      .where('event', '=', 'CONTACT_CHANGED')
      .where('targetId', '=', person.id)
      .execute();
    expect(JSON.stringify(audited)).not.toContain('13900001111');
  });

  it('refuses a bad number, a bad e-mail and a bad code shape', async () => {
    const p = await someone();
    for (const [body, message] of [
      [{ channel: 'phone', destination: '1390000' }, '请输入11位手机号'],
      [{ channel: 'email', destination: 'not-mail' }, '请输入正确的电子邮箱'],
      [{ channel: 'fax', destination: '1' }, '请选择修改手机号或邮箱'],
    ] as const) {
      const res = await send(p.cookie, 'POST', '/api/me/contact-code', body);
      expect([res.statusCode, res.json().message], JSON.stringify(body)).toEqual([400, message]);
    }
    const res = await send(p.cookie, 'POST', '/api/me/contact', { channel: 'email', destination: 'me@example.com', code: '12ab' });
    expect([res.statusCode, res.json().message]).toEqual([400, '请输入6位验证码']);
  });
});

describe('证件信息修改 inside the platform: employer, then the bureau; the new ID number is the login of every account (issue 12, item 2)', () => {
  const photos = async (cookie: string, count = 2) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { payload, contentType } = multipartFile(`身份证${i === 0 ? '正面' : '反面'}.png`, samplePng);
      const res = await t.app.inject({ method: 'POST', url: '/api/requests/attachments', headers: { cookie, 'content-type': contentType }, payload });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    return ids;
  };
  const file = async (cookie: string, body: Body) =>
    send(cookie, 'POST', '/api/me/identity-change', { attachmentIds: await photos(cookie), ...body });
  const decideAll = async (id: string) => {
    expect((await approve(t, chain.employer, { id, version: 1 })).statusCode).toBe(200);
    expect((await approve(t, chain.bureau, { id, version: 2 })).statusCode).toBe(200);
  };

  it('changes the ID number of the person’s professional and admin accounts at once; the old number no longer signs in', async () => {
    const person = await createPerson(t, { name: '改证号' });
    const account = await createAccount(t, { personId: person.id, kind: 'professional', orgId: chain.employer.org.id });
    await t.db
      .insertInto('professionalProfile')
      .values({
        accountId: account.id,
        personId: person.id,
        titleSeries: 'health',
        titleLevel: 'junior',
        major: '10',
        gender: 'male',
        birthDate: '1970-01-01',
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .execute();
    const branch = await createOrg(t, { kind: 'employer', superiorId: chain.employer.org.id });
    await createAccount(t, { personId: person.id, kind: 'admin', orgId: branch.id, isSuperAdmin: true });
    const cookie = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: 'professional' });
    const newId = newIdNumber('410104');
    const res = await file(cookie, { idNumber: newId });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await requestRow(t, id)).stepCount).toBe(2);
    const detail = (await send(chain.employer.cookie, 'GET', `/api/reviews/${id}`)).json();
    expect(JSON.stringify(detail)).not.toContain(newId);
    expect(detail.attachments).toHaveLength(2);
    // The deciding reviewer may see the numbers whole to check them against the photos; audited; nobody else may.
    expect(detail.canReveal).toBe(true);
    const whole = (await send(chain.employer.cookie, 'GET', `/api/reviews/${id}?reveal=true`)).json();
    expect(whole.fields.find((f: { label: string }) => f.label === '身份证号')).toMatchObject({ value: newId, previous: person.idNumber });
    expect(whole.canReveal).toBe(false);
    const notYet = await send(chain.bureau.cookie, 'GET', `/api/reviews/${id}?reveal=true`);
    expect([notYet.statusCode, notYet.json().message]).toEqual([403, '只有当前审核环节的审核人可以查看完整号码']);
    const reveals = await t.db
      .selectFrom('auditLog')
      .select('outcome')
      .where('event', '=', 'REVIEW_DETAIL_REVEALED')
      .where('targetId', '=', id)
      .execute();
    expect(reveals.map((r) => r.outcome).sort()).toEqual(['failure', 'success']);
    await decideAll(id);

    // Sessions ended; the old number signs in nowhere, the new one everywhere.
    expect((await send(cookie, 'GET', '/api/me/profile')).statusCode).toBe(401);
    for (const role of ['professional', 'employer'] as const) {
      const old = await tryLogin(t, { idNumber: person.idNumber, password: person.password, role });
      // Its holder, proven by the password, is told the number changed (not invited to register again).
      expect([old.statusCode, old.json().message], role).toEqual([401, '您的身份证号已变更，请使用变更后的新身份证号登录']);
      const guess = await tryLogin(t, { idNumber: person.idNumber, password: 'Wr0ng#pass99', role });
      expect(guess.json().message).not.toContain('已变更');
      await loginAs(t, { idNumber: newId, password: person.password, role });
    }
    const fresh = await loginAs(t, { idNumber: newId, password: person.password, role: 'professional' });
    const mine = await profileOf(fresh);
    expect(mine.birthDate).toBe(`${newId.slice(6, 10)}-${newId.slice(10, 12)}-${newId.slice(12, 14)}`);
    expect(mine.identityChangeAllowedFrom).toBe('2026-04-01');
    const again = await file(fresh, { name: '再改名' });
    expect([again.statusCode, again.json().message]).toEqual([409, '30天内只允许修改一次证件信息，请于2026-04-01后再提交']);
  });

  it('changes a name; a rejection by the bureau leaves it; the seed’s refusals change nothing', async () => {
    const p = await someone();
    const cases: [Body, number, string][] = [
      [{ name: '新名字', idNumber: newIdNumber('410104') }, 400, '姓名、身份证号中必须有一项与修改前一致'],
      [{ name: '改职称' }, 400, '姓名和身份证号都没有变化，无需提交'],
      [{ idNumber: chain.applicant.person.idNumber }, 409, '该身份证号已在平台注册，不能修改为此身份证号；如确属本人，请联系单位管理员或平台客服'],
      [{ idNumber: '410104199001011234' }, 400, '身份证号非法，请核对输入的身份证号是否正确'],
      [{ name: '名\u0000' }, 400, '提交的内容包含无法识别的字符（如空字符），请删除后重新输入'],
    ];
    for (const [body, status, message] of cases) {
      const res = await file(p.cookie, body);
      expect([res.statusCode, res.json().message], JSON.stringify(body)).toEqual([status, message]);
    }
    const onePhoto = await send(p.cookie, 'POST', '/api/me/identity-change', { name: '新名字', attachmentIds: await photos(p.cookie, 1) });
    expect([onePhoto.statusCode, onePhoto.json().message]).toEqual([400, '请上传身份证正、反面照片']);

    const id = (await file(p.cookie, { name: '新名字' })).json().id as string;
    const twice = await file(p.cookie, { name: '又一个' });
    expect([twice.statusCode, twice.json().message]).toEqual([409, '已有证件信息修改在审核中，请等待审核或撤回后再提交']);
    expect((await approve(t, chain.employer, { id, version: 1 })).statusCode).toBe(200);
    expect((await reject(t, chain.bureau, { id, version: 2 })).statusCode).toBe(200);
    expect((await profileOf(p.cookie)).name).toBe('改职称');

    const second = (await file(p.cookie, { name: '新名字' })).json().id as string;
    await decideAll(second);
    const cookie = await loginAs(t, { idNumber: p.person.idNumber, password: p.person.password, role: 'professional' });
    expect((await profileOf(cookie)).name).toBe('新名字');
  });
});
