import type { ColumnType, Generated } from 'kysely';
import type { LearningCategory, SyncResult } from '@cep/contracts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Hours = ColumnType<string, number, number>;

export interface SyncSourceTable {
  id: Generated<string>;
  name: string;
  categories: LearningCategory[];
  fromYear: number;
  toYear: number;
  /** SHA-256 of the API key (the key is 256 random bits: a slow hash adds nothing). */
  keyHash: string;
  keyPrefix: string;
  createdByAccountId: string;
  createdAt: Timestamp;
  revokedAt: Timestamp | null;
  lastBatchAt: Timestamp | null;
  acceptedCount: Generated<number>;
  refusedCount: Generated<number>;
}

export interface SyncBatchTable {
  id: Generated<string>;
  sourceId: string;
  receivedAt: Timestamp;
  itemCount: number;
  counts: ColumnType<Record<SyncResult, number>, string, string>;
}

export interface SyncRecordTable {
  id: Generated<string>;
  sourceId: string;
  externalId: string;
  batchId: string;
  personId: string;
  course: string;
  category: LearningCategory;
  hours: Hours;
  completedOn: ColumnType<string, string, string>;
  seriesCode: string | null;
  contentHash: string;
  hoursRecordId: string | null;
  receivedAt: Timestamp;
  supersededAt: Timestamp | null;
  supersededBy: string | null;
}

export interface SyncRefusalTable {
  id: Generated<string>;
  batchId: string;
  sourceId: string;
  receivedAt: Timestamp;
  externalId: string;
  idNumberMasked: string;
  name: string;
  course: string;
  result: SyncResult;
  message: string;
}

export interface HoursSyncTables {
  syncSource: SyncSourceTable;
  syncBatch: SyncBatchTable;
  syncRecord: SyncRecordTable;
  syncRefusal: SyncRefusalTable;
}

declare module '../../platform/db/schema' {
  interface Database extends HoursSyncTables {}
}
