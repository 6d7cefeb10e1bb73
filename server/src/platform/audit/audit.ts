import type { DbOrTx } from '../db/database';
import type { Clock } from '../clock';

export type AuditActor = { personId?: string | null; accountId?: string | null; orgId?: string | null };
export type AuditOrigin = { requestId: string | null; ip: string | null };

export type AuditEntry = {
  event: string;
  outcome?: 'success' | 'failure';
  actor?: AuditActor | null;
  origin?: AuditOrigin | null;
  target?: { type: string; id: string } | null;
  reason?: string | null;
  detail?: Record<string, unknown> | null;
};

/** How many `event` rows an org's admins caused since `since`, refused ones included (daily limits count attempts). */
export const countAuditedSince = async (db: DbOrTx, entry: { event: string; actorOrgId: string; since: Date }) =>
  Number(
    (
      await db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event', '=', entry.event)
        .where('actorOrgId', '=', entry.actorOrgId)
        .where('at', '>', entry.since)
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * Appends one audit row. Call it with the transaction of the change it records, so the change and its
 * record commit together or not at all. Never pass a password or a full ID number in `detail`.
 */
export const writeAudit = (db: DbOrTx, clock: Clock, entry: AuditEntry) => writeAudits(db, clock, [entry]);

/** Appends several audit rows in one statement (a batch decision's), under the same rules as `writeAudit`. */
export const writeAudits = async (db: DbOrTx, clock: Clock, entries: AuditEntry[]) => {
  if (entries.length === 0) return;
  const at = clock.now();
  await db
    .insertInto('auditLog')
    .values(
      entries.map((entry) => ({
        at,
        requestId: entry.origin?.requestId ?? null,
        ip: entry.origin?.ip ?? null,
        actorPersonId: entry.actor?.personId ?? null,
        actorAccountId: entry.actor?.accountId ?? null,
        actorOrgId: entry.actor?.orgId ?? null,
        event: entry.event,
        targetType: entry.target?.type ?? null,
        targetId: entry.target?.id ?? null,
        outcome: entry.outcome ?? 'success',
        reason: entry.reason ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      })),
    )
    .execute();
};
