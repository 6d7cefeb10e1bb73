import { randomBytes, randomInt } from 'node:crypto';
import type { CaptchaAnswer, CaptchaChallenge } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import type { AuditOrigin } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { hitRateLimit, hmacKey } from './identity.rate-limit';
import { answerCaptcha, deleteCaptchasExpiredBefore, insertCaptcha, setCaptchaToken, spendCaptchaToken } from './identity.throttle.repository';
import { CAPTCHA_HEIGHT, CAPTCHA_PIECE, CAPTCHA_WIDTH, drawCaptcha } from './identity.captcha-image';

export const CAPTCHA_TTL_SECONDS = 120;
const TOLERANCE_PX = 6;
const MIN_DRAG_MS = 150;

const invalid = (message?: string) => new AppError('CAPTCHA_INVALID', message);

/** Issues a new slider challenge; the target position stays on the server. */
export const issueCaptcha = async (ctx: AppContext, origin: AuditOrigin): Promise<CaptchaChallenge> => {
  await hitRateLimit(ctx, { bucket: 'captcha', key: origin.ip ?? '', limit: ctx.config.rateLimits.captchaPerIpPerMinute, origin });
  const now = ctx.clock.now();
  const id = randomBytes(16).toString('base64url');
  const targetX = randomInt(40, 241);
  const pieceY = randomInt(8, CAPTCHA_HEIGHT - CAPTCHA_PIECE - 7);
  const expiresAt = new Date(now.getTime() + CAPTCHA_TTL_SECONDS * 1000);
  await insertCaptcha(ctx.db, { id, targetX, pieceY, ip: origin.ip ?? null, createdAt: now, expiresAt });
  await deleteCaptchasExpiredBefore(ctx.db, new Date(now.getTime() - 3_600_000));
  return {
    captchaId: id,
    width: CAPTCHA_WIDTH,
    height: CAPTCHA_HEIGHT,
    pieceSize: CAPTCHA_PIECE,
    pieceY,
    ...drawCaptcha(targetX, pieceY),
    expiresInSeconds: CAPTCHA_TTL_SECONDS,
  };
};

/** A human drag: several samples, time never going back, not instant, ending where the piece was dropped. */
export const isPlausibleTrace = (x: number, trace: Array<[number, number]>) => {
  if (trace.length < 3) return false;
  for (let i = 1; i < trace.length; i++) if (trace[i]![1] < trace[i - 1]![1]) return false;
  const duration = trace[trace.length - 1]![1] - trace[0]![1];
  return duration >= MIN_DRAG_MS && Math.abs(trace[trace.length - 1]![0] - x) <= TOLERANCE_PX;
};

/** Checks the one answer a challenge allows (a wrong one burns it) and returns a single-use token. */
export const verifyCaptcha = async (ctx: AppContext, answer: CaptchaAnswer) => {
  const now = ctx.clock.now();
  const row = await answerCaptcha(ctx.db, answer.captchaId, now);
  if (!row) throw invalid('滑块验证已过期，请重新验证');
  if (Math.abs(answer.x - row.targetX) > TOLERANCE_PX || !isPlausibleTrace(answer.x, answer.trace)) throw invalid();
  const token = randomBytes(32).toString('base64url');
  const tokenExpiresAt = new Date(now.getTime() + CAPTCHA_TTL_SECONDS * 1000);
  await setCaptchaToken(ctx.db, answer.captchaId, { tokenHash: hmacKey(ctx.secret, token), tokenExpiresAt });
  return { captchaToken: token };
};

/** Uses up a captcha token in one statement, so two requests can never both spend it. */
export const consumeCaptchaToken = async (ctx: AppContext, token: string | undefined): Promise<boolean> => {
  if (!token) return false;
  const now = ctx.clock.now();
  return Boolean(await spendCaptchaToken(ctx.db, hmacKey(ctx.secret, token), now));
};
