import type { AppContext } from '../../platform/context';
import type { Tx } from '../../platform/db/database';
import { lockUntilCommit } from '../../platform/db/locks';
import { AppError } from '../../platform/errors/app-error';
import type { CodePurpose } from './identity.tables';
import { findCodeTimesSince, spendCodeTry } from './identity.throttle.repository';

/** The 6-digit codes sent by SMS or e-mail (忘记密码, a new phone or e-mail): how long, how often, how many tries. */
export const CODE_MINUTES = 10;
export const CODE_TRIES = 5;
export const RESEND_SECONDS = 60;
const CODES_PER_DAY = 10;

/**
 * One code per 60 s and at most 10 a day per person and purpose, counted from the codes already sent. Called in the
 * sending transaction with the person's sends queued on a lock, so two requests sent at once cannot both pass.
 */
export const assertSendAllowed = async (ctx: AppContext, tx: Tx, personId: string, purpose: CodePurpose) => {
  await lockUntilCommit(tx, `code:${purpose}:${personId}`);
  const now = ctx.clock.now().getTime();
  const recent = await findCodeTimesSince(tx, personId, purpose, new Date(now - 86_400_000));
  const wait = recent[0] ? Math.ceil((recent[0].createdAt.getTime() + RESEND_SECONDS * 1000 - now) / 1000) : 0;
  const retryAfter = wait > 0 ? wait : recent.length >= CODES_PER_DAY ? 3600 : 0;
  if (retryAfter > 0) {
    const message = wait > 0 ? `验证码已发送，请${wait}秒后再试` : '今日验证码发送次数已达上限，请明天再试';
    throw new AppError('RATE_LIMITED', message, { headers: { 'Retry-After': String(retryAfter) }, details: { retryAfterSeconds: retryAfter } });
  }
};

/**
 * Checks the person's open code of the purpose against `hash` (the HMAC of what was typed). Every check uses up one of
 * its five tries first, in one conditional UPDATE, so tries sent at once cannot all see the same count.
 */
export const checkCode = async (ctx: AppContext, code: { personId: string; purpose: CodePurpose; hash: string }) => {
  const tried = await spendCodeTry(ctx.db, code.personId, code.purpose, ctx.clock.now(), CODE_TRIES);
  if (!tried) throw new AppError('CODE_INVALID', '验证码已失效，请重新获取');
  if (tried.codeHash === code.hash) return tried.id;
  const remaining = Math.max(0, CODE_TRIES - tried.attempts);
  throw new AppError('CODE_INVALID', remaining > 0 ? `验证码错误，还可尝试${remaining}次` : '验证码错误次数过多，请重新获取', {
    details: { remainingAttempts: remaining },
  });
};
