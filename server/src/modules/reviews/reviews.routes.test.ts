import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg } from '../../test/factories';
import {
  approve,
  createAdmin,
  createChain,
  hookRows,
  registerTestKinds,
  reject,
  requestRow,
  stepStatuses,
  submitTest,
  UNTIL_FINAL,
  type Chain,
} from './reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext();
  await registerTestKinds(t);
  chain = await createChain(t);
});
afterAll(async () => t.close());

const auditEvents = async (requestId: string) =>
  await t.db.selectFrom('auditLog').select(['event', 'reason', 'detail', 'actorOrgId']).where('targetId', '=', requestId).orderBy('id').execute();

describe('review engine: a three-step chain', () => {
  it('approves step by step: employer, then authority, then bureau, and runs the effect once', async () => {
    const r = await submitTest(t, chain);
    expect([r.status, r.currentStep, r.version, await stepStatuses(t, r.id)]).toEqual(['pending', 1, 1, 'pending,waiting,waiting']);

    const first = await approve(t, chain.employer, r);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'inReview', statusLabel: '审核中', version: 2 });
    expect(await stepStatuses(t, r.id)).toBe('approved,pending,waiting');
    expect((await approve(t, chain.authority, { id: r.id, version: 2 })).json()).toMatchObject({ status: 'inReview', version: 3 });
    expect(await hookRows(t, r.id)).toEqual([]);
    const last = await approve(t, chain.bureau, { id: r.id, version: 3 });
    expect(last.json()).toMatchObject({ status: 'approved', statusLabel: '审核通过', version: 4 });

    const row = await requestRow(t, r.id);
    expect(row.decidedAt).not.toBeNull();
    expect(row.currentReviewerOrgId).toBeNull();
    expect(await stepStatuses(t, r.id)).toBe('approved,approved,approved');
    expect(await hookRows(t, r.id)).toEqual(['effect']);
    const audit = await auditEvents(r.id);
    expect(audit.map((a) => a.event)).toEqual(['REQUEST_SUBMITTED', 'REVIEW_APPROVE', 'REVIEW_APPROVE', 'REVIEW_APPROVE']);
    expect(audit.slice(1).map((a) => a.actorOrgId)).toEqual([chain.employer.org.id, chain.authority.org.id, chain.bureau.org.id]);
    expect(audit[3]!.detail).toMatchObject({ kind: 'test.threeStep', stepNo: 3, status: 'approved' });
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/reviews/${r.id}/revoke`,
      headers: { cookie: chain.bureau.cookie },
      payload: { version: 4, reason: '材料不实' },
    });
    expect([revoke.statusCode, revoke.json().message], 'a kind that cannot undo its effect cannot be revoked').toEqual([
      409,
      '此类申请审核通过后不能撤销',
    ]);
    expect((await requestRow(t, r.id)).status).toBe('approved');
    const inbox = await t.db.selectFrom('outbox').select('body').where('personId', '=', chain.applicant.person.id).orderBy('id').execute();
    expect(inbox.slice(-3).map((m) => m.body)).toEqual([
      expect.stringContaining('进入下一级审核'),
      expect.stringContaining('进入下一级审核'),
      expect.stringContaining('审核通过'),
    ]);
  });

  it('rejects at step 2 after step 1 approved: the chain ends, the hook runs, no effect', async () => {
    const r = await submitTest(t, chain);
    await approve(t, chain.employer, r);
    const res = await reject(t, chain.authority, { id: r.id, version: 2, reason: '学时证明材料不全' });
    expect(res.json()).toMatchObject({ status: 'rejected', statusLabel: '审核不通过', version: 3 });
    expect(await stepStatuses(t, r.id)).toBe('approved,rejected,skipped');
    expect(await hookRows(t, r.id)).toEqual(['rejected']);
    const audit = await auditEvents(r.id);
    expect(audit.at(-1)).toMatchObject({ event: 'REVIEW_REJECT', reason: '学时证明材料不全', detail: expect.objectContaining({ stepNo: 2 }) });
    const late = await approve(t, chain.bureau, { id: r.id, version: 3 });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('INVALID_STATE');
  });

  it('lets a higher step reject what the lower steps approved (as the seeds describe), keeping their history', async () => {
    const r = await submitTest(t, chain);
    await approve(t, chain.employer, r);
    await approve(t, chain.authority, { id: r.id, version: 2 });
    const res = await reject(t, chain.bureau, { id: r.id, version: 3, reason: '不符合学时认定标准' });
    expect(res.json().status).toBe('rejected');
    const detail = (await t.app.inject({ url: `/api/reviews/${r.id}`, headers: { cookie: chain.bureau.cookie } })).json();
    expect(detail.steps.map((s: { statusLabel: string }) => s.statusLabel)).toEqual(['通过', '通过', '驳回']);
    expect(detail.steps[2]).toMatchObject({
      reviewerOrgName: chain.bureau.org.name,
      reason: '不符合学时认定标准',
      decidedByName: chain.bureau.person.name,
    });
    expect(detail.steps[0].decidedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(await hookRows(t, r.id)).toEqual(['rejected']);
  });
});

describe('review engine: withdrawal', () => {
  const withdraw = (id: string, cookie = chain.applicant.cookie) =>
    t.app.inject({ method: 'POST', url: `/api/requests/${id}/withdraw`, headers: { cookie } });

  it('lets the applicant withdraw before any approval, with the hook and an audit row', async () => {
    const r = await submitTest(t, chain);
    const res = await withdraw(r.id);
    expect(res.json()).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回' });
    expect(await stepStatuses(t, r.id)).toBe('skipped,skipped,skipped');
    expect(await hookRows(t, r.id)).toEqual(['withdrawn']);
    expect((await auditEvents(r.id)).at(-1)?.event).toBe('REQUEST_WITHDRAWN');
    const decide = await approve(t, chain.employer, { id: r.id, version: 2 });
    expect([decide.statusCode, decide.json().code]).toEqual([409, 'INVALID_STATE']);
  });

  it('refuses withdrawal after the first approval by default, and changes nothing', async () => {
    const r = await submitTest(t, chain);
    await approve(t, chain.employer, r);
    const res = await withdraw(r.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('不能撤回') });
    expect((await requestRow(t, r.id)).status).toBe('inReview');
    expect(await hookRows(t, r.id)).toEqual([]);
  });

  it('allows withdrawal until the final decision for a kind that says so', async () => {
    const r = await submitTest(t, chain, { kind: UNTIL_FINAL });
    await approve(t, chain.employer, r);
    expect((await withdraw(r.id)).json().status).toBe('withdrawn');
    expect(await stepStatuses(t, r.id)).toBe('approved,skipped,skipped');
  });

  it('refuses another person, even a reviewer of the request (404)', async () => {
    const r = await submitTest(t, chain);
    const res = await withdraw(r.id, chain.employer.cookie);
    expect(res.statusCode).toBe(404);
    expect((await requestRow(t, r.id)).status).toBe('pending');
  });
});

describe('review engine: refusals', () => {
  it('gives 403 to a reviewer org whose step it is not, 404 to an org outside, and changes nothing', async () => {
    const r = await submitTest(t, chain);
    const early = await approve(t, chain.authority, r);
    expect([early.statusCode, early.json().message]).toEqual([403, '该申请当前不在本单位的审核环节']);
    const stranger = await createAdmin(t, await createOrg(t, { kind: 'employer', regionCode: '410103' }));
    const outside = await approve(t, stranger, r);
    expect([outside.statusCode, outside.json().code]).toEqual([404, 'NOT_FOUND']);
    expect((await t.app.inject({ url: `/api/reviews/${r.id}`, headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
    const row = await requestRow(t, r.id);
    expect([row.status, row.version, await stepStatuses(t, r.id)]).toEqual(['pending', 1, 'pending,waiting,waiting']);
    expect((await auditEvents(r.id)).map((a) => [a.event, a.reason])).toEqual([
      ['REQUEST_SUBMITTED', null],
      ['REVIEW_APPROVE', 'FORBIDDEN'],
      ['REVIEW_APPROVE', 'NOT_FOUND'],
      ['REVIEW_DETAIL_VIEW', 'NOT_FOUND'],
    ]);
  });

  it('gives 403 to an admin of the right org whose role lacks the kind’s permission', async () => {
    const r = await submitTest(t, chain);
    const clerk = await createAdmin(t, chain.employer.org, { permissions: ['statistics.overview'] });
    const res = await approve(t, clerk, r);
    expect([res.statusCode, res.json().message]).toEqual([403, '您没有审核此类申请的权限']);
    const queue = await t.app.inject({ url: '/api/reviews', headers: { cookie: clerk.cookie } });
    expect(queue.json().total).toBe(0);
    expect((await requestRow(t, r.id)).version).toBe(1);
  });

  it('refuses an admin deciding their own request (403); another admin of the org may', async () => {
    const own = await submitTest(t, { ...chain, applicant: { ...chain.applicant, person: chain.employer.person } });
    const res = await approve(t, chain.employer, own);
    expect([res.statusCode, res.json().message]).toEqual([403, '不能审核本人提交的申请，请由本单位其他管理员审核']);
    const colleague = await createAdmin(t, chain.employer.org, { permissions: ['claims.review'] });
    expect((await approve(t, colleague, own)).statusCode).toBe(200);
  });

  it('needs a reason to reject (400) and at most 500 characters', async () => {
    const r = await submitTest(t, chain);
    const empty = await reject(t, chain.employer, { id: r.id, version: 1, reason: '  ' });
    expect([empty.statusCode, empty.json().message]).toEqual([400, '请填写驳回原因']);
    const long = await reject(t, chain.employer, { id: r.id, version: 1, reason: '长'.repeat(501) });
    expect(long.statusCode).toBe(400);
    const batch = await t.app.inject({
      method: 'POST',
      url: '/api/reviews/batch',
      headers: { cookie: chain.employer.cookie },
      payload: { items: [{ id: r.id, version: 1 }], decision: 'reject' },
    });
    expect([batch.statusCode, batch.json().message]).toEqual([400, '请填写驳回原因']);
    expect((await requestRow(t, r.id)).status).toBe('pending');
  });

  it('answers a stale version with a clear conflict (409)', async () => {
    const r = await submitTest(t, chain);
    await approve(t, chain.employer, r);
    const stale = await approve(t, chain.authority, { id: r.id, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', message: '该申请已被他人处理，请刷新后重试' });
  });

  it('refuses a professional the reviewer queue and decisions', async () => {
    const r = await submitTest(t, chain);
    expect((await t.app.inject({ url: '/api/reviews', headers: { cookie: chain.applicant.cookie } })).statusCode).toBe(403);
    expect((await approve(t, { ...chain.employer, cookie: chain.applicant.cookie }, r)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/reviews' })).statusCode).toBe(401);
  });
});

describe('the audit trail of refusals and views (issue 7 item 9; SECURITY L1)', () => {
  it('records a refused decision (another branch, not its step, a stale version) with its reason, and changes nothing else', async () => {
    const r = await submitTest(t, chain);
    const stranger = await createAdmin(t, await createOrg(t, { kind: 'employer', regionCode: '410103' }));
    expect((await approve(t, stranger, r)).statusCode).toBe(404);
    expect((await approve(t, chain.authority, r)).statusCode).toBe(403);
    expect((await approve(t, chain.employer, { id: r.id, version: r.version + 5 })).statusCode).toBe(409);
    const refusals = (await auditEvents(r.id)).filter((a) => a.event === 'REVIEW_APPROVE');
    expect(refusals.map((a) => [a.actorOrgId, a.reason])).toEqual([
      [stranger.org.id, 'NOT_FOUND'],
      [chain.authority.org.id, 'FORBIDDEN'],
      [chain.employer.org.id, 'CONFLICT'],
    ]);
    const outcomes = await t.db.selectFrom('auditLog').select('outcome').where('targetId', '=', r.id).where('event', '=', 'REVIEW_APPROVE').execute();
    expect(outcomes.every((o) => o.outcome === 'failure')).toBe(true);
    expect((await requestRow(t, r.id)).version).toBe(r.version);
  });

  it("records every view of a request's details, and every refused one", async () => {
    const r = await submitTest(t, chain);
    const stranger = await createAdmin(t, await createOrg(t, { kind: 'employer', regionCode: '410103' }));
    const view = (cookie: string) => t.app.inject({ method: 'GET', url: `/api/reviews/${r.id}`, headers: { cookie } });
    expect((await view(chain.employer.cookie)).statusCode).toBe(200);
    expect((await view(stranger.cookie)).statusCode).toBe(404);
    const views = await t.db
      .selectFrom('auditLog')
      .select(['outcome', 'actorOrgId', 'reason'])
      .where('targetId', '=', r.id)
      .where('event', '=', 'REVIEW_DETAIL_VIEW')
      .orderBy('id')
      .execute();
    expect(views).toEqual([
      { outcome: 'success', actorOrgId: chain.employer.org.id, reason: null },
      { outcome: 'failure', actorOrgId: stranger.org.id, reason: 'NOT_FOUND' },
    ]);
  });
});
