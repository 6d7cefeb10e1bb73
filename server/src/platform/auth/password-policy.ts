import { birthDateOf, Password, passwordDenyReason } from '@cep/contracts';
import { AppError } from '../errors/app-error';

/**
 * The one password check of every place a password is set (registration, an admin's new account, 修改密码,
 * 忘记密码): the seeds' rule (contracts Password) plus the deny-list of SECURITY.md T3 (the person's ID number,
 * phone, birthday, common passwords), as one PASSWORD_POLICY error naming `field` when a form has several.
 */
export const assertPasswordPolicy = (password: string, person: { idNumber: string; phone: string | null }, options: { field?: string } = {}) => {
  const details = options.field ? { field: options.field } : undefined;
  const parsed = Password.safeParse(password);
  if (!parsed.success) throw new AppError('PASSWORD_POLICY', parsed.error.issues[0]?.message, { details });
  const reason = passwordDenyReason(password, { idNumber: person.idNumber, phone: person.phone, birthDate: birthDateOf(person.idNumber) });
  if (reason) throw new AppError('PASSWORD_POLICY', reason, { details });
};
