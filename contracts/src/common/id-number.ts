import { z } from 'zod';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** GB 11643 check character of the first 17 digits. */
export const idNumberCheckChar = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
};

/** The birth date (YYYY-MM-DD) encoded in an 18-digit ID number, or null when it is not a real date. */
export const birthDateOf = (idNumber: string): string | null => {
  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
};

export const isValidIdNumber = (value: string): boolean =>
  /^\d{17}[\dX]$/.test(value) && idNumberCheckChar(value.slice(0, 17)) === value[17] && birthDateOf(value) !== null;

/** An 18-digit resident ID number; a lower-case x is accepted and stored upper-case. Always text, never a number. */
export const IdNumber = z
  .string({ error: '请输入身份证号' })
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => v.length === 18, { message: '身份证号应为18位' })
  .refine(isValidIdNumber, { message: '身份证号非法，请核对输入的身份证号是否正确' });

/** First 2 and last 3 characters shown, as GB/T 35273 display limits suggest. */
export const maskIdNumber = (idNumber: string): string =>
  idNumber.length < 6 ? '*'.repeat(idNumber.length) : `${idNumber.slice(0, 2)}${'*'.repeat(idNumber.length - 5)}${idNumber.slice(-3)}`;

export const maskPhone = (phone: string): string =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone.replace(/./g, '*');

export const maskName = (name: string): string => (name.length <= 1 ? name : `${name[0]}${'*'.repeat(name.length - 1)}`);
