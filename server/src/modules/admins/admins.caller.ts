import type { AppContext } from '../../platform/context';
import { auditActorOf, type Actor } from '../../platform/auth/actor';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import type { DbOrTx } from '../../platform/db/database';

/** Who asks and from where: what every use case of this module takes first. */
export type Caller = { ctx: AppContext; actor: Actor; origin: AuditOrigin };

export const callerOf = (ctx: AppContext, actor: Actor, origin: AuditOrigin): Caller => ({ ctx, actor, origin });

/** One audit row for a change by the caller, in the transaction of that change. */
export const auditChange = (
  db: DbOrTx,
  caller: Caller,
  entry: { event: string; target: { type: string; id: string }; detail?: Record<string, unknown>; outcome?: 'success' | 'failure'; reason?: string },
) => writeAudit(db, caller.ctx.clock, { ...entry, actor: auditActorOf(caller.actor), origin: caller.origin });
