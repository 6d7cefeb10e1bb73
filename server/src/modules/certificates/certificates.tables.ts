import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** What a certificate prints: enough to render it again exactly and to verify it without the person's records. */
export type CertificateContent = {
  provinceName: string;
  name: string;
  idNumberMasked: string;
  /** The ID number's last 4 characters: what the public verification page shows of it. */
  idLast4: string;
  employerName: string;
  titleSeriesName: string;
  titleLevelName: string;
  years: { year: number; public: number; specialized: number; total: number }[];
  totals: { public: number; specialized: number; total: number };
  issuerName: string;
};

export interface CertificateTable {
  id: Generated<string>;
  serial: string;
  personId: string;
  fromYear: number;
  toYear: number;
  content: ColumnType<CertificateContent, string, string>;
  contentHash: string;
  issuerOrgId: string | null;
  issuedAt: Timestamp;
  supersededBy: string | null;
  supersededAt: Timestamp | null;
}

/** An approved 年度学时折算: the year's requirement prorated to the months in post. */
export interface YearProrationTable {
  personId: string;
  creditYear: number;
  monthsInPost: number;
  reason: string;
  requestId: string;
  approvedAt: Timestamp;
}

export interface CertificatesTables {
  certificate: CertificateTable;
  yearProration: YearProrationTable;
}

declare module '../../platform/db/schema' {
  interface Database extends CertificatesTables {}
}
