import { permissionsOf, type LoginRole } from '@cep/contracts';
import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';

/** Where the demo's own calls come from, in the audit log. */
export const DEMO_ORIGIN = { requestId: null, ip: 'demo' };

/** The acting super admin of an org, as a signed-in one would be: the demo approves and publishes through the services. */
export const superAdminActor = async (ctx: AppContext, orgId: string): Promise<Actor> => {
  const row = await ctx.db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .select(['a.id as accountId', 'p.id as personId', 'p.name as personName', 'p.idNumber', 'o.id as orgId', 'o.kind', 'o.name as orgName', 'o.path'])
    .where('a.orgId', '=', orgId)
    .where('a.isSuperAdmin', '=', true)
    .where('a.status', '=', 'active')
    .executeTakeFirstOrThrow();
  const role = row.kind as LoginRole;
  return {
    sessionId: '',
    personId: row.personId,
    personName: row.personName,
    personIdNumber: row.idNumber,
    accountId: row.accountId,
    accountKind: 'admin',
    role,
    orgId: row.orgId,
    orgKind: row.kind,
    orgName: row.orgName,
    orgPath: row.path,
    isSuperAdmin: true,
    permissions: new Set(permissionsOf(role)),
    mustChangePassword: false,
    mfaStep: null,
  };
};

/** A professional as signed in, by ID number: the demo files its claims through the same service as the page. */
export const professionalActor = async (ctx: AppContext, idNumber: string): Promise<Actor> => {
  const row = await ctx.db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .select(['a.id as accountId', 'p.id as personId', 'p.name as personName', 'p.idNumber', 'o.id as orgId', 'o.kind', 'o.name as orgName', 'o.path'])
    .where('p.idNumber', '=', idNumber)
    .where('a.kind', '=', 'professional')
    .where('a.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return {
    sessionId: '',
    personId: row.personId,
    personName: row.personName,
    personIdNumber: row.idNumber,
    accountId: row.accountId,
    accountKind: 'professional',
    role: 'professional',
    orgId: row.orgId,
    orgKind: row.kind,
    orgName: row.orgName,
    orgPath: row.path,
    isSuperAdmin: false,
    permissions: new Set(permissionsOf('professional')),
    mustChangePassword: false,
    mfaStep: null,
  };
};
