import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../test/test-context';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('platform', () => {
  it('serves the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toBe('3.1.0');
  });

  it('answers unknown API paths with the error shape and a Chinese message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '接口不存在' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a write from a foreign origin', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/nope', headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('provisions a bureau for every region with a materialized path', async () => {
    const regions = await t.db.selectFrom('region').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const bureaus = await t.db.selectFrom('org').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'hrBureau').executeTakeFirstOrThrow();
    expect(bureaus.n).toBe(regions.n);
    const county = await t.db.selectFrom('org').selectAll().where('regionCode', '=', '410102').executeTakeFirstOrThrow();
    const city = await t.db.selectFrom('org').selectAll().where('regionCode', '=', '410100').executeTakeFirstOrThrow();
    expect(county.name).toBe('中原区人力资源和社会保障局');
    expect(county.path.startsWith(city.path)).toBe(true);
    expect(county.superiorId).toBe(city.id);
  });

  it('keeps the audit log append-only', async () => {
    await t.db.insertInto('auditLog').values({ at: new Date(), event: 'TEST', outcome: 'success' }).execute();
    await expect(sql`update audit_log set event = 'X'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });
});
