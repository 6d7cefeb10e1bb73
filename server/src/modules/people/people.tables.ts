import type { ColumnType, Generated } from 'kysely';
import type { Employment } from '@cep/contracts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * Title series, level and major of a professional account, as registered (codes of the profile's catalogs).
 * `person` and `account` are declared with the platform's tables (sessions read them); this module writes all three.
 */
export interface ProfessionalProfileTable {
  accountId: string;
  personId: string;
  titleSeries: string;
  titleLevel: string;
  major: string;
  /** 'YYYY-MM-DD'; null when the person holds no title. */
  titleObtainedOn: string | null;
  gender: 'male' | 'female';
  /** 在职, or 离职 / 退休 from `employmentSince` ('YYYY-MM-DD'), as the employer marked it. */
  employment: Generated<Employment>;
  employmentSince: string | null;
  birthDate: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface PeopleTables {
  professionalProfile: ProfessionalProfileTable;
}

declare module '../../platform/db/schema' {
  interface Database extends PeopleTables {}
}
