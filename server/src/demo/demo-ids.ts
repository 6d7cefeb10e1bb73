import { idNumberCheckChar } from '@cep/contracts';

/**
 * A valid (checksummed) but made-up ID number for demo people: birthplace, birth date, sequence. An ID's
 * address code is never province-level, so a province's region code becomes its capital's first district.
 */
export const demoIdNumber = (regionCode: string, birthDate: string, sequence: number) => {
  const birthplace = regionCode.endsWith('0000') ? `${regionCode.slice(0, 2)}0102` : regionCode;
  const first17 = `${birthplace}${birthDate.replace(/-/g, '')}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};
