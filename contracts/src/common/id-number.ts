import { z } from 'zod';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** GB 11643 check character of the first 17 digits. */
export const idNumberCheckChar = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
};

/** GB/T 2260 province-level codes (the first two digits of every resident ID number). */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/**
 * Whether the six-digit address code names a place: a real province, and below province level. County
 * codes are not checked against today's list, since an ID keeps the code of where it was first issued and
 * many of those codes have since been renamed or merged away.
 */
export const isKnownRegionPrefix = (idNumber: string) => isKnownProvince(idNumber.slice(0, 2)) && idNumber.slice(2, 6) !== '0000';

/** Whether two digits are a GB/T 2260 province-level code (41 河南, 37 山东 ...). */
export const isKnownProvince = (twoDigits: string) => PROVINCE_CODES.has(twoDigits);

const today = () => new Date().toISOString().slice(0, 10);

/** The birth date (YYYY-MM-DD) encoded in an 18-digit ID number, or null when it is not a real past date since 1900. */
export const birthDateOf = (idNumber: string, asOf: string = today()): string | null => {
  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return birth <= asOf ? birth : null;
};

/** Full years of age on `asOf` (YYYY-MM-DD) of someone born on `birthDate`. */
export const ageOn = (birthDate: string, asOf: string = today()) => {
  const years = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return asOf.slice(5) >= birthDate.slice(5) ? years : years - 1;
};

export const MIN_WORKING_AGE = 16;

export const isValidIdNumber = (value: string): boolean =>
  /^\d{17}[\dX]$/.test(value) && idNumberCheckChar(value.slice(0, 17)) === value[17] && isKnownRegionPrefix(value) && birthDateOf(value) !== null;

/** An 18-digit resident ID number; a lower-case x is accepted and stored upper-case. Always text, never a number. */
export const IdNumber = z
  .string({ error: '请输入身份证号' })
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => v.length === 18, { message: '身份证号应为18位' })
  .refine(isValidIdNumber, { message: '身份证号非法，请核对输入的身份证号是否正确' });

export const UNDER_WORKING_AGE_MESSAGE = `按身份证号计算，年龄未满${MIN_WORKING_AGE}周岁，无法注册`;

/** The ID number of someone the platform creates an account for: of working age (16 or older). */
export const PersonIdNumber = IdNumber.refine(
  (v) => {
    const birth = birthDateOf(v);
    return !birth || ageOn(birth) >= MIN_WORKING_AGE;
  },
  { message: UNDER_WORKING_AGE_MESSAGE },
);

/** Gender and birth date as a valid ID number encodes them (the 17th digit is odd for men). */
export const personFactsOf = (idNumber: string) => ({
  gender: Number(idNumber[16]) % 2 === 1 ? ('male' as const) : ('female' as const),
  birthDate: birthDateOf(idNumber)!,
});

/** First 2 and last 3 characters shown, as GB/T 35273 display limits suggest. */
export const maskIdNumber = (idNumber: string): string =>
  idNumber.length < 6 ? '*'.repeat(idNumber.length) : `${idNumber.slice(0, 2)}${'*'.repeat(idNumber.length - 5)}${idNumber.slice(-3)}`;

export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone.replace(/./g, '*'));

export const maskName = (name: string): string => (name.length <= 1 ? name : `${name[0]}${'*'.repeat(name.length - 1)}`);

/** 138****1234 for a phone; the first two characters of the local part for an e-mail address. */
export const maskDestination = (destination: string | null): string | null => {
  if (!destination) return null;
  const at = destination.indexOf('@');
  if (at < 0) return maskPhone(destination);
  const local = destination.slice(0, at);
  const keep = local.length <= 2 ? 1 : 2;
  return `${local.slice(0, keep)}***${destination.slice(at)}`;
};
