import { ACCOUNT_EXISTS_MESSAGE, PROFESSIONAL_EXISTS_MESSAGE, type Applicant, type RegistrationKind } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import type { Tx } from '../../platform/db/database';
import { hashPassword } from '../../platform/auth/passwords';
import { assertPasswordPolicy } from '../../platform/auth/password-policy';
import type { AuditOrigin } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { provePerson } from '../identity';
import { archivePerson, createPerson, lockPerson } from '../people';
import { findPersonByIdNumber, liveAccountsOf } from './registration.repository';
import { NOT_REGISTERED_MESSAGE } from './registration.policy';

/** Who the registration is for, decided before the transaction (password hashing and checks are slow). */
export type PersonPlan =
  | { type: 'existing'; personId: string; name: string; phone: string | null }
  | { type: 'new' | 'renew'; personId: string | null; idNumber: string; name: string; phone: string; email: string; passwordHash: string };

const planExisting = async (ctx: AppContext, applicant: Applicant, role: RegistrationKind, origin: AuditOrigin): Promise<PersonPlan> => {
  if (!(await findPersonByIdNumber(ctx.db, applicant.idNumber))) {
    throw new AppError('VALIDATION_FAILED', NOT_REGISTERED_MESSAGE, { details: { field: 'applicant.idNumber' } });
  }
  // A wrong password here counts toward the login lockout of that ID, so registration is no guessing oracle.
  const person = await provePerson(ctx, {
    idNumber: applicant.idNumber,
    password: applicant.password,
    origin,
    failureEvent: 'REGISTRATION_PASSWORD_FAIL',
  });
  if (!person) throw new AppError('WRONG_PASSWORD', '密码错误，请输入您已注册账号的登录密码', { details: { field: 'applicant.password' } });
  const accounts = await liveAccountsOf(ctx.db, person.id);
  if (role === 'professional' && accounts.some((a) => a.kind === 'professional')) throw new AppError('ALREADY_EXISTS', PROFESSIONAL_EXISTS_MESSAGE);
  return { type: 'existing', personId: person.id, name: person.name, phone: person.phone };
};

/**
 * '已是本系统用户' proves the person with the password; otherwise the ID must be new, or belong to someone
 * whose every account ended (seed 002 FAQ 27: withdraw, then register again), who is set aside for a new person.
 */
export const planPerson = async (
  ctx: AppContext,
  applicant: Applicant,
  role: RegistrationKind,
  origin: AuditOrigin,
  hash: (password: string) => Promise<string> = hashPassword,
): Promise<PersonPlan> => {
  if (applicant.existingUser) return planExisting(ctx, applicant, role, origin);
  const { idNumber, name, phone, email, password } = { ...applicant, name: applicant.name!, phone: applicant.phone!, email: applicant.email! };
  const person = await findPersonByIdNumber(ctx.db, idNumber);
  if (person && (await liveAccountsOf(ctx.db, person.id)).length > 0) throw new AppError('ALREADY_EXISTS', ACCOUNT_EXISTS_MESSAGE);
  assertPasswordPolicy(password, { idNumber, phone }, { field: 'applicant.password' });
  const passwordHash = await hash(password);
  return { type: person ? 'renew' : 'new', personId: person?.id ?? null, idNumber, name, phone, email, passwordHash };
};

/** Writes the plan inside the registration's transaction; returns the person's id, name and phone. */
export const applyPersonPlan = async (tx: Tx, plan: PersonPlan, now: Date) => {
  if (plan.type === 'existing') return { personId: plan.personId, name: plan.name, phone: plan.phone };
  if (plan.type === 'renew') {
    // A new person, not the old row: whoever registers the ID again must not inherit what its last holder left
    // (pending invitations, messages, an authenticator, requests).
    await lockPerson(tx, plan.personId!);
    const live = await liveAccountsOf(tx, plan.personId!);
    if (live.length > 0) throw new AppError('ALREADY_EXISTS', ACCOUNT_EXISTS_MESSAGE);
    await archivePerson(tx, plan.personId!);
  }
  const personId = await createPerson(tx, {
    idNumber: plan.idNumber,
    name: plan.name,
    phone: plan.phone,
    email: plan.email,
    passwordHash: plan.passwordHash,
    now,
  });
  return { personId, name: plan.name, phone: plan.phone };
};
