import { permissionsOf, type LoginRole } from '@cep/contracts';
import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';

/** Where the demo's own calls come from, in the audit log. */
export const DEMO_ORIGIN = { requestId: null, ip: 'demo' };

type Who = { orgId: string } | { idNumber: string };

/** An active account as a signed-in one would act: the org's super admin, or a professional by ID number. */
const actorOf = async (ctx: AppContext, who: Who): Promise<Actor> => {
  let q = ctx.db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .select([
      'a.id as accountId',
      'a.kind as accountKind',
      'p.id as personId',
      'p.name as personName',
      'p.idNumber',
      'o.id as orgId',
      'o.kind',
      'o.name as orgName',
      'o.path',
    ])
    .where('a.status', '=', 'active');
  q =
    'orgId' in who
      ? q.where('a.orgId', '=', who.orgId).where('a.isSuperAdmin', '=', true)
      : q.where('p.idNumber', '=', who.idNumber).where('a.kind', '=', 'professional');
  const row = await q.executeTakeFirstOrThrow();
  const role: LoginRole = row.accountKind === 'professional' ? 'professional' : (row.kind as LoginRole);
  return {
    sessionId: '',
    personId: row.personId,
    personName: row.personName,
    personIdNumber: row.idNumber,
    accountId: row.accountId,
    accountKind: row.accountKind === 'professional' ? 'professional' : 'admin',
    role,
    orgId: row.orgId,
    orgKind: row.kind,
    orgName: row.orgName,
    orgPath: row.path,
    isSuperAdmin: 'orgId' in who,
    permissions: new Set(permissionsOf(role)),
    mustChangePassword: false,
    mfaStep: null,
  };
};

/** The acting super admin of an org, as a signed-in one would be: the demo approves and publishes through the services. */
export const superAdminActor = (ctx: AppContext, orgId: string) => actorOf(ctx, { orgId });

/** A professional as signed in, by ID number: the demo files its claims through the same service as the page. */
export const professionalActor = (ctx: AppContext, idNumber: string) => actorOf(ctx, { idNumber });
