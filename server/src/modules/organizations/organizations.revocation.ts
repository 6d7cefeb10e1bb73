import type { AppContext } from '../../platform/context';
import { moveAccountsOfOrg } from '../people';
import { auditActorOf, type Actor } from '../../platform/auth/actor';
import { endSessionsOfPerson } from '../../platform/auth/sessions';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { managedSubordinate } from './organizations.service';
import * as orgs from './organizations.repository';

type Caller = { ctx: AppContext; actor: Actor; origin: AuditOrigin };

/**
 * 移除权限: a superior disables every active admin account of an org below it and signs them out;
 * the record keeps which accounts it disabled so that restoring re-enables exactly those.
 */
export const revokeAdmins = ({ ctx, actor, origin }: Caller, orgId: string) =>
  ctx.db.transaction().execute(async (tx) => {
    const org = await managedSubordinate(tx, actor, orgId);
    if (await orgs.findRevocation(tx, org.id)) throw new AppError('INVALID_STATE', '该机构管理员权限已被移除');
    const admins = await orgs.lockActiveAdmins(tx, org.id);
    const accountIds = admins.map((a) => a.id);
    await orgs.insertRevocation(tx, { orgId: org.id, accountIds, revokedAt: ctx.clock.now(), revokedByAccountId: actor.accountId });
    const affected = await moveAccountsOfOrg(tx, org.id, accountIds, 'active', 'disabled');
    for (const admin of admins) await endSessionsOfPerson(tx, admin.personId);
    await writeAudit(tx, ctx.clock, {
      event: 'ORG_ADMINS_REVOKE',
      actor: auditActorOf(actor),
      origin,
      target: { type: 'org', id: org.id },
      detail: { orgName: org.name, accountIds },
    });
    return { affected };
  });

/** 恢复权限: re-enables the accounts the revocation disabled that are still disabled. */
export const restoreAdmins = ({ ctx, actor, origin }: Caller, orgId: string) =>
  ctx.db.transaction().execute(async (tx) => {
    const org = await managedSubordinate(tx, actor, orgId);
    const revocation = await orgs.findRevocation(tx, org.id);
    if (!revocation) throw new AppError('INVALID_STATE', '该机构管理员权限未被移除，无需恢复');
    const affected = await moveAccountsOfOrg(tx, org.id, revocation.accountIds, 'disabled', 'active');
    await orgs.deleteRevocation(tx, org.id);
    await writeAudit(tx, ctx.clock, {
      event: 'ORG_ADMINS_RESTORE',
      actor: auditActorOf(actor),
      origin,
      target: { type: 'org', id: org.id },
      detail: { orgName: org.name, accountIds: revocation.accountIds },
    });
    return { affected };
  });
