import { z } from 'zod';

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

/** Shape, check character, and an org code part (characters 9-17) that is not all zeros. */
export const isValidCreditCode = (value: string): boolean =>
  /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value) &&
  creditCodeCheckChar(value.slice(0, 17)) === value[17] &&
  !/^0+$/.test(value.slice(8, 17));

export const CreditCode = z
  .string({ error: '请输入统一社会信用代码' })
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => v.length === 18, { message: '统一社会信用代码应为18位' })
  .refine(isValidCreditCode, { message: '统一社会信用代码校验失败，请核对后重新输入' });
