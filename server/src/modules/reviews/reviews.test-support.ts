import { z } from 'zod';
import { sql } from 'kysely';
import type { TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, loginAs, type TestOrg, type TestPerson } from '../../test/factories';
import { registerRequestKind, type HookArgs, type RequestKindDefinition } from './reviews.registry';
import { submitRequest } from './reviews.service';
import { AppError } from '../../platform/errors/app-error';

/** A generic payload for the engine's own test kinds: the reviewer chain is given, not computed. */
export const TestPayload = z.object({
  reviewerOrgIds: z.array(z.string()).min(1),
  subjectOrgId: z.string(),
  creditYear: z.number().int().nullable(),
  title: z.string().min(1, { message: '请填写标题' }),
  idNumber: z.string().optional(),
  phone: z.string().optional(),
});
export type TestPayload = z.infer<typeof TestPayload>;

export const THREE_STEP = 'test.threeStep';
export const UNTIL_FINAL = 'test.untilFinal';

/** Titles that make a hook fail after its write: with a refusal, or with a database error (a bug's way). */
export const EFFECT_REFUSED = '生效被拒';
export const EFFECT_BROKEN = '生效出错';

const record =
  (event: string) =>
  async ({ tx, request }: HookArgs<TestPayload>) => {
    await sql`insert into review_test_effect (request_id, event) values (${request.id}, ${event})`.execute(tx);
    if (request.payload.title.includes(EFFECT_REFUSED)) throw new AppError('INVALID_STATE', '测试：该申请生效时被拒绝');
    if (request.payload.title.includes(EFFECT_BROKEN))
      await sql`insert into review_test_effect (request_id, event) values (${request.id}, null)`.execute(tx);
  };

const definition = (kind: string, withdrawableUntil: 'firstApproval' | 'final'): RequestKindDefinition<TestPayload> => ({
  kind,
  label: kind === THREE_STEP ? '测试三级审核' : '测试可撤回申请',
  permission: 'claims.review',
  payloadSchema: TestPayload,
  route: async ({ payload }: { payload: TestPayload }) => payload.reviewerOrgIds,
  summarize: async ({ payload }: { payload: TestPayload }) => ({
    title: payload.title,
    subjectOrgId: payload.subjectOrgId,
    creditYear: payload.creditYear,
  }),
  effect: record('effect'),
  onRejected: record('rejected'),
  onWithdrawn: record('withdrawn'),
  withdrawableUntil,
  present: (p: TestPayload) => [
    { label: '标题', value: p.title },
    { label: '身份证号', value: p.idNumber ?? null },
    { label: '手机号', value: p.phone ?? null },
  ],
});

/** Registers the test kinds and the table their hooks write to (one row per effect, so doubles show). */
export const registerTestKinds = async (t: TestContext) => {
  registerRequestKind(definition(THREE_STEP, 'firstApproval'));
  registerRequestKind(definition(UNTIL_FINAL, 'final'));
  await t.asOwner((owner) =>
    sql`create table if not exists review_test_effect (request_id uuid not null, event text not null)`.execute(owner).then(() => {}),
  );
};

export const hookRows = async (t: TestContext, requestId: string) =>
  (await sql<{ event: string }>`select event from review_test_effect where request_id = ${requestId}`.execute(t.db)).rows.map((r) => r.event);

export type Admin = { person: TestPerson; org: TestOrg; cookie: string };

export const createAdmin = async (t: TestContext, org: TestOrg, options: { permissions?: string[] } = {}): Promise<Admin> => {
  const person = await createPerson(t);
  let roleId: string | null = null;
  if (options.permissions) {
    const role = await t.db
      .insertInto('role')
      .values({ orgId: org.id, name: `角色${person.id.slice(0, 8)}`, permissions: options.permissions })
      .returning('id')
      .executeTakeFirstOrThrow();
    roleId = role.id;
  }
  await createAccount(t, { personId: person.id, kind: 'admin', orgId: org.id, isSuperAdmin: !options.permissions, roleId });
  const cookie = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: org.kind === 'platform' ? 'platform' : org.kind });
  return { person, org, cookie };
};

/** employer -> authority -> county bureau, each with a super admin, and a professional of the employer. */
export const createChain = async (t: TestContext, regionCode = '410102') => {
  const bureauOrg = await t.db
    .selectFrom('org')
    .selectAll()
    .where('kind', '=', 'hrBureau')
    .where('regionCode', '=', regionCode)
    .executeTakeFirstOrThrow();
  const authorityOrg = await createOrg(t, { kind: 'authority', superiorId: bureauOrg.id, name: `测试主管部门${regionCode}` });
  const employerOrg = await createOrg(t, { kind: 'employer', superiorId: authorityOrg.id, name: `测试用人单位${regionCode}` });
  const [employer, authority, bureau] = [await createAdmin(t, employerOrg), await createAdmin(t, authorityOrg), await createAdmin(t, bureauOrg)];
  const applicantPerson = await createPerson(t, { name: '张三' });
  const account = await createAccount(t, { personId: applicantPerson.id, kind: 'professional', orgId: employerOrg.id });
  const cookie = await loginAs(t, { idNumber: applicantPerson.idNumber, password: applicantPerson.password, role: 'professional' });
  return { employer, authority, bureau, applicant: { person: applicantPerson, accountId: account.id, cookie } };
};
export type Chain = Awaited<ReturnType<typeof createChain>>;

export const submitTest = async (
  t: TestContext,
  chain: Chain,
  options: { kind?: string; title?: string; creditYear?: number | null; reviewers?: Admin[]; idNumber?: string; phone?: string } = {},
) => {
  const reviewers = options.reviewers ?? [chain.employer, chain.authority, chain.bureau];
  return submitRequest({
    ctx: t.ctx,
    kind: options.kind ?? THREE_STEP,
    applicant: { personId: chain.applicant.person.id, accountId: chain.applicant.accountId },
    payload: {
      reviewerOrgIds: reviewers.map((r) => r.org.id),
      subjectOrgId: chain.employer.org.id,
      creditYear: options.creditYear === undefined ? 2026 : options.creditYear,
      title: options.title ?? '继续教育学时申报',
      idNumber: options.idNumber,
      phone: options.phone,
    },
  });
};

type Decide = { id: string; version: number; reason?: string };
export const approve = (t: TestContext, admin: Admin, r: Decide) =>
  t.app.inject({ method: 'POST', url: `/api/reviews/${r.id}/approve`, headers: { cookie: admin.cookie }, payload: { version: r.version } });
export const reject = (t: TestContext, admin: Admin, r: Decide) =>
  t.app.inject({
    method: 'POST',
    url: `/api/reviews/${r.id}/reject`,
    headers: { cookie: admin.cookie },
    payload: { version: r.version, reason: r.reason ?? '材料不符合要求' },
  });

export const requestRow = (t: TestContext, id: string) => t.db.selectFrom('request').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
export const stepStatuses = async (t: TestContext, id: string) =>
  (await t.db.selectFrom('requestStep').select('status').where('requestId', '=', id).orderBy('stepNo').execute()).map((s) => s.status).join(',');

/** Every to-do counter against an exact count of the open requests it stands for (zero counters left out). */
export const countersAndExactCounts = async (t: TestContext) => {
  const key = (r: { reviewerOrgId: string | null; permission: string | null; kind: string; creditYear: number | null; n: number }) =>
    `${r.reviewerOrgId}|${r.permission}|${r.kind}|${r.creditYear ?? 0}=${r.n}`;
  const counters = await t.db
    .selectFrom('reviewQueueCount')
    .select(['reviewerOrgId', 'permission', 'kind', 'creditYear', 'openCount as n'])
    .where('openCount', '!=', 0)
    .execute();
  const exact = await t.db
    .selectFrom('request')
    .select(['currentReviewerOrgId as reviewerOrgId', 'currentPermission as permission', 'kind', 'creditYear'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['pending', 'inReview'])
    .groupBy(['currentReviewerOrgId', 'currentPermission', 'kind', 'creditYear'])
    .execute();
  return { counters: counters.map(key).sort(), exact: exact.map(key).sort() };
};
