import { expect } from 'vitest';
import type { TestContext } from './test-context';
import { createAccount, createOrg, createPerson, findBureau, loginAs, newIdNumber } from './factories';
import { multipartFile } from './uploads';
import { importWorkbook } from '../modules/people/people-import.test-support';
import { pngUpload } from './openapi-routes';
import { as, signInAdmin, type TestAdmin } from '../modules/admins/admins.test-support';
import { orgInput, professionalInput, register } from '../modules/registration/registration.test-support';

/** For each route that addresses a record by id ("METHOD /path/{param}"), the ids of one real record. */
export type RouteRecords = Record<string, Record<string, string>>;

const uploadAttachment = async (t: TestContext, cookie: string, noticeId: string) => {
  const headers = { cookie, 'content-type': pngUpload.contentType };
  const res = await t.app.inject({ method: 'POST', url: `/api/notices/manage/${noticeId}/attachments`, payload: pngUpload.payload, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().attachments[0].id as string;
};

const uploadEvidence = async (t: TestContext, cookie: string) => {
  const headers = { cookie, 'content-type': pngUpload.contentType };
  const res = await t.app.inject({ method: 'POST', url: '/api/requests/attachments', payload: pngUpload.payload, headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};

/** A professional's claim with its 学习证明材料 (the test clock stands in March 2026): the file's id. */
const fileClaimWithEvidence = async (t: TestContext, cookie: string) => {
  const { id } = await uploadEvidence(t, cookie);
  const payload = {
    formCode: 'academicConference',
    creditYear: 2026,
    title: '分支学术会议',
    startDate: '2026-02-10',
    endDate: '2026-02-12',
    fields: { meetingLevel: 'national', organizer: '学会', days: 3, presentedPaper: 'no' },
    attachmentIds: [id],
  };
  const res = await t.app.inject({ method: 'POST', url: '/api/claims', headers: { cookie }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return id;
};

/**
 * A branch of the org tree with a record for every id route: a county bureau (its super admin signed in),
 * an employer with a professional, a registration waiting at the county, the professional's own request,
 * the professional's claim with its evidence and an unfiled upload, a role, a second admin, a division, an
 * invitation, a notice with an attachment, an inbox message, and the
 * province's knowledge-base entry, a ticket and a learning platform's sync source, which only the province and platform operations may touch.
 */
export const createBranchRecords = async (t: TestContext, countyCode: string): Promise<{ records: RouteRecords; countyAdmin: TestAdmin }> => {
  const county = await findBureau(t, countyCode);
  const countyAdmin = await signInAdmin(t, county);
  const api = as(t, countyAdmin.cookie);
  const employer = await createOrg(t, { kind: 'employer', regionCode: countyCode });
  const pro = await createPerson(t);
  await createAccount(t, { personId: pro.id, kind: 'professional', orgId: employer.id });
  const proCookie = await loginAs(t, { idNumber: pro.idNumber, password: pro.password, role: 'professional' });

  const registration = await register(t, 'employer', orgInput({ regionCode: countyCode }));
  expect(registration.statusCode, registration.body).toBe(201);
  const requestId = registration.json().requestId as string;
  const ownRequestId = (await register(t, 'professional', professionalInput(employer.id))).json().requestId as string;
  const role = (await api('POST', '/api/org/roles', { name: `角色${countyCode}`, permissions: ['org.divisions'] })).json();
  const clerk = await signInAdmin(t, county, { permissions: ['org.divisions'] });
  const division = (await api('POST', '/api/org/divisions', { name: `科室${countyCode}` })).json();
  const invitation = (await api('POST', '/api/org/admin-invitations', { idNumber: pro.idNumber, roleId: role.id })).json();
  const notice = (await api('POST', '/api/notices/manage', { title: `通知${countyCode}`, body: '正文' })).json();
  const attachment = await uploadAttachment(t, countyAdmin.cookie, notice.id);
  const evidence = await fileClaimWithEvidence(t, proCookie);
  const looseUpload = (await uploadEvidence(t, proCookie)).id;
  const inbox = await t.db.selectFrom('outbox').select('id').where('personId', '=', pro.id).where('channel', '=', 'inbox').executeTakeFirstOrThrow();
  const province = await signInAdmin(t, await findBureau(t, '410000'));
  const kb = await as(t, province.cookie)('POST', '/api/helpdesk/kb', {
    title: `问答${countyCode}`,
    answer: '答复',
    variants: ['问法'],
    topic: 'other',
  });
  expect(kb.statusCode, kb.body).toBe(200);
  const kbId = kb.json().entry.id as string;
  const syncSource = await as(t, province.cookie)('POST', '/api/hours-sync/sources', {
    name: `对接平台${countyCode}`,
    categories: ['public'],
    fromYear: 2025,
    toYear: 2026,
  });
  expect(syncSource.statusCode, syncSource.body).toBe(200);
  const syncSourceId = syncSource.json().source.id as string;
  const ticket = await t.app.inject({
    method: 'POST',
    url: '/api/helpdesk/tickets',
    payload: { question: `问题${countyCode}`, contactName: '甲', contactPhone: '13800002222' },
  });
  expect(ticket.statusCode, ticket.body).toBe(200);
  const ticketId = (await t.db.selectFrom('helpdeskTicket').select('id').where('ticketNo', '=', ticket.json().ticketNo).executeTakeFirstOrThrow()).id;
  const people = await importWorkbook([
    { name: '导入甲', idNumber: newIdNumber(countyCode), major: '临床医学', titleSeries: '无', titleLevel: '无' },
  ]);
  const importBody = multipartFile('人员.xlsx', people);
  const peopleImport = await t.app.inject({
    method: 'POST',
    url: `/api/people-imports?employerId=${employer.id}`,
    headers: { cookie: countyAdmin.cookie, 'content-type': importBody.contentType },
    payload: importBody.payload,
  });
  expect(peopleImport.statusCode, peopleImport.body).toBe(201);
  const records: RouteRecords = {
    'GET /api/people-imports/{id}': { id: peopleImport.json().id },
    'GET /api/people-imports/{id}/failures': { id: peopleImport.json().id },
    'GET /api/reviews/{id}': { id: requestId },
    'POST /api/reviews/{id}/approve': { id: requestId },
    'POST /api/reviews/{id}/reject': { id: requestId },
    'POST /api/reviews/{id}/revoke': { id: requestId },
    'GET /api/requests/attachments/{id}': { id: evidence },
    'DELETE /api/requests/attachments/{id}': { id: looseUpload },
    'POST /api/requests/{id}/withdraw': { id: ownRequestId },
    'POST /api/people/{personId}/password-reset': { personId: pro.id },
    'POST /api/people/{personId}/employment': { personId: pro.id },
    'GET /api/people/{personId}': { personId: pro.id },
    'POST /api/people/{personId}/closure': { personId: pro.id },
    'POST /api/people/{personId}/mfa-reset': { personId: clerk.person.id },
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
    'GET /api/hours-sync/sources/{id}/refusals': { id: syncSourceId },
    'GET /api/certificates/people/{personId}/certificate': { personId: pro.id },
    'GET /api/certificates/people/{personId}/hours-statement': { personId: pro.id },
    'GET /api/certificates/people/{personId}/completion': { personId: pro.id },
    'POST /api/hours-sync/sources/{id}/revoke': { id: syncSourceId },
    'POST /api/hours-sync/sources/{id}/rotate': { id: syncSourceId },
    'GET /api/notices/manage/{id}': { id: notice.id },
    'PUT /api/notices/manage/{id}': { id: notice.id },
    'POST /api/notices/manage/{id}/publish': { id: notice.id },
    'POST /api/notices/manage/{id}/withdraw': { id: notice.id },
    'POST /api/notices/manage/{id}/attachments': { id: notice.id },
    'DELETE /api/notices/manage/{id}/attachments/{attId}': { id: notice.id, attId: attachment },
    'GET /api/notices/manage/{id}/attachments/{attId}': { id: notice.id, attId: attachment },
    'POST /api/inbox/{id}/read': { id: String(inbox.id) },
  };
  return { records, countyAdmin };
};
