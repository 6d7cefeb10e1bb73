import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { permissionsOf, type LoginRole } from '@cep/contracts';
import type { AppContext } from '../context';
import type { DbOrTx } from '../db/database';
import { minutes, hours } from '../clock';
import type { Actor } from './actor';
import { cachedSession, forgetSession, forgetSessionsOfPerson, rememberSession } from './session-cache';

export const SESSION_COOKIE = 'cep_sid';
/** Over HTTPS the cookie takes the __Host- prefix: the browser then keeps it Secure, host-only and for path / (SECURITY A7). */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** Whether the request came over HTTPS (the proxy's X-Forwarded-Proto counts only with TRUST_PROXY). */
export const isHttps = (req: FastifyRequest) => req.protocol === 'https';
const cookieNameOf = (req: FastifyRequest) => (isHttps(req) ? SECURE_SESSION_COOKIE : SESSION_COOKIE);

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

declare module 'fastify' {
  interface FastifyRequest {
    sessionExpired: boolean;
  }
}

/** Where a request came from, as a new session records it. */
export type SessionSource = { ip: string | null; userAgent: string | null };

export const sessionSourceOf = (req: FastifyRequest): SessionSource => ({ ip: req.ip, userAgent: req.headers['user-agent']?.slice(0, 300) ?? null });

/** Starts a session for an account and returns its token (a new one at every login); the route sets the cookie. */
export const startSession = async (
  ctx: AppContext,
  db: DbOrTx,
  source: SessionSource,
  ids: { accountId: string; personId: string; mfaPending: 'verify' | 'enroll' | null },
) => {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  await db
    .insertInto('session')
    .values({
      id: hashToken(token),
      accountId: ids.accountId,
      personId: ids.personId,
      createdAt: now,
      lastSeenAt: now,
      absoluteExpiresAt: new Date(now.getTime() + hours(ctx.config.session.absoluteHours)),
      ip: source.ip,
      userAgent: source.userAgent,
      mfaPending: ids.mfaPending,
    })
    .execute();
  return token;
};

/** Hands the browser a session's token: HttpOnly, SameSite=Lax, and over HTTPS `__Host-` and Secure. */
export const setSessionCookie = (ctx: AppContext, req: FastifyRequest, reply: FastifyReply, token: string) => {
  reply.setCookie(cookieNameOf(req), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(req) || ctx.config.secureCookies,
  });
};

export const clearSessionCookie = (req: FastifyRequest, reply: FastifyReply) =>
  reply.clearCookie(cookieNameOf(req), { path: '/', secure: isHttps(req) });

/** Ends every session of a person, except `keepSessionId` (the one that made the change) when given. */
export const endSessionsOfPerson = async (db: DbOrTx, personId: string, keepSessionId?: string) => {
  forgetSessionsOfPerson(personId);
  let q = db.deleteFrom('session').where('personId', '=', personId);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  await q.execute();
};

export const endSession = async (db: DbOrTx, sessionId: string) => {
  forgetSession(sessionId);
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
};

/** The session gave its second factor: from now on it has its account's permissions. */
export const completeSecondFactor = async (db: DbOrTx, sessionId: string) => {
  forgetSession(sessionId);
  await db.updateTable('session').set({ mfaPending: null }).where('id', '=', sessionId).execute();
};

/** Permission modules an account holds: all of its role's menu for a super admin or a professional. */
export const permissionsFor = (role: LoginRole, isSuperAdmin: boolean, kind: string, granted: string[] | null) => {
  const all: readonly string[] = permissionsOf(role);
  if (kind === 'professional' || isSuperAdmin) return new Set(all);
  return new Set((granted ?? []).filter((p) => all.includes(p)));
};

/** onRequest hook: resolves the cookie to an Actor, enforcing idle and absolute timeouts and account state. */
export const loadActor = async (ctx: AppContext, req: FastifyRequest) => {
  req.actor = null;
  req.sessionExpired = false;
  const token = req.cookies[cookieNameOf(req)];
  if (!token) return;
  const id = hashToken(token);
  const now = ctx.clock.now();
  const cacheSeconds = ctx.config.session.cacheSeconds;
  let row = cachedSession<SessionRow>(id, now.getTime(), cacheSeconds);
  if (!row) {
    row = await findSessionRow(ctx.db, id);
    if (!row) {
      req.sessionExpired = true;
      return;
    }
    rememberSession(id, row.personId, row, now.getTime(), cacheSeconds);
  }
  const idleLimit = row.lastSeenAt.getTime() + minutes(ctx.config.session.idleMinutes);
  // A closed org's admins still sign in, to read only (see actorOf).
  const inactive = row.accountStatus !== 'active' || (row.orgStatus !== 'active' && row.orgStatus !== 'closed');
  if (now.getTime() > idleLimit || now > row.absoluteExpiresAt || inactive) {
    await endSession(ctx.db, id);
    req.sessionExpired = true;
    return;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > 30_000) {
    await ctx.db.updateTable('session').set({ lastSeenAt: now }).where('id', '=', id).execute();
    row.lastSeenAt = now;
  }
  req.actor = actorOf(row);
};

/** The session with its account, person, org and role: everything a request's actor is made of. */
const findSessionRow = (db: DbOrTx, id: string) =>
  db
    .selectFrom('session as s')
    .innerJoin('account as a', 'a.id', 's.accountId')
    .innerJoin('person as p', 'p.id', 's.personId')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .leftJoin('role as r', 'r.id', 'a.roleId')
    .select([
      's.id as sessionId',
      's.lastSeenAt',
      's.absoluteExpiresAt',
      's.mfaPending',
      'a.id as accountId',
      'a.kind as accountKind',
      'a.status as accountStatus',
      'a.isSuperAdmin',
      'p.id as personId',
      'p.name as personName',
      'p.idNumber as personIdNumber',
      'p.mustChangePassword',
      'o.id as orgId',
      'o.kind as orgKind',
      'o.name as orgName',
      'o.path as orgPath',
      'o.status as orgStatus',
      'r.permissions',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSessionRow>>>;

/** What a closed org's admins keep: its 基本信息 and 变更记录 (seed 002 审核单位注销: 仍然可进行登录并查看基本信息和操作记录). */
const CLOSED_ORG_PERMISSIONS = ['org.profile'];
const readOnlyIfClosed = (orgStatus: string, permissions: Set<string>) =>
  orgStatus === 'closed' ? new Set(CLOSED_ORG_PERMISSIONS.filter((p) => permissions.has(p))) : permissions;

const actorOf = (row: SessionRow): Actor => {
  const role: LoginRole = row.accountKind === 'professional' ? 'professional' : row.orgKind;
  return {
    sessionId: row.sessionId,
    personId: row.personId,
    personName: row.personName,
    personIdNumber: row.personIdNumber,
    accountId: row.accountId,
    accountKind: row.accountKind,
    role,
    orgId: row.orgId,
    orgKind: row.orgKind,
    orgName: row.orgName,
    orgPath: row.orgPath,
    isSuperAdmin: row.isSuperAdmin,
    permissions: row.mfaPending
      ? new Set<string>()
      : readOnlyIfClosed(row.orgStatus, permissionsFor(role, row.isSuperAdmin, row.accountKind, row.permissions)),
    mustChangePassword: row.mustChangePassword,
    mfaStep: row.mfaPending,
  };
};
