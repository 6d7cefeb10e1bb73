import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createAccount, createOrg, createPerson, findBureau, loginAs } from '../../test/factories';
import { snapshotTables } from '../../test/db-snapshot';
import { listApiRoutes, sampleOf, sampleQuery, urlOf, type ApiRoute } from '../../test/openapi-routes';
import { as, signInAdmin } from '../../modules/admins/admins.test-support';
import { orgInput, professionalInput, register } from '../../modules/registration/registration.test-support';

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
].sort();

let t: TestContext;
let routes: ApiRoute[];
beforeAll(async () => {
  t = await createTestContext();
  routes = listApiRoutes(t.app);
});
afterAll(async () => t?.close());

const pngBytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const BOUNDARY = 'cepboundary';
const pngUpload = Buffer.concat([
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
  pngBytes,
  Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
]);
const UPLOAD_ROUTES = ['POST /api/notices/manage/{id}/attachments'];

const send = (route: ApiRoute, params: Record<string, string>, cookie?: string) => {
  const upload = UPLOAD_ROUTES.includes(route.key);
  return t.app.inject({
    method: route.method,
    url: urlOf(route, params, sampleQuery(route)),
    headers: { ...(cookie ? { cookie } : {}), ...(upload ? { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } : {}) },
    ...(upload ? { payload: pngUpload } : route.body ? { payload: sampleOf(route.body) as object } : {}),
  });
};

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

/** Records of branch A (county 410102), by the path parameters of the routes that address them. */
type Fixtures = Record<string, Record<string, string>>;

const uploadAttachment = async (cookie: string, noticeId: string) => {
  const headers = { cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
  const res = await t.app.inject({ method: 'POST', url: `/api/notices/manage/${noticeId}/attachments`, payload: pngUpload, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().attachments[0].id as string;
};

/** Branch A: a county with an employer, its people and requests, and every kind of record an id route names. */
const buildBranchA = async (): Promise<Fixtures> => {
  const county = await findBureau(t, '410102');
  const countyAdmin = await signInAdmin(t, county);
  const api = as(t, countyAdmin.cookie);
  const employer = await createOrg(t, { kind: 'employer', regionCode: '410102' });
  const employerAdmin = await signInAdmin(t, employer);
  const pro = await createPerson(t);
  await createAccount(t, { personId: pro.id, kind: 'professional', orgId: employer.id });
  const proCookie = await loginAs(t, { idNumber: pro.idNumber, password: pro.password, role: 'professional' });

  const registration = await register(t, 'employer', orgInput({ regionCode: '410102' }));
  expect(registration.statusCode, registration.body).toBe(201);
  const ownRequest = await register(t, 'professional', professionalInput(employer.id));
  const role = (await api('POST', '/api/org/roles', { name: '甲方角色', permissions: ['org.divisions'] })).json();
  const clerk = await signInAdmin(t, county, { permissions: ['org.divisions'] });
  const division = (await api('POST', '/api/org/divisions', { name: '甲方科室' })).json();
  const invitation = (await api('POST', '/api/org/admin-invitations', { idNumber: pro.idNumber, roleId: role.id })).json();
  const notice = (await api('POST', '/api/notices/manage', { title: '甲方通知', body: '正文' })).json();
  const attachment = await uploadAttachment(countyAdmin.cookie, notice.id);
  const inbox = await t.db.selectFrom('outbox').select('id').where('personId', '=', pro.id).where('channel', '=', 'inbox').executeTakeFirstOrThrow();
  const province = await signInAdmin(t, await findBureau(t, '410000'));
  const kb = await as(t, province.cookie)('POST', '/api/helpdesk/kb', { title: '甲方问答', answer: '答复', variants: ['问法'], topic: 'other' });
  expect(kb.statusCode, kb.body).toBe(200);
  const kbId = kb.json().entry.id as string;
  const ticket = await t.app.inject({ method: 'POST', url: '/api/helpdesk/tickets', payload: { question: '甲方的问题', contactName: '甲', contactPhone: '13800002222' } });
  const ticketId = (await t.db.selectFrom('helpdeskTicket').select('id').orderBy('createdAt', 'desc').executeTakeFirstOrThrow()).id;
  expect(ticket.statusCode).toBe(200);
  expect(proCookie).toBeTruthy();
  return {
    'GET /api/reviews/{id}': { id: registration.json().requestId },
    'POST /api/reviews/{id}/approve': { id: registration.json().requestId },
    'POST /api/reviews/{id}/reject': { id: registration.json().requestId },
    'POST /api/requests/{id}/withdraw': { id: ownRequest.json().requestId },
    'POST /api/people/{personId}/password-reset': { personId: pro.id },
    'GET /api/subordinates/{orgId}': { orgId: employer.id },
    'POST /api/subordinates/{orgId}/revoke-admins': { orgId: employer.id },
    'POST /api/subordinates/{orgId}/restore-admins': { orgId: employer.id },
    'PATCH /api/org/divisions/{divisionId}': { divisionId: division.id },
    'POST /api/org/divisions/{divisionId}/disable': { divisionId: division.id },
    'POST /api/org/divisions/{divisionId}/enable': { divisionId: division.id },
    'PATCH /api/org/admins/{accountId}': { accountId: clerk.accountId },
    'DELETE /api/org/admins/{accountId}': { accountId: clerk.accountId },
    'POST /api/org/admins/{accountId}/disable': { accountId: clerk.accountId },
    'POST /api/org/admins/{accountId}/enable': { accountId: clerk.accountId },
    'POST /api/org/admins/{accountId}/make-super-admin': { accountId: clerk.accountId },
    'DELETE /api/org/admin-invitations/{invitationId}': { invitationId: invitation.id },
    'POST /api/me/admin-invitations/{invitationId}/accept': { invitationId: invitation.id },
    'POST /api/me/admin-invitations/{invitationId}/decline': { invitationId: invitation.id },
    'PATCH /api/org/roles/{roleId}': { roleId: role.id },
    'DELETE /api/org/roles/{roleId}': { roleId: role.id },
    'GET /api/helpdesk/kb/{id}': { id: kbId },
    'PUT /api/helpdesk/kb/{id}': { id: kbId },
    'POST /api/helpdesk/kb/{id}/retire': { id: kbId },
    'POST /api/helpdesk/kb/{id}/restore': { id: kbId },
    'GET /api/helpdesk/tickets/{id}': { id: ticketId },
    'POST /api/helpdesk/tickets/{id}/reply': { id: ticketId },
    'POST /api/helpdesk/tickets/{id}/close': { id: ticketId },
    'GET /api/notices/manage/{id}': { id: notice.id },
    'PUT /api/notices/manage/{id}': { id: notice.id },
    'POST /api/notices/manage/{id}/publish': { id: notice.id },
    'POST /api/notices/manage/{id}/withdraw': { id: notice.id },
    'POST /api/notices/manage/{id}/attachments': { id: notice.id },
    'DELETE /api/notices/manage/{id}/attachments/{attId}': { id: notice.id, attId: attachment },
    'GET /api/notices/manage/{id}/attachments/{attId}': { id: notice.id, attId: attachment },
    'POST /api/inbox/{id}/read': { id: String(inbox.id) },
  };
};

describe('every id route refuses a sibling branch (SECURITY C1, C2)', () => {
  it('answers an admin of the next county, and of an employer there, 403 or 404, and changes nothing', async () => {
    const fixtures = await buildBranchA();
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
