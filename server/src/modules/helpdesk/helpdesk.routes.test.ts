import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { ensureKnowledgeBase } from './kb.service';
import { helpdeskLimits } from './helpdesk.limits';
import { signInProfessional } from './helpdesk.test-support';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
  await ensureKnowledgeBase(t.ctx);
});
afterAll(async () => t?.close());

const ask = (payload: object, headers: Record<string, string> = {}, remoteAddress = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/helpdesk/ask', payload, headers, remoteAddress });

describe('POST /api/helpdesk/ask', () => {
  it('answers a known question with its source title and logs the ask without personal data', async () => {
    const res = await ask({ question: '密码忘了怎么办' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.handoff).toBe(false);
    expect(body.answerId).toBe('hn-password-forgot');
    expect(body.answers[0]).toMatchObject({ id: 'hn-password-forgot', title: '忘记登录密码' });
    expect(body.answers.length).toBeLessThanOrEqual(3);
    const row = await t.db.selectFrom('helpdeskAsk').selectAll().where('id', '=', body.askId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ question: '密码忘了怎么办', answerId: 'hn-password-forgot', handoff: false, helpful: null, role: null });
  });

  it('hands off an unrelated question with no answer id', async () => {
    const body = (await ask({ question: '今天郑州天气怎么样' })).json();
    expect(body.handoff).toBe(true);
    expect(body.answerId).toBeNull();
  });

  it('uses the signed-in account role as the hint, over the one sent', async () => {
    const { cookie } = await signInProfessional(t);
    const body = (await ask({ question: '怎么报学时', role: 'hrBureau' }, { cookie })).json();
    const row = await t.db.selectFrom('helpdeskAsk').select('role').where('id', '=', body.askId).executeTakeFirstOrThrow();
    expect(row.role).toBe('professional');
  });

  it('refuses an empty or overlong question', async () => {
    expect((await ask({ question: '  ' })).statusCode).toBe(400);
    expect((await ask({ question: '问'.repeat(301) })).statusCode).toBe(400);
  });

  it('limits asks per IP per minute, then allows them again in the next minute', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < helpdeskLimits.askPerIpPerMinute; i++) expect((await ask({ question: '证书' }, {}, ip)).statusCode).toBe(200);
    const limited = await ask({ question: '证书' }, {}, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await ask({ question: '证书' }, {}, '10.9.9.10')).statusCode).toBe(200);
    t.clock.advance(61_000);
    expect((await ask({ question: '证书' }, {}, ip)).statusCode).toBe(200);
  });
});

describe('POST /api/helpdesk/feedback', () => {
  it('stores helpful / not helpful on the ask', async () => {
    const { askId } = (await ask({ question: '找回密码' })).json();
    const res = await t.app.inject({ method: 'POST', url: '/api/helpdesk/feedback', payload: { askId, helpful: false } });
    expect(res.statusCode).toBe(200);
    const row = await t.db.selectFrom('helpdeskAsk').select(['helpful', 'feedbackAt']).where('id', '=', askId).executeTakeFirstOrThrow();
    expect(row.helpful).toBe(false);
    expect(row.feedbackAt).not.toBeNull();
  });

  it('answers 404 for an unknown ask and 400 for a malformed id', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/feedback',
      payload: { askId: '00000000-0000-4000-8000-000000000000', helpful: true },
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'POST', url: '/api/helpdesk/feedback', payload: { askId: 'x', helpful: true } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('type-ahead, topics and public entries', () => {
  it('suggests up to 8 titles or variants for the typed characters', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/helpdesk/suggest?q=${encodeURIComponent('密码')}` });
    const items = res.json().items as { entryId: string; text: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(8);
    expect(items.every((s) => s.text.includes('密') && s.text.includes('码'))).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/helpdesk/suggest?q=' })).json().items).toEqual([]);
  });

  it('lists topics with Chinese labels and their entries', async () => {
    const { items } = (await t.app.inject({ method: 'GET', url: '/api/helpdesk/topics' })).json();
    const registration = items.find((x: { topic: string }) => x.topic === 'registration');
    expect(registration.label).toBe('注册与审核');
    expect(registration.entries.length).toBeGreaterThan(5);
  });

  it('shows one active entry publicly, 404 for an unknown one', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/helpdesk/entries/hn-password-forgot' });
    expect(res.json()).toMatchObject({ id: 'hn-password-forgot', title: '忘记登录密码', topicLabel: '密码找回与修改' });
    expect((await t.app.inject({ method: 'GET', url: '/api/helpdesk/entries/nope' })).statusCode).toBe(404);
  });
});
