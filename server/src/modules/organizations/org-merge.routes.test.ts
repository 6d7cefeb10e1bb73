import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { rowCounts } from '../../test/row-counts';
import { createOrg, createProfessional } from '../../test/factories';
import { creditHours } from '../claims';
import { submitRequest } from '../reviews';
import {
  approve,
  createAdmin,
  createChain,
  registerTestKinds,
  requestRow,
  THREE_STEP,
  type Admin,
  type Chain,
} from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
beforeAll(async () => {
  t = await createTestContext();
  await registerTestKinds(t);
  chain = await createChain(t, '410105');
});
afterAll(async () => t.close());

const merge = (admin: Admin, survivorId: string) =>
  t.app.inject({ method: 'POST', url: '/api/org/merge', headers: { cookie: admin.cookie }, payload: { survivorId, explanation: '机构改革合并' } });
const orgOf = (id: string) => t.db.selectFrom('org').select(['path', 'superiorId', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
const accountOrg = async (id: string) => (await t.db.selectFrom('account').select('orgId').where('id', '=', id).executeTakeFirstOrThrow()).orgId;

/** An employer with a 二级单位, a professional at each (with hours), a decided request under it; and the survivor. */
const scene = async () => {
  const merged = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id, name: '并入医院' }));
  const unit = await createOrg(t, { kind: 'employer', superiorId: merged.org.id, name: '并入医院分院' });
  const survivor = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id, name: '保留医院' }));
  const atTop = await createProfessional(t, { orgId: merged.org.id });
  const atUnit = await createProfessional(t, { orgId: unit.id });
  await creditHours(
    t.db,
    [
      {
        personId: atTop.person.id,
        creditYear: 2025,
        category: 'public',
        hours: 30,
        fullYear: false,
        source: 'claim',
        requestId: null,
        formCode: null,
        title: '公需课',
      },
    ],
    t.ctx.clock.now(),
  );
  const decided = await submitRequest({
    ctx: t.ctx,
    kind: THREE_STEP,
    applicant: { personId: atTop.person.id, accountId: atTop.account.id },
    payload: { reviewerOrgIds: [merged.org.id], subjectOrgId: merged.org.id, creditYear: 2025, title: '并入前的申报' },
  });
  await t.db
    .updateTable('request')
    .set({ status: 'approved', currentReviewerOrgId: null, currentPermission: null })
    .where('id', '=', decided.id)
    .execute();
  return { merged, unit, survivor, atTop, atUnit, decided };
};

describe('单位合并 (审核单位合并): the bureau approves; people, sub-units and records move to the survivor in one transaction (issue 12, item 6)', () => {
  it('moves exactly the merged org’s people, sub-units and requests, closes it, and touches nothing else', async () => {
    const s = await scene();
    const oldPath = (await orgOf(s.merged.org.id)).path;
    const survivorPath = (await orgOf(s.survivor.org.id)).path;
    const before = await rowCounts(t);
    const others = await t.db
      .selectFrom('org')
      .selectAll()
      .where('path', 'not like', `${oldPath}%`)
      .where('path', 'not like', `${survivorPath}%`)
      .orderBy('id')
      .execute();
    const res = await merge(s.merged, s.survivor.org.id);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await requestRow(t, id)).currentReviewerOrgId).toBe(chain.bureau.org.id);
    expect((await approve(t, chain.bureau, { id, version: 1 })).statusCode).toBe(200);

    expect(await accountOrg(s.atTop.account.id)).toBe(s.survivor.org.id);
    expect(await accountOrg(s.atUnit.account.id)).toBe(s.unit.id);
    expect(await orgOf(s.unit.id)).toEqual({ path: `${survivorPath}${s.unit.id}/`, superiorId: s.survivor.org.id, status: 'active' });
    expect((await orgOf(s.merged.org.id)).status).toBe('closed');
    expect((await requestRow(t, s.decided.id)).scopePath).toBe(survivorPath);
    expect(await rowCounts(t)).toEqual({ ...before, request: before.request + 1, request_step: before.request_step + 1 });
    expect(
      await t.db
        .selectFrom('org')
        .selectAll()
        .where('path', 'not like', `${oldPath}%`)
        .where('path', 'not like', `${survivorPath}%`)
        .orderBy('id')
        .execute(),
    ).toEqual(others);
    // The survivor's people list holds both now.
    const listed = (await t.app.inject({ url: '/api/people', headers: { cookie: s.survivor.cookie } }))
      .json()
      .items.map((i: { personId: string }) => i.personId);
    expect(listed).toEqual(expect.arrayContaining([s.atTop.person.id, s.atUnit.person.id]));
  });

  it('refuses another kind, its own sub-unit, itself, a non-super admin, and while anything waits under it', async () => {
    const s = await scene();
    for (const [survivorId, message] of [
      [chain.authority.org.id, '合并后保留的单位不存在、已停用或类型不同，请重新选择'],
      [s.unit.id, '不能合并到本单位的下级单位'],
      [s.merged.org.id, '不能与本单位合并'],
    ] as const) {
      const res = await merge(s.merged, survivorId);
      expect([res.statusCode, res.json().message]).toEqual([400, message]);
    }
    const clerk = await createAdmin(t, s.merged.org, { permissions: ['org.profile'] });
    expect((await merge(clerk, s.survivor.org.id)).statusCode).toBe(403);
    await submitRequest({
      ctx: t.ctx,
      kind: THREE_STEP,
      applicant: { personId: s.atUnit.person.id, accountId: s.atUnit.account.id },
      payload: { reviewerOrgIds: [s.unit.id], subjectOrgId: s.unit.id, creditYear: 2026, title: '分院待审' },
    });
    const waiting = await merge(s.merged, s.survivor.org.id);
    expect([waiting.statusCode, waiting.json().details.pending.length]).toEqual([409, 1]);
  });
});
