import { createHmac } from 'node:crypto';
import type { AppContext } from '../../platform/context';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { countRateLimitHit, deleteRateLimitWindowsBefore } from './identity.throttle.repository';

const WINDOW_MS = 60_000;

/** Keyed hash so that counters never hold a raw IP address or ID number. */
export const hmacKey = (secret: string, value: string) => createHmac('sha256', secret).update(value).digest('base64url');

/**
 * The source a per-address limit counts: an IPv4 address as it is, an IPv6 address by its /64 network, since
 * one host is routinely given a whole /64 and could otherwise count as countless sources.
 */
export const sourceOf = (ip: string | null | undefined): string => {
  if (!ip) return '';
  if (!ip.includes(':') || /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) return ip.replace(/^::ffff:/i, '');
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
};

/**
 * Counts one request of `bucket` for `key` in the current one-minute window (in the database, so every
 * process shares it). Over `limit`: throws 429 with Retry-After (audited RATE_LIMITED once per window).
 */
export const hitRateLimit = async (
  ctx: AppContext,
  input: { bucket: string /** the caller's address */; key: string; limit: number; origin: AuditOrigin },
) => {
  const now = ctx.clock.now().getTime();
  const windowStart = new Date(now - (now % WINDOW_MS));
  const key = hmacKey(ctx.secret, sourceOf(input.key));
  const hits = await countRateLimitHit(ctx.db, { bucket: input.bucket, key, windowStart });
  if (hits === 1) {
    await deleteRateLimitWindowsBefore(ctx.db, new Date(now - 10 * WINDOW_MS));
  }
  if (hits <= input.limit) return;
  // One audit row per key and window: a flood must not flood the audit log too.
  if (hits === input.limit + 1)
    await writeAudit(ctx.db, ctx.clock, { event: 'RATE_LIMITED', outcome: 'failure', origin: input.origin, reason: input.bucket });
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000));
  throw new AppError('RATE_LIMITED', undefined, { headers: { 'Retry-After': String(retryAfter) }, details: { retryAfterSeconds: retryAfter } });
};
