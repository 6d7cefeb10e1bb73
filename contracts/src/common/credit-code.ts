import { z } from 'zod';
import { isKnownProvince } from './id-number';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 32100 check character of the first 17 characters of a unified social credit code. */
export const creditCodeCheckChar = (first17: string): string | null => {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
};

/**
 * GB 32100's structure: the registering authority (1-9, A, N or Y), the org category (1-9), the authority's
 * region (six digits: a real province, or 100000 for the central level), a nine-character org code that is not
 * all zeros, and the check character.
 */
export const isValidCreditCode = (value: string): boolean =>
  /^[1-9ANY][1-9]\d{6}[0-9A-HJ-NPQRTUWXY]{9}[0-9A-HJ-NPQRTUWXY]$/.test(value) &&
  (isKnownProvince(value.slice(2, 4)) || value.slice(2, 8) === '100000') &&
  creditCodeCheckChar(value.slice(0, 17)) === value[17] &&
  !/^0+$/.test(value.slice(8, 17));

export const CreditCode = z
  .string({ error: '请输入统一社会信用代码' })
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => v.length === 18, { message: '统一社会信用代码应为18位' })
  .refine(isValidCreditCode, { message: '统一社会信用代码校验失败，请核对后重新输入' });
