import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';

const WINDOW_MS = 60_000;

/** Keyed hash so that counters never hold a raw IP address or ID number. */
export const hmacKey = (secret: string, value: string) => createHmac('sha256', secret).update(value).digest('base64url');

/**
 * Counts one request of `bucket` for `key` in the current one-minute window (in the database, so every
 * process shares it). Over `limit`: throws 429 with Retry-After (audited RATE_LIMITED once per window).
 */
export const hitRateLimit = async (
  ctx: AppContext,
  input: { bucket: string; key: string; limit: number; origin: AuditOrigin },
) => {
  const now = ctx.clock.now().getTime();
  const windowStart = new Date(now - (now % WINDOW_MS));
  const key = hmacKey(ctx.secret, input.key);
  const row = await ctx.db
    .insertInto('rateLimitHit')
    .values({ bucket: input.bucket, key, windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'key', 'windowStart']).doUpdateSet({ hits: sql`rate_limit_hit.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  if (row.hits === 1) {
    await ctx.db.deleteFrom('rateLimitHit').where('windowStart', '<', new Date(now - 10 * WINDOW_MS)).execute();
  }
  if (row.hits <= input.limit) return;
  // One audit row per key and window: a flood must not flood the audit log too.
  if (row.hits === input.limit + 1) await writeAudit(ctx.db, ctx.clock, { event: 'RATE_LIMITED', outcome: 'failure', origin: input.origin, reason: input.bucket });
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000));
  throw new AppError('RATE_LIMITED', undefined, { headers: { 'Retry-After': String(retryAfter) }, details: { retryAfterSeconds: retryAfter } });
};
