import type { ColumnType } from 'kysely';

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
