import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { rowCounts } from '../../test/row-counts';
import { createOrg, createProfessional, findBureau } from '../../test/factories';
import { creditHours } from '../claims';
import { submitRequest } from '../reviews';
import {
  approve,
  createAdmin,
  createChain,
  reject,
  registerTestKinds,
  requestRow,
  THREE_STEP,
  type Admin,
  type Chain,
} from '../reviews/reviews.test-support';

let t: TestContext;
let chain: Chain;
let newAuthority: Admin;
beforeAll(async () => {
  t = await createTestContext();
  await registerTestKinds(t);
  chain = await createChain(t, '410105');
  // The new superior: an authority of another county.
  newAuthority = await createAdmin(
    t,
    await createOrg(t, { kind: 'authority', superiorId: (await findBureau(t, '410106')).id, name: '惠济区卫生健康委员会' }),
  );
});
afterAll(async () => t.close());

const move = (admin: Admin, superiorId: string) =>
  t.app.inject({ method: 'POST', url: '/api/org/superior-change', headers: { cookie: admin.cookie }, payload: { superiorId } });
const orgOf = (id: string) => t.db.selectFrom('org').select(['path', 'superiorId', 'regionCode']).where('id', '=', id).executeTakeFirstOrThrow();
const people = async (admin: Admin) =>
  ((await t.app.inject({ url: '/api/people', headers: { cookie: admin.cookie } })).json().items as { personId: string }[]).map((i) => i.personId);

/** An employer under the chain's authority with a 二级单位, a professional there with hours and a decided request. */
const subtree = async () => {
  const top = await createAdmin(t, await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id, name: '搬家医院' }));
  const branch = await createOrg(t, { kind: 'employer', superiorId: top.org.id, name: '搬家医院分院' });
  const { person } = await createProfessional(t, { orgId: branch.id });
  await creditHours(
    t.db,
    [
      {
        personId: person.id,
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
    applicant: { personId: person.id, accountId: null },
    payload: { reviewerOrgIds: [branch.id], subjectOrgId: branch.id, creditYear: 2025, title: '分院的申请' },
  });
  await t.db
    .updateTable('request')
    .set({ status: 'approved', currentReviewerOrgId: null, currentPermission: null })
    .where('id', '=', decided.id)
    .execute();
  return { top, branch, person, decided };
};

/** Every org and request outside the subtree, as it is: a move must not touch them. */
const outside = async (...paths: string[]) => {
  let orgs = t.db.selectFrom('org').select(['id', 'path', 'superiorId', 'regionCode', 'updatedAt']);
  let requests = t.db.selectFrom('request').select(['id', 'scopePath', 'updatedAt']);
  for (const path of paths) {
    orgs = orgs.where('path', 'not like', `${path}%`);
    requests = requests.where('scopePath', 'not like', `${path}%`);
  }
  return { orgs: await orgs.orderBy('id').execute(), requests: await requests.orderBy('id').execute() };
};

describe('更换上级部门: the old superior and the new one approve; the whole subtree moves in one transaction (issue 12, item 4)', () => {
  it('moves exactly the subtree: paths, region and requests follow; row counts stay; data scope follows at once', async () => {
    const { top, branch, person, decided } = await subtree();
    const oldPath = (await orgOf(top.org.id)).path;
    const [before, untouched] = [await rowCounts(t), await outside(oldPath)];
    expect(await people(chain.authority)).toContain(person.id);

    const res = await move(top, newAuthority.org.id);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect(res.json().message).toContain('双方审核通过后生效');
    // The new superior decides second.
    expect((await approve(t, newAuthority, { id, version: 1 })).statusCode).toBe(403);
    expect((await approve(t, chain.authority, { id, version: 1 })).statusCode).toBe(200);
    expect((await orgOf(top.org.id)).path).toBe(oldPath);
    expect((await approve(t, newAuthority, { id, version: 2 })).statusCode).toBe(200);

    const newPath = `${(await orgOf(newAuthority.org.id)).path}${top.org.id}/`;
    expect(await orgOf(top.org.id)).toEqual({ path: newPath, superiorId: newAuthority.org.id, regionCode: '410106' });
    expect(await orgOf(branch.id)).toEqual({ path: `${newPath}${branch.id}/`, superiorId: top.org.id, regionCode: '410106' });
    expect((await requestRow(t, decided.id)).scopePath).toBe(`${newPath}${branch.id}/`);
    expect((await requestRow(t, id)).scopePath).toBe(newPath);
    const after = await rowCounts(t);
    expect(after).toEqual({ ...before, request: before.request + 1, request_step: before.request_step + 2 });
    const now = await outside(oldPath, newPath);
    expect(now).toEqual(untouched);
    // The new authority's scope holds the person now, the old one's not.
    expect(await people(newAuthority)).toContain(person.id);
    expect(await people(chain.authority)).not.toContain(person.id);
    const audit = await t.db
      .selectFrom('auditLog')
      .select('detail')
      .where('event', '=', 'ORG_SUPERIOR_CHANGED')
      .where('targetId', '=', top.org.id)
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ orgs: 2, requests: 2 });
  });

  it('is refused while anything under the org waits, listing it (with 撤回 only where this admin may), then goes', async () => {
    const { top, branch, person } = await subtree();
    const waiting = await submitRequest({
      ctx: t.ctx,
      kind: THREE_STEP,
      applicant: { personId: person.id, accountId: null },
      payload: { reviewerOrgIds: [branch.id], subjectOrgId: branch.id, creditYear: 2026, title: '分院待审核的申请' },
    });
    const refused = await move(top, newAuthority.org.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('本单位或下级单位还有待审核或审核中的信息，请先处理（审核、驳回或撤回）后再更换上级部门');
    expect(refused.json().details.pending).toEqual([expect.objectContaining({ id: waiting.id, title: '分院待审核的申请', canWithdraw: false })]);
    await t.db
      .updateTable('request')
      .set({ status: 'rejected', currentReviewerOrgId: null, currentPermission: null })
      .where('id', '=', waiting.id)
      .execute();
    const filed = await move(top, newAuthority.org.id);
    expect(filed.statusCode, filed.body).toBe(201);
    // Its own open change is listed to a second attempt, with 撤回 for this admin.
    const again = await move(top, chain.bureau.org.id);
    expect(again.json().details.pending).toEqual([expect.objectContaining({ id: filed.json().id, canWithdraw: true })]);
  });

  it('refuses a superior inside the org’s own subtree, the same one, a kind that cannot be one, and a non-super admin', async () => {
    const { top, branch } = await subtree();
    const provider = await createOrg(t, { kind: 'provider', superiorId: chain.authority.org.id });
    const cases: [string, string][] = [
      [branch.id, '不能选择本单位或本单位的下级单位作为上级部门'],
      [top.org.id, '不能选择本单位或本单位的下级单位作为上级部门'],
      [chain.authority.org.id, '所选上级部门与当前上级部门相同，无需更换'],
      [provider.id, '所选上级部门不存在、已停用或不能作为本单位的上级部门，请重新选择'],
    ];
    for (const [superiorId, message] of cases) {
      const res = await move(top, superiorId);
      expect([res.statusCode, res.json().message]).toEqual([400, message]);
    }
    const clerk = await createAdmin(t, top.org, { permissions: ['org.profile'] });
    expect((await move(clerk, newAuthority.org.id)).statusCode).toBe(403);
  });

  it('moves nothing when the new superior rejects or the org withdraws after the old one approved', async () => {
    for (const outcome of ['reject', 'withdraw'] as const) {
      const { top } = await subtree();
      const path = (await orgOf(top.org.id)).path;
      const id = (await move(top, newAuthority.org.id)).json().id as string;
      expect((await approve(t, chain.authority, { id, version: 1 })).statusCode).toBe(200);
      if (outcome === 'reject') expect((await reject(t, newAuthority, { id, version: 2 })).statusCode).toBe(200);
      else
        expect((await t.app.inject({ method: 'POST', url: `/api/requests/${id}/withdraw`, headers: { cookie: top.cookie } })).statusCode).toBe(200);
      expect((await orgOf(top.org.id)).path, outcome).toBe(path);
    }
  });
});
