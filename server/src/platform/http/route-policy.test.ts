import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg, findBureau } from '../../test/factories';
import { snapshotTables } from '../../test/db-snapshot';
import { listApiRoutes, requestBodyOf, sampleQuery, urlOf, type ApiRoute } from '../../test/openapi-routes';
import { createBranchRecords } from '../../test/api-records';
import { signInAdmin } from '../../modules/admins/admins.test-support';

/**
 * The route table, checked from the OpenAPI document (issue 7 item 9; SECURITY C1): every route is either
 * listed here as public or refuses an anonymous caller, and every route that addresses a record by id
 * refuses an admin of a sibling branch with 403/404 and changes nothing. A new route fails this test until
 * it is listed as public or given a record of branch A below.
 */
const PUBLIC_ROUTES = [
  'POST /api/auth/captcha',
  'POST /api/auth/captcha/verify',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password/forgot/send-code',
  'POST /api/auth/password/forgot/reset',
  'POST /api/registrations/authority',
  'POST /api/registrations/employer',
  'POST /api/registrations/provider',
  'POST /api/registrations/professional',
  'GET /api/registrations/employers',
  'GET /api/registrations/superiors',
  'POST /api/registrations/lookup',
  'POST /api/registrations/lookup/withdraw',
  'GET /api/profile/options',
  'POST /api/helpdesk/ask',
  'GET /api/helpdesk/suggest',
  'POST /api/helpdesk/feedback',
  'GET /api/helpdesk/topics',
  'GET /api/helpdesk/entries/{id}',
  'POST /api/helpdesk/tickets',
  'POST /api/helpdesk/tickets/lookup',
  'GET /api/notices',
  'GET /api/notices/{id}',
  'GET /api/notices/{id}/attachments/{attId}',
  'GET /api/certificates/verify',
  // A learning platform's batch: no session, its own API key (401 without one; hours-sync.routes.test.ts).
  'POST /api/hours-sync/batches',
].sort();

let t: TestContext;
let routes: ApiRoute[];
beforeAll(async () => {
  t = await createTestContext();
  routes = listApiRoutes(t.app);
});
afterAll(async () => t?.close());

const send = (route: ApiRoute, params: Record<string, string>, cookie?: string) =>
  t.app.inject({ method: route.method, url: urlOf(route, params, sampleQuery(route)), ...requestBodyOf(route, cookie) });

describe('every route has a policy (SECURITY C1)', () => {
  it('lists the API from the contracts', () => {
    expect(routes.length).toBeGreaterThan(60);
  });

  it('refuses an anonymous caller everywhere but on the listed public routes', async () => {
    const open: string[] = [];
    for (const route of routes) {
      const res = await send(route, {});
      expect(res.statusCode, `${route.key}: ${res.body}`).toBeLessThan(500);
      if (res.json().code !== 'UNAUTHENTICATED') open.push(route.key);
    }
    expect(open.sort()).toEqual(PUBLIC_ROUTES);
  });
});

/** Province-wide records that every bureau reads by design (the help-desk knowledge base); writing stays the province's. */
const SHARED_READS = ['GET /api/helpdesk/kb/{id}'];

describe('every id route refuses a sibling branch (SECURITY C1, C2)', () => {
  it('answers an admin of the next county, and of an employer there, 403 or 404, and changes nothing', async () => {
    const { records: fixtures } = await createBranchRecords(t, '410102');
    const idRoutes = routes.filter((r) => r.pathParams.length > 0 && !PUBLIC_ROUTES.includes(r.key));
    expect(idRoutes.map((r) => r.key).sort()).toEqual(Object.keys(fixtures).sort());
    const attackers = [
      await signInAdmin(t, await findBureau(t, '410103')),
      await signInAdmin(t, await createOrg(t, { kind: 'employer', regionCode: '410103' })),
    ];
    for (const attacker of attackers) {
      for (const route of idRoutes) {
        const before = await snapshotTables(t);
        const res = await send(route, fixtures[route.key]!, attacker.cookie);
        const allowed = SHARED_READS.includes(route.key) && attacker.org.kind === 'hrBureau' ? [200] : [403, 404];
        expect(allowed, `${route.key} by ${attacker.org.kind}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        expect(await snapshotTables(t), route.key).toEqual(before);
      }
    }
  });
});
