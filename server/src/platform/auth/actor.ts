import type { FastifyRequest } from 'fastify';
import type { LoginRole, OrgKind, Permission } from '@cep/contracts';
import { AppError } from '../errors/app-error';
import type { AuditOrigin } from '../audit/audit';

/** Who is calling: the signed-in account, its org and that org's place in the tree, and what it may do. */
export type Actor = {
  sessionId: string;
  personId: string;
  personName: string;
  personIdNumber: string;
  accountId: string;
  accountKind: 'professional' | 'admin';
  role: LoginRole;
  orgId: string;
  orgKind: OrgKind;
  orgName: string;
  /** Materialized path of the account's org; an admin's data scope is every org whose path starts with it. */
  orgPath: string;
  isSuperAdmin: boolean;
  permissions: ReadonlySet<string>;
  mustChangePassword: boolean;
  /** An admin who gave the password but not yet the second factor: no permissions, only the MFA routes. */
  mfaStep: 'verify' | 'enroll' | null;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/**
 * The signed-in actor, or 401. A session still owing its second factor gets 403 MFA_REQUIRED everywhere but
 * the routes that allow it; then one restricted to changing the password gets 403 everywhere else.
 */
export const requireActor = (req: FastifyRequest, options: { allowPasswordChangeOnly?: boolean; allowMfaPending?: boolean } = {}): Actor => {
  const actor = req.actor;
  if (!actor) throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  if (actor.mfaStep && !options.allowMfaPending) throw new AppError('MFA_REQUIRED', undefined, { details: { mfaStep: actor.mfaStep } });
  if (actor.mustChangePassword && !options.allowPasswordChangeOnly) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  return actor;
};

/** The actor must be an admin whose role grants `permission` (super admins hold every module of their org kind). */
export const requirePermission = (req: FastifyRequest, permission: Permission): Actor => requireAnyPermission(req, [permission]);

/** The actor must be an admin holding at least one of `permissions`. */
export const requireAnyPermission = (req: FastifyRequest, permissions: readonly Permission[]): Actor => {
  const actor = requireActor(req);
  if (actor.accountKind !== 'admin' || !permissions.some((p) => actor.permissions.has(p))) throw new AppError('FORBIDDEN');
  return actor;
};

export const originOf = (req: FastifyRequest): AuditOrigin => ({ requestId: req.id, ip: req.ip });
export const auditActorOf = (actor: Actor | null) => (actor ? { personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId } : null);
