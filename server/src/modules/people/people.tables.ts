import type { ColumnType, Generated } from 'kysely';
import type { Employment, PeopleImportStatus } from '@cep/contracts';

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
  /** Codes of the profile's 民族 and 学历 lists, as 批量导入 gave them (registration does not ask). */
  ethnicity: string | null;
  education: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** One uploaded 批量导入 workbook: its progress is committed with each batch of people it creates. */
export interface PeopleImportTable {
  id: Generated<string>;
  orgId: string;
  personId: string;
  accountId: string;
  /** Where a row that names no employer goes. */
  employerId: string;
  filename: string;
  storedName: string;
  status: Generated<PeopleImportStatus>;
  totalRows: number | null;
  processedRows: Generated<number>;
  createdCount: Generated<number>;
  failedCount: Generated<number>;
  error: string | null;
  createdAt: Timestamp;
  startedAt: Timestamp | null;
  finishedAt: Timestamp | null;
}

/** A refused row: its cells as given, for the failure workbook. */
export interface PeopleImportFailureTable {
  importId: string;
  rowNo: number;
  cells: ColumnType<Record<string, string>, string, string>;
  reason: string;
}

export interface PeopleTables {
  professionalProfile: ProfessionalProfileTable;
  peopleImport: PeopleImportTable;
  peopleImportFailure: PeopleImportFailureTable;
}

declare module '../../platform/db/schema' {
  interface Database extends PeopleTables {}
}
