import type { ColumnType, Generated } from 'kysely';
import type { LearningCategory } from '@cep/contracts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** numeric columns: pg returns text; the repository reads them as float8. */
type Hours = ColumnType<string, number, number>;

/** Hours that count: one row per person, credit year and category a claim (or another source) credits. */
export interface HoursRecordTable {
  id: Generated<string>;
  personId: string;
  creditYear: number;
  category: LearningCategory;
  hours: Hours;
  /** The year's whole requirement of this category (课程进修满6个月, 援藏援疆满一年). */
  fullYear: boolean;
  source: 'claim' | 'proxyClaim' | 'unitClaim' | 'sync';
  requestId: string | null;
  formCode: string | null;
  title: string;
  createdAt: Timestamp;
}

/** A person's year as its records add up, kept in the transaction that changes a record. */
export interface PersonYearTable {
  personId: string;
  creditYear: number;
  publicHours: Hours;
  specializedHours: Hours;
  publicFullYear: boolean;
  specializedFullYear: boolean;
  updatedAt: Timestamp;
}

export interface ClaimsTables {
  hoursRecord: HoursRecordTable;
  personYear: PersonYearTable;
}

declare module '../../platform/db/schema' {
  interface Database extends ClaimsTables {}
}
