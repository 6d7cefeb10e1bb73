import { idNumberCheckChar } from '@cep/contracts';

/** A valid (checksummed) but made-up ID number for demo people: region, birth date, sequence. */
export const demoIdNumber = (regionCode: string, birthDate: string, sequence: number) => {
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};
