import { maskIdNumber, type LoginInput, type LoginRole, type SessionInfo } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import type { Tx } from '../../platform/db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { AuditOrigin } from '../../platform/audit/audit';
import { burnPasswordCheck, verifyPassword } from '../../platform/auth/passwords';
import { endSession, permissionsFor, startSession, type SessionSource } from '../../platform/auth/sessions';
import { AppError } from '../../platform/errors/app-error';
import { hitRateLimit } from './identity.rate-limit';
import { consumeCaptchaToken } from './identity.captcha';
import {
  clearFailures,
  lockedError,
  loginLockedForSeconds,
  loginThrottleOf,
  recordLoginFailure,
  serializeAttempts,
  type LoginThrottle,
} from './identity.lockout';
import { holderOfReplacedIdNumber, markLoggedIn } from '../people';
import { accountsForRole, findPersonById, findPersonByIdNumber, type LoginAccountRow, type PersonRow } from './identity.repository';
import { accountBlock, pickAccount } from './identity.policy';
import { presentSession } from './identity.presenter';
import { mfaStepOf } from './identity.mfa';

export type LoginRequest = Omit<LoginInput, 'captchaToken'> & { captchaToken?: string | undefined };

/** The HTTP call a login arrives on, as the service needs it: where from, and the session it replaces. */
export type LoginCall = { origin: AuditOrigin; source: SessionSource; currentSessionId: string | null };

type Attempt = { ctx: AppContext; call: LoginCall; input: LoginRequest; throttle: LoginThrottle };

/**
 * Audits a refused login with its exact reason and, for a wrong credential (unknown ID, wrong or expired
 * password), counts it toward the lockout of that ID from this source and from everywhere. Returns the error
 * (with the attempts left) for the caller to throw once the transaction has committed.
 */
const recordRefusal = async (tx: Tx, a: Attempt, reason: string, error: AppError, options: { count: boolean; personId?: string }) => {
  const { ctx, input } = a;
  const origin = a.call.origin;
  const detail = { idNumberMasked: maskIdNumber(input.idNumber), role: input.role };
  const actor = options.personId ? { personId: options.personId } : null;
  const target = options.personId ? { type: 'person', id: options.personId } : null;
  await writeAudit(tx, ctx.clock, { event: 'LOGIN_FAIL', outcome: 'failure', actor, target, origin, reason, detail });
  if (!options.count) return error;
  const result = await recordLoginFailure(ctx, tx, a.throttle);
  if (result.lockedNow) {
    await writeAudit(tx, ctx.clock, { event: 'ACCOUNT_LOCKED', outcome: 'failure', actor, target, origin, reason, detail });
  }
  if (error.details) error.details.remainingAttempts = result.remainingAttempts;
  return error;
};

/** A refusal that counts nothing, recorded in a transaction of its own, thrown. */
const refuse = async (a: Attempt, reason: string, error: AppError, personId?: string): Promise<never> => {
  throw await a.ctx.db.transaction().execute((tx) => recordRefusal(tx, a, reason, error, { count: false, personId }));
};

const wrongPassword = () => new AppError('WRONG_PASSWORD', undefined, { details: { forgotUrl: '/forgot-password' } });

/**
 * The lock and the password step, one attempt of this ID at a time (concurrent tries queue on the ID, so each
 * sees the lock the one before it set): unknown ID (after a dummy hash), wrong password, or an expired
 * admin-reset password. Resolves to the person or to the refusal to throw.
 */
const checkCredentials = (a: Attempt) =>
  a.ctx.db.transaction().execute(async (tx): Promise<PersonRow | AppError> => {
    await serializeAttempts(tx, a.throttle.subject);
    const lockedSeconds = await loginLockedForSeconds(a.ctx, tx, a.throttle);
    if (lockedSeconds > 0) return recordRefusal(tx, a, 'ACCOUNT_LOCKED', lockedError(lockedSeconds), { count: false });
    const person = await findPersonByIdNumber(tx, a.input.idNumber);
    if (!person) {
      // After an approved 证件信息修改 the old number finds nobody; its holder (proven by the password) is told why.
      const renamedId = await holderOfReplacedIdNumber(tx, a.input.idNumber);
      const renamed = renamedId ? await findPersonById(tx, renamedId) : undefined;
      const proven = renamed ? await verifyPassword(renamed, a.input.password) : false;
      if (!renamed) await burnPasswordCheck(a.input.password);
      if (proven) {
        const error = new AppError('ACCOUNT_NOT_FOUND', '您的身份证号已变更，请使用变更后的新身份证号登录');
        return recordRefusal(tx, a, 'ACCOUNT_NOT_FOUND', error, { count: false, personId: renamedId! });
      }
      const error = new AppError('ACCOUNT_NOT_FOUND', undefined, { details: { registerUrl: '/register' } });
      return recordRefusal(tx, a, 'ACCOUNT_NOT_FOUND', error, { count: true });
    }
    if (!(await verifyPassword(person, a.input.password))) {
      return recordRefusal(tx, a, 'WRONG_PASSWORD', wrongPassword(), { count: true, personId: person.id });
    }
    const expires = person.tempPasswordExpiresAt;
    if (person.mustChangePassword && expires && expires <= a.ctx.clock.now()) {
      return recordRefusal(tx, a, 'TEMP_PASSWORD_EXPIRED', wrongPassword(), { count: true, personId: person.id });
    }
    return person;
  });

const roleOf = (account: LoginAccountRow): LoginRole => (account.kind === 'professional' ? 'professional' : account.orgKind);

/** Starts the session and records the success, all in one transaction. */
const succeed = async (a: Attempt, person: PersonRow, account: LoginAccountRow): Promise<{ session: SessionInfo; token: string }> => {
  const { ctx, call } = a;
  const mfaStep = await mfaStepOf(ctx.db, person.id, account.kind);
  const token = await ctx.db.transaction().execute(async (tx) => {
    if (call.currentSessionId) await endSession(tx, call.currentSessionId);
    const started = await startSession(ctx, tx, call.source, { accountId: account.accountId, personId: person.id, mfaPending: mfaStep });
    await markLoggedIn(tx, account.accountId, ctx.clock.now());
    await clearFailures(tx, a.throttle.subject);
    const actor = { personId: person.id, accountId: account.accountId, orgId: account.orgId };
    await writeAudit(tx, ctx.clock, { event: 'LOGIN_SUCCESS', actor, origin: call.origin, detail: { role: a.input.role, mfaStep } });
    return started;
  });
  const role = roleOf(account);
  const session = await presentSession(ctx, {
    person,
    account: {
      accountId: account.accountId,
      kind: account.kind,
      role,
      orgId: account.orgId,
      orgName: account.orgName,
      orgKind: account.orgKind,
      isSuperAdmin: account.isSuperAdmin,
    },
    permissions: permissionsFor(role, account.isSuperAdmin, account.kind, account.permissions),
    mustChangePassword: person.mustChangePassword,
    mfaStep,
  });
  return { session, token };
};

/**
 * Login, in the order SECURITY.md T1 fixes: per-IP limit, single-use captcha (a missing or bad one is
 * refused before any password check and never counts against the ID), lockout of the submitted ID (existing
 * or not), then the seeds' four outcomes; only then the account's state. Resolves to the new session and the
 * token the route hands the browser.
 */
export const login = async (ctx: AppContext, call: LoginCall, input: LoginRequest) => {
  const { origin } = call;
  await hitRateLimit(ctx, { bucket: 'login', key: origin.ip ?? '', limit: ctx.config.rateLimits.loginPerIpPerMinute, origin });
  const a: Attempt = { ctx, call, input, throttle: loginThrottleOf(ctx, input.idNumber, origin.ip) };
  if (!(await consumeCaptchaToken(ctx, input.captchaToken))) await refuse(a, 'CAPTCHA_INVALID', new AppError('CAPTCHA_INVALID'));
  const person = await checkCredentials(a);
  if (person instanceof AppError) throw person;
  const account = pickAccount(await accountsForRole(ctx.db, person.id, input.role));
  if (!account) return refuse(a, 'ROLE_NOT_REGISTERED', new AppError('ROLE_NOT_REGISTERED'), person.id);
  const block = await accountBlock(ctx.db, account);
  if (block) return refuse(a, block.code, block, person.id);
  return succeed(a, person, account);
};
