import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { signInBureau, signInEmployer } from '../helpdesk/helpdesk.test-support';
import { multipartFile, samplePdf } from '../../test/uploads';

let t: TestContext;
let province: string;
let city: string;
let county: string;
let otherCity: string;
let employer: string;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cep-notices-'));

beforeAll(async () => {
  t = await createTestContext({
    configure: (c) => {
      c.dataDir = dataDir;
    },
  });
  province = (await signInBureau(t, '410000')).cookie;
  city = (await signInBureau(t, '410100')).cookie;
  county = (await signInBureau(t, '410102')).cookie;
  otherCity = (await signInBureau(t, '410200')).cookie;
  employer = (await signInEmployer(t)).cookie;
});
afterAll(async () => t?.close());

const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

const publish = async (cookie: string, title: string) => {
  const created = await send('POST', '/api/notices/manage', cookie, { title, body: `${title}\n正文第二行 <script>alert(1)</script>` });
  expect(created.statusCode).toBe(200);
  const id = created.json().id as string;
  t.clock.advance(60_000);
  expect((await send('POST', `/api/notices/manage/${id}/publish`, cookie)).statusCode).toBe(200);
  return id;
};

const upload = (cookie: string, noticeId: string, filename: string, bytes: Buffer) => {
  const { payload, contentType } = multipartFile(filename, bytes);
  return t.app.inject({
    method: 'POST',
    url: `/api/notices/manage/${noticeId}/attachments`,
    headers: { cookie, 'content-type': contentType },
    payload,
  });
};

const pdf = samplePdf;
const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml....')]);

describe('publishing notices in scope', () => {
  let provinceId: string;
  let cityId: string;
  let otherCityId: string;

  it('publishes notices of each bureau in its own region; drafts stay private', async () => {
    provinceId = await publish(province, '省厅：关于做好2026年度继续教育工作的通知');
    cityId = await publish(city, '郑州市：继续教育学时审核安排');
    otherCityId = await publish(otherCity, '开封市：学时申报提醒');
    const draft = (await send('POST', '/api/notices/manage', county, { title: '中原区草稿', body: '草稿' })).json();
    expect(draft.status).toBe('draft');
    const row = await t.db.selectFrom('notice').select(['regionCode', 'status']).where('id', '=', cityId).executeTakeFirstOrThrow();
    expect(row).toEqual({ regionCode: '410100', status: 'published' });
    expect((await get(`/api/notices/${draft.id}`)).statusCode).toBe(404);
    const audit = await t.db.selectFrom('auditLog').select('event').where('targetId', '=', cityId).execute();
    expect(audit.map((a) => a.event)).toEqual(['NOTICE_CREATE', 'NOTICE_PUBLISH']);
  });

  it('lists published notices newest first; by region, a city shows province + city, not another city', async () => {
    const all = (await get('/api/notices?page=1&pageSize=8')).json();
    expect(all.items.map((n: { id: string }) => n.id)).toEqual([otherCityId, cityId, provinceId]);
    const countyView = (await get('/api/notices?regionCode=410102')).json();
    expect(countyView.items.map((n: { id: string }) => n.id)).toEqual([cityId, provinceId]);
    expect(countyView.items[0]).toMatchObject({ orgName: '郑州市人力资源和社会保障局', regionName: '郑州市' });
    expect((await get('/api/notices?regionCode=999999')).json().items).toEqual([]);
  });

  it('shows the detail with the body as plain text', async () => {
    const detail = (await get(`/api/notices/${cityId}`)).json();
    expect(detail.body).toContain('<script>');
    expect(detail.attachments).toEqual([]);
  });

  it("refuses a county admin editing the city's notice (404) and a non-bureau admin (403), changing nothing", async () => {
    const edit = await send('PUT', `/api/notices/manage/${cityId}`, county, { title: '改标题', body: '改正文' });
    expect(edit.statusCode).toBe(404);
    expect((await send('POST', `/api/notices/manage/${cityId}/withdraw`, county)).statusCode).toBe(404);
    expect((await send('POST', `/api/notices/manage/${cityId}/withdraw`, province)).statusCode).toBe(404);
    expect((await send('POST', '/api/notices/manage', employer, { title: 'x', body: 'y' })).statusCode).toBe(403);
    expect((await send('POST', '/api/notices/manage', undefined, { title: 'x', body: 'y' })).statusCode).toBe(401);
    const row = await t.db.selectFrom('notice').select(['title', 'status']).where('id', '=', cityId).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: '郑州市：继续教育学时审核安排', status: 'published' });
  });

  it('withdraws a published notice (gone from the portal), refuses a second withdraw, republishes', async () => {
    expect((await send('POST', `/api/notices/manage/${otherCityId}/withdraw`, otherCity)).json().status).toBe('withdrawn');
    expect((await get(`/api/notices/${otherCityId}`)).statusCode).toBe(404);
    const again = await send('POST', `/api/notices/manage/${otherCityId}/withdraw`, otherCity);
    expect(again.statusCode).toBe(409);
    expect((await send('POST', `/api/notices/manage/${cityId}/publish`, city)).statusCode).toBe(409);
    const mine = (await get('/api/notices/manage', otherCity)).json();
    expect(mine.items).toHaveLength(1);
  });

  it('validates title and body', async () => {
    const res = await send('POST', '/api/notices/manage', city, { title: '', body: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('请填写标题');
  });
});

describe('attachments', () => {
  let noticeId: string;

  beforeAll(async () => {
    noticeId = await publish(city, '附件测试公告');
  });

  it('accepts a PDF and a docx by their bytes and downloads them as attachments with nosniff', async () => {
    const res = await upload(city, noticeId, '2026年通知.pdf', pdf);
    expect(res.statusCode).toBe(200);
    expect((await upload(city, noticeId, '报名表.docx', docx)).statusCode).toBe(200);
    const detail = (await get(`/api/notices/${noticeId}`)).json();
    expect(detail.attachments.map((a: { filename: string }) => a.filename)).toEqual(['2026年通知.pdf', '报名表.docx']);
    const att = detail.attachments[0];
    expect(att).toMatchObject({ contentType: 'application/pdf', size: pdf.length });
    const dl = await get(`/api/notices/${noticeId}/attachments/${att.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment; filename=".*\.pdf"; filename\*=UTF-8''2026%E5%B9%B4/);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    const stored = await t.db.selectFrom('noticeAttachment').select(['storedName', 'sha256']).where('id', '=', att.id).executeTakeFirstOrThrow();
    expect(stored.storedName).toMatch(/^[0-9a-f]{32}$/);
    expect(readdirSync(path.join(dataDir, 'files'))).toContain(stored.storedName);
  });

  it('refuses files whose bytes are not an allowed type, or whose name disagrees, storing nothing', async () => {
    const before = readdirSync(path.join(dataDir, 'files')).length;
    const exe = await upload(city, noticeId, '通知.pdf', Buffer.from('MZ\x90\x00 this is not a pdf'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().message).toContain('仅支持上传');
    expect((await upload(city, noticeId, 'page.html', Buffer.from('<html><script>alert(1)</script>'))).statusCode).toBe(400);
    expect((await upload(city, noticeId, '通知.png', pdf)).statusCode).toBe(400);
    expect(readdirSync(path.join(dataDir, 'files')).length).toBe(before);
  });

  it('refuses a file over 10 MB with the limit in the message', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    const res = await upload(city, noticeId, 'big.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('文件不能超过10MB');
  });

  it("refuses uploads to another bureau's notice (404) and anonymous downloads of unpublished notices", async () => {
    expect((await upload(county, noticeId, 'a.pdf', pdf)).statusCode).toBe(404);
    const draft = (await send('POST', '/api/notices/manage', city, { title: '草稿带附件', body: '正文' })).json();
    const added = (await upload(city, draft.id, 'a.pdf', pdf)).json();
    const attId = added.attachments[0].id;
    expect((await get(`/api/notices/${draft.id}/attachments/${attId}`)).statusCode).toBe(404);
    expect((await get(`/api/notices/manage/${draft.id}/attachments/${attId}`, city)).statusCode).toBe(200);
    const removed = await send('DELETE', `/api/notices/manage/${draft.id}/attachments/${attId}`, city);
    expect(removed.json().attachments).toEqual([]);
  });
});
