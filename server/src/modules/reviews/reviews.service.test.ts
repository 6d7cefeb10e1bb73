import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext, type TestContext } from '../../test/test-context';
import { submitRequest } from './reviews.service';
import { transitionRequests } from './reviews.repository';
import { AppError } from '../../platform/errors/app-error';
import { registerRequestKind, requireRequestKind } from './reviews.registry';
import { approve, createChain, registerTestKinds, requestRow, stepStatuses, submitTest, THREE_STEP, type Chain } from './reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext();
  await registerTestKinds(t);
  chain = await createChain(t, '410104');
});
afterAll(async () => t.close());

const countRequests = async () =>
  (
    await t.db
      .selectFrom('request')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('applicantPersonId', '=', chain.applicant.person.id)
      .executeTakeFirstOrThrow()
  ).n;

const payload = (overrides: Record<string, unknown> = {}) => ({
  reviewerOrgIds: [chain.employer.org.id],
  subjectOrgId: chain.employer.org.id,
  creditYear: 2026,
  title: '学时申报',
  ...overrides,
});
const applicant = () => ({ personId: chain.applicant.person.id, accountId: chain.applicant.accountId });

describe('submitting a request', () => {
  it('refuses a kind nobody registered with a clear error, and stores nothing', async () => {
    const before = await countRequests();
    const attempt = submitRequest({ ctx: t.ctx, kind: 'test.neverRegistered', applicant: applicant(), payload: payload() });
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_STATE', message: '系统不支持该类申请（test.neverRegistered），请联系平台运维' });
    expect(await countRequests()).toBe(before);
  });

  it('lets an org named twice in a row review once, and refuses a route that comes back to an org', async () => {
    const { employer, authority } = chain;
    const once = await submitRequest({
      ctx: t.ctx,
      kind: THREE_STEP,
      applicant: applicant(),
      payload: payload({ reviewerOrgIds: [employer.org.id, employer.org.id, authority.org.id] }),
    });
    expect(once.stepCount).toBe(2);
    expect(await stepStatuses(t, once.id)).toBe('pending,waiting');
    const before = await countRequests();
    const back = submitRequest({
      ctx: t.ctx,
      kind: THREE_STEP,
      applicant: applicant(),
      payload: payload({ reviewerOrgIds: [employer.org.id, authority.org.id, employer.org.id] }),
    });
    await expect(back).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('同一单位在审核流程中出现两次') });
    expect(await countRequests()).toBe(before);
  });

  it('hands every hook the payload parsed by the kind’s own schema, not the stored JSON', async () => {
    const seen: unknown[] = [];
    const base = requireRequestKind(THREE_STEP);
    registerRequestKind({
      ...base,
      kind: 'test.parsed',
      // The stored payload holds `at` as text; only a parse gives the hook a Date.
      payloadSchema: z.looseObject({ at: z.string().transform((v) => new Date(v)) }),
      effect: async ({ request }) => void seen.push(request.payload.at),
    });
    const r = await submitRequest({ ctx: t.ctx, kind: 'test.parsed', applicant: applicant(), payload: payload({ at: '2026-03-01T00:00:00.000Z' }) });
    expect((await approve(t, chain.employer, r)).statusCode).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Date);
  });

  it('refuses a payload its kind’s schema rejects, with the schema’s Chinese message, and stores nothing', async () => {
    const before = await countRequests();
    await expect(submitRequest({ ctx: t.ctx, kind: THREE_STEP, applicant: applicant(), payload: payload({ title: '' }) })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '请填写标题',
    });
    await expect(
      submitRequest({
        ctx: t.ctx,
        kind: THREE_STEP,
        applicant: applicant(),
        payload: payload({ reviewerOrgIds: ['00000000-0000-4000-8000-000000000000'] }),
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '审核单位不存在',
    });
    expect(await countRequests()).toBe(before);
  });

  it('commits the request with the caller’s transaction, or not at all', async () => {
    const before = await countRequests();
    await expect(
      t.db.transaction().execute(async (tx) => {
        await submitRequest({ ctx: t.ctx, tx, kind: THREE_STEP, applicant: applicant(), payload: payload() });
        throw new Error('the domain’s own insert failed');
      }),
    ).rejects.toThrow();
    expect(await countRequests()).toBe(before);
  });

  it('replays a submission with the same idempotency key, once even under 10 concurrent duplicates', async () => {
    const key = 'a3b9c6de-1f2a-4b3c-8d4e-5f6a7b8c9d0e';
    const submit = (p = payload()) => submitRequest({ ctx: t.ctx, kind: THREE_STEP, applicant: applicant(), payload: p, idempotencyKey: key });
    const results = await Promise.all(Array.from({ length: 10 }, () => submit()));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await t.db.selectFrom('request').select('id').where('idempotencyKey', '=', key).execute()).length).toBe(1);
    expect((await t.db.selectFrom('requestStep').select('stepNo').where('requestId', '=', results[0]!.id).execute()).length).toBe(1);
    await expect(submit(payload({ title: '另一份申报' }))).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('one transaction per decision', () => {
  it('undoes the decision, its steps and its audit row when the kind’s effect fails', async () => {
    registerRequestKind({
      ...requireRequestKind(THREE_STEP),
      kind: 'test.failingEffect',
      effect: async () => {
        throw new AppError('INVALID_STATE', '学时记录写入失败');
      },
    });
    const r = await submitTest(t, chain, { kind: 'test.failingEffect', reviewers: [chain.employer] });
    const res = await approve(t, chain.employer, r);
    expect([res.statusCode, res.json().message]).toEqual([409, '学时记录写入失败']);
    const row = await requestRow(t, r.id);
    expect([row.status, row.version, await stepStatuses(t, r.id)]).toEqual(['pending', 1, 'pending']);
    const audit = await t.db.selectFrom('auditLog').select(['event', 'outcome', 'reason']).where('targetId', '=', r.id).orderBy('id').execute();
    expect(audit).toEqual([
      { event: 'REQUEST_SUBMITTED', outcome: 'success', reason: null },
      { event: 'REVIEW_APPROVE', outcome: 'failure', reason: 'INVALID_STATE' },
    ]);
  });
});

describe('the conditional UPDATE (SECURITY W1)', () => {
  it('lets only the first of two transitions from one version through', async () => {
    const r = await submitTest(t, chain);
    const values = {
      id: r.id,
      version: 1,
      fromStatus: 'pending' as const,
      status: 'inReview' as const,
      currentStep: 2,
      currentReviewerOrgId: chain.authority.org.id,
      currentPermission: 'claims.review',
      updatedAt: new Date(),
      decidedAt: null,
    };
    const [a, b] = await Promise.all([transitionRequests(t.db, [values]), transitionRequests(t.db, [values])]);
    expect([...a, ...b]).toHaveLength(1);
    expect((await requestRow(t, r.id)).version).toBe(2);
  });

  it('moves nothing whose status is not the one the transition starts from', async () => {
    const r = await submitTest(t, chain);
    const values = {
      id: r.id,
      version: 1,
      fromStatus: 'approved' as const,
      status: 'rejected' as const,
      currentStep: 1,
      currentReviewerOrgId: null,
      currentPermission: null,
      updatedAt: new Date(),
      decidedAt: new Date(),
    };
    expect(await transitionRequests(t.db, [values])).toEqual([]);
    expect((await requestRow(t, r.id)).status).toBe('pending');
  });
});
