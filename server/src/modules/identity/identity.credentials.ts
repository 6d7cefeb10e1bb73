import { maskIdNumber } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { verifyPassword } from '../../platform/auth/passwords';
import { lockedError, loginLockedForSeconds, loginThrottleOf, recordLoginFailure, serializeAttempts } from './identity.lockout';
import { AppError } from '../../platform/errors/app-error';
import { findPersonByIdNumber, type PersonRow } from './identity.repository';

type ProofInput = {
  idNumber: string;
  password: string;
  origin: AuditOrigin;
  /** The audit event of a failed proof (REGISTRATION_PASSWORD_FAIL, REGISTRATION_WITHDRAW ...). */
  failureEvent: string;
  /** A further fact the person must match (the name a withdrawal states). */
  matches?: (person: PersonRow) => boolean;
};

/**
 * Proves a person by ID number and password outside the login box (已是本系统用户, 撤回申请). The login's
 * lockout applies, one attempt of the ID at a time: a locked ID is refused, and a failure counts for this
 * source and the ID and is audited. A temporary password from an admin reset proves nothing here: it only opens
 * the login box's change-password step. Returns the person, or null after a counted failure. The caller checks
 * the captcha first.
 */
export const provePerson = async (ctx: AppContext, input: ProofInput): Promise<PersonRow | null> => {
  const throttle = loginThrottleOf(ctx, input.idNumber, input.origin.ip);
  const result = await ctx.db.transaction().execute(async (tx) => {
    await serializeAttempts(tx, throttle.subject);
    const locked = await loginLockedForSeconds(ctx, tx, throttle);
    if (locked > 0) return lockedError(locked);
    const person = await findPersonByIdNumber(tx, input.idNumber);
    const proven = person && (input.matches?.(person) ?? true) && (await verifyPassword(person, input.password));
    if (proven && person.mustChangePassword) return new AppError('PASSWORD_CHANGE_REQUIRED', '您的密码已被重置，请先登录平台修改密码后再办理');
    if (proven) return person;
    await recordLoginFailure(ctx, tx, throttle);
    await writeAudit(tx, ctx.clock, {
      event: input.failureEvent,
      outcome: 'failure',
      origin: input.origin,
      actor: person ? { personId: person.id } : null,
      target: person ? { type: 'person', id: person.id } : null,
      reason: 'WRONG_CREDENTIALS',
      detail: { idNumberMasked: maskIdNumber(input.idNumber) },
    });
    return null;
  });
  if (result instanceof AppError) throw result;
  return result;
};
