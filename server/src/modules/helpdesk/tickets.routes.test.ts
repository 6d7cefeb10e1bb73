import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { signInBureau, signInProfessional, signInSupport } from './helpdesk.test-support';

let t: TestContext;
let support: string;

beforeAll(async () => {
  t = await createTestContext();
  support = (await signInSupport(t)).cookie;
});
afterAll(async () => t?.close());

const post = (url: string, payload: object, cookie?: string, remoteAddress = '10.1.0.1') =>
  t.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {}, remoteAddress });
const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

const ticketInput = {
  question: '单位管理员联系不到，怎么更换管理员？',
  conversation: [
    { from: 'user', text: '怎么换管理员' },
    { from: 'bot', text: '请联系在线客服转人工' },
  ],
  contactName: '李四',
  contactPhone: '13812345678',
};

const supportIdOf = async (ticketNo: string) => {
  const list = (await get('/api/helpdesk/tickets?status=open&pageSize=100', support)).json();
  return list.items.find((x: { ticketNo: string }) => x.ticketNo === ticketNo).id as string;
};

describe('anonymous ticket round trip', () => {
  let ticketNo: string;
  let accessCode: string;

  it('opens a ticket with a readable number and a one-time access code', async () => {
    const res = await post('/api/helpdesk/tickets', ticketInput);
    expect(res.statusCode).toBe(200);
    ({ ticketNo, accessCode } = res.json());
    expect(ticketNo).toMatch(/^KF20260302-\d{6}$/);
    expect(accessCode).toMatch(/^[A-Z2-9]{8}$/);
    const row = await t.db.selectFrom('helpdeskTicket').selectAll().where('ticketNo', '=', ticketNo).executeTakeFirstOrThrow();
    expect(row.accessCodeHash).not.toContain(accessCode);
    expect(row.personId).toBeNull();
  });

  it('shows support the queue with masked contacts, and the detail unmasked (audited)', async () => {
    const list = (await get('/api/helpdesk/tickets?status=open', support)).json();
    const item = list.items.find((x: { ticketNo: string }) => x.ticketNo === ticketNo);
    expect(item).toMatchObject({ contactPhone: '138****5678', contactName: '李*', status: 'open', signedIn: false });
    const detail = (await get(`/api/helpdesk/tickets/${item.id}`, support)).json();
    expect(detail.contactPhone).toBe('13812345678');
    expect(detail.conversation).toHaveLength(2);
    const audit = await t.db.selectFrom('auditLog').select('event').where('targetId', '=', item.id).execute();
    expect(audit.map((a) => a.event)).toContain('HELPDESK_TICKET_VIEW');
  });

  it('lets support reply; the asker reads it by number + code; a wrong code is 404', async () => {
    const id = await supportIdOf(ticketNo);
    const replied = await post(`/api/helpdesk/tickets/${id}/reply`, { body: '请提供收件邮箱，我们发送更换管理员模版。' }, support);
    expect(replied.statusCode).toBe(200);
    expect(replied.json().status).toBe('answered');
    const audit = await t.db.selectFrom('auditLog').select('event').where('targetId', '=', id).where('event', '=', 'HELPDESK_TICKET_REPLY').execute();
    expect(audit).toHaveLength(1);
    const seen = await post('/api/helpdesk/tickets/lookup', { ticketNo, accessCode: accessCode.toLowerCase() });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ ticketNo, status: 'answered', replies: [{ body: '请提供收件邮箱，我们发送更换管理员模版。' }] });
    const wrong = await post('/api/helpdesk/tickets/lookup', { ticketNo, accessCode: 'WRONG234' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().message).toBe('工单号或查询码不正确');
    expect((await post('/api/helpdesk/tickets/lookup', { ticketNo: 'KF20260302-999999', accessCode })).statusCode).toBe(404);
  });

  it('closes the ticket; a closed ticket takes no more replies', async () => {
    const id = (await t.db.selectFrom('helpdeskTicket').select('id').where('ticketNo', '=', ticketNo).executeTakeFirstOrThrow()).id;
    expect((await post(`/api/helpdesk/tickets/${id}/close`, {}, support)).json().status).toBe('closed');
    const again = await post(`/api/helpdesk/tickets/${id}/reply`, { body: '补充' }, support);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    expect((await post(`/api/helpdesk/tickets/${id}/close`, {}, support)).statusCode).toBe(409);
  });

  it('rate-limits lookups per IP', async () => {
    const ip = '10.7.7.7';
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await post('/api/helpdesk/tickets/lookup', { ticketNo, accessCode: 'AAAA2222' }, undefined, ip)).statusCode;
    expect(last).toBe(429);
  });
});

describe('ticket refusals', () => {
  it('needs a phone or an e-mail, a name and a question', async () => {
    const res = await post('/api/helpdesk/tickets', { ...ticketInput, contactPhone: undefined }, undefined, '10.1.0.2');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('手机号或电子邮箱');
    expect((await post('/api/helpdesk/tickets', { ...ticketInput, contactName: '' }, undefined, '10.1.0.2')).statusCode).toBe(400);
  });

  it('keeps the queue to platform support: anonymous 401, a bureau admin 403', async () => {
    expect((await get('/api/helpdesk/tickets')).statusCode).toBe(401);
    const { cookie } = await signInBureau(t, '410000');
    expect((await get('/api/helpdesk/tickets', cookie)).statusCode).toBe(403);
    const any = await t.db.selectFrom('helpdeskTicket').select('id').executeTakeFirstOrThrow();
    expect((await post(`/api/helpdesk/tickets/${any.id}/reply`, { body: 'x' }, cookie)).statusCode).toBe(403);
  });
});

describe('signed-in ticket round trip', () => {
  it('attaches the account, and the reply lands in the inbox and under "my tickets"', async () => {
    const { cookie, person } = await signInProfessional(t);
    const created = await post('/api/helpdesk/tickets', { ...ticketInput, question: '学时申报提交没反应' }, cookie, '10.1.0.3');
    const { ticketNo } = created.json();
    const row = await t.db
      .selectFrom('helpdeskTicket')
      .select(['id', 'personId', 'accountId'])
      .where('ticketNo', '=', ticketNo)
      .executeTakeFirstOrThrow();
    expect(row.personId).toBe(person.id);
    expect(row.accountId).not.toBeNull();
    await post(`/api/helpdesk/tickets/${row.id}/reply`, { body: '请更换谷歌浏览器后重试。' }, support);

    const inbox = (await get('/api/inbox', cookie)).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0].subject).toContain(ticketNo);
    expect(inbox.items[0].body).toContain('请更换谷歌浏览器后重试。');
    expect((await post(`/api/inbox/${inbox.items[0].id}/read`, {}, cookie)).statusCode).toBe(200);
    expect((await get('/api/inbox', cookie)).json()).toMatchObject({ unread: 0, items: [{ read: true }] });

    const mine = (await get('/api/helpdesk/tickets/mine', cookie)).json();
    expect(mine.items[0]).toMatchObject({ ticketNo, status: 'answered', replies: [{ body: '请更换谷歌浏览器后重试。' }] });
  });

  it("keeps inboxes private: another person's message is 404, and anonymous is 401", async () => {
    const other = await signInProfessional(t);
    const msg = await t.db.selectFrom('outbox').select('id').where('channel', '=', 'inbox').executeTakeFirstOrThrow();
    expect((await post(`/api/inbox/${msg.id}/read`, {}, other.cookie)).statusCode).toBe(404);
    expect((await get('/api/inbox', other.cookie)).json().items).toEqual([]);
    expect((await get('/api/inbox')).statusCode).toBe(401);
    expect((await get('/api/helpdesk/tickets/mine')).statusCode).toBe(401);
  });
});
