import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { ensureKnowledgeBase } from './kb.service';
import { signInBureau, signInEmployer } from './helpdesk.test-support';

let t: TestContext;
let province: string;
let city: string;
let employer: string;

beforeAll(async () => {
  t = await createTestContext();
  await ensureKnowledgeBase(t.ctx);
  province = (await signInBureau(t, '410000')).cookie;
  city = (await signInBureau(t, '410100')).cookie;
  employer = (await signInEmployer(t)).cookie;
});
afterAll(async () => t?.close());

const entryInput = {
  title: '社保卡如何激活',
  answer: '请携带身份证到社保卡服务网点激活。',
  variants: ['社保卡激活'],
  topic: 'account',
  roles: ['professional'],
};
const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const send = (method: 'POST' | 'PUT', url: string, payload: unknown, cookie?: string) =>
  t.app.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });
const ask = (question: string) => send('POST', '/api/helpdesk/ask', { question });

describe('knowledge base seeding', () => {
  it('imports the profile once, each entry with an import revision', async () => {
    const before = await t.db
      .selectFrom('kbEntry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await ensureKnowledgeBase(t.ctx);
    const after = await t.db
      .selectFrom('kbEntry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(before.n).toBeGreaterThan(50);
    expect(after.n).toBe(before.n);
    const revisions = await t.db
      .selectFrom('kbEntryRevision')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'import')
      .executeTakeFirstOrThrow();
    expect(revisions.n).toBe(before.n);
  });
});

describe('knowledge base editing permissions', () => {
  it('lets every bureau with the module read, but only the province bureau edit', async () => {
    const asCity = await get('/api/helpdesk/kb?q=密码', city);
    expect(asCity.statusCode).toBe(200);
    expect(asCity.json().canEdit).toBe(false);
    expect(asCity.json().items.length).toBeGreaterThan(0);
    const asProvince = await get('/api/helpdesk/kb?q=密码', province);
    expect(asProvince.json().canEdit).toBe(true);
  });

  it('refuses writes by a city bureau (403), an employer (403) and anonymous callers (401), changing nothing', async () => {
    const count = async () =>
      (
        await t.db
          .selectFrom('kbEntry')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const byCity = await send('POST', '/api/helpdesk/kb', entryInput, city);
    expect(byCity.statusCode).toBe(403);
    expect(byCity.json().message).toContain('省级人社部门');
    expect((await send('POST', '/api/helpdesk/kb', entryInput, employer)).statusCode).toBe(403);
    expect((await get('/api/helpdesk/kb', employer)).statusCode).toBe(403);
    expect((await send('POST', '/api/helpdesk/kb', entryInput)).statusCode).toBe(401);
    expect((await send('PUT', '/api/helpdesk/kb/hn-password-forgot', { ...entryInput, version: 1 }, city)).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('validates input with a Chinese message', async () => {
    const res = await send('POST', '/api/helpdesk/kb', { ...entryInput, title: ' ' }, province);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('knowledge base editing with history', () => {
  it('creates an entry that the assistant answers at once, with a create revision and an audit row', async () => {
    const created = await send('POST', '/api/helpdesk/kb', entryInput, province);
    expect(created.statusCode).toBe(200);
    const { entry, revisions } = created.json();
    expect(entry.id).toMatch(/^kb-[0-9a-f]{10}$/);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ action: 'create', oldContent: null, newContent: { title: '社保卡如何激活' } });
    const answer = await ask('社保卡怎么激活');
    expect(answer.json().answers[0].id).toBe(entry.id);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('event', '=', 'KB_ENTRY_CREATE').where('targetId', '=', entry.id).execute();
    expect(audit).toHaveLength(1);
  });

  it('edits an entry: the assistant uses the new text, the history holds old and new content', async () => {
    const current = (await get('/api/helpdesk/kb/hn-password-forgot', province)).json().entry;
    const newAnswer = '【已更新】请在登录页点击“忘记密码”，通过注册手机号接收验证码重置密码。';
    const res = await send('PUT', '/api/helpdesk/kb/hn-password-forgot', { ...current, answer: newAnswer, version: current.version }, province);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.entry.version).toBe(current.version + 1);
    expect(body.revisions[0]).toMatchObject({ action: 'edit', oldContent: { answer: current.answer }, newContent: { answer: newAnswer } });
    expect(body.revisions[0].byName).toBeTruthy();
    const answered = (await ask('忘记密码怎么办')).json();
    expect(answered.answers[0]).toMatchObject({ id: 'hn-password-forgot', answer: newAnswer });
  });

  it('refuses an edit against a stale version (409) and keeps the newer text', async () => {
    const current = (await get('/api/helpdesk/kb/hn-password-forgot', province)).json().entry;
    const res = await send(
      'PUT',
      '/api/helpdesk/kb/hn-password-forgot',
      { ...current, answer: '旧版本覆盖', version: current.version - 1 },
      province,
    );
    expect(res.statusCode).toBe(409);
    const after = (await get('/api/helpdesk/kb/hn-password-forgot', province)).json().entry;
    expect(after.answer).toBe(current.answer);
  });

  it('retires an entry (the assistant and the public page stop using it) and restores it', async () => {
    const current = (await get('/api/helpdesk/kb/hn-password-forgot', province)).json().entry;
    const retired = await send('POST', '/api/helpdesk/kb/hn-password-forgot/retire', { version: current.version }, province);
    expect(retired.json().entry.status).toBe('retired');
    expect((await get('/api/helpdesk/entries/hn-password-forgot')).statusCode).toBe(404);
    const answered = (await ask('忘记密码怎么办')).json();
    expect(answered.answers.map((a: { id: string }) => a.id)).not.toContain('hn-password-forgot');
    const again = await send('POST', '/api/helpdesk/kb/hn-password-forgot/retire', { version: current.version + 1 }, province);
    expect(again.statusCode).toBe(409);
    const restored = await send('POST', '/api/helpdesk/kb/hn-password-forgot/restore', { version: current.version + 1 }, province);
    expect(restored.json().entry.status).toBe('active');
    expect(
      restored
        .json()
        .revisions.map((r: { action: string }) => r.action)
        .slice(0, 3),
    ).toEqual(['restore', 'retire', 'edit']);
    expect((await get('/api/helpdesk/entries/hn-password-forgot')).statusCode).toBe(200);
  });

  it('picks up an edit made by another server process on the next request (generation check)', async () => {
    const at = t.clock.now();
    const row = await t.db.selectFrom('kbEntry').selectAll().where('id', '=', 'hn-certificate-print').executeTakeFirstOrThrow();
    const content = {
      title: row.title,
      answer: '【另一进程】证书打印请进入【年度完成情况】。',
      variants: row.variants,
      topic: row.topic,
      roles: row.roles,
      handoff: row.handoff,
      status: row.status,
    };
    expect((await ask('如何打印继续教育证书')).json().answers[0].answer).not.toContain('【另一进程】');
    await t.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('kbEntry')
        .set({ answer: content.answer, version: row.version + 1, updatedAt: at })
        .where('id', '=', row.id)
        .execute();
      await tx
        .insertInto('kbEntryRevision')
        .values({ entryId: row.id, action: 'edit', oldContent: null, newContent: JSON.stringify(content), byPersonId: null, byOrgId: null, at })
        .execute();
    });
    expect((await ask('如何打印继续教育证书')).json().answers[0].answer).toContain('【另一进程】');
  });

  it('answers 404 for an unknown entry', async () => {
    expect((await get('/api/helpdesk/kb/no-such-entry', province)).statusCode).toBe(404);
    expect((await send('PUT', '/api/helpdesk/kb/no-such-entry', { ...entryInput, version: 1 }, province)).statusCode).toBe(404);
  });
});
