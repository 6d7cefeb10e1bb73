import { z } from 'zod';

export const PASSWORD_RULE_MESSAGE = '请输入8~20位带数字和英文字母的密码，请勿输入纯数字或纯字母';

/** Seed 001's rule: 8-20 characters, letters and digits both present; symbols allowed. */
export const Password = z
  .string({ error: '请输入密码' })
  .min(8, { message: PASSWORD_RULE_MESSAGE })
  .max(20, { message: PASSWORD_RULE_MESSAGE })
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), { message: PASSWORD_RULE_MESSAGE })
  .refine((v) => !/\s/.test(v), { message: '密码不能包含空格' });

const COMMON_PASSWORDS = new Set([
  'a1234567',
  'a12345678',
  'abc12345',
  'abc123456',
  'qwe12345',
  'qwer1234',
  'qwert123',
  'password1',
  'passw0rd',
  'p@ssw0rd',
  'a1b2c3d4',
  'aa123456',
  'aaa12345',
  'zxc12345',
  'asd12345',
  'abcd1234',
  '1234abcd',
  '1qaz2wsx',
  'admin123',
  'admin888',
  'test1234',
  'woaini1314',
  'iloveyou1',
  '123456aa',
  '123456ab',
  '12345abc',
  '11111111a',
]);

export type PasswordContext = { idNumber?: string; phone?: string | null; birthDate?: string | null };

/** The deny-list half of the policy (SECURITY.md T3): common passwords and the person's own identifiers. */
export const passwordDenyReason = (password: string, context: PasswordContext): string | null => {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return '密码过于常见，请设置更复杂的密码';
  const digits = password.replace(/\D/g, '');
  const id = context.idNumber?.toUpperCase();
  if (id) {
    if (lower.includes(id.slice(-6).toLowerCase()) || lower.includes(id.slice(0, 6))) return '密码不能包含身份证号的片段';
    if (digits.length >= 8 && id.includes(digits)) return '密码不能包含身份证号的片段';
  }
  const birth = context.birthDate?.replace(/-/g, '');
  if (birth && password.includes(birth)) return '密码不能包含出生日期';
  if (context.phone && context.phone.length >= 7 && password.includes(context.phone.slice(-8))) return '密码不能包含手机号';
  return null;
};
