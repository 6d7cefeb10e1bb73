import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A bureau's announcement (通知公告); its region is the publishing bureau's region. */
export interface NoticeTable {
  id: Generated<string>;
  orgId: string;
  regionCode: string;
  title: string;
  /** Plain text; the web renders it as text, never as HTML. */
  body: string;
  status: 'draft' | 'published' | 'withdrawn';
  publishedAt: Timestamp | null;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface NoticeAttachmentTable {
  id: Generated<string>;
  noticeId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Random name of the blob under <dataDir>/files/; never derived from the uploaded filename. */
  storedName: string;
  createdAt: Timestamp;
}

export interface NoticesTables {
  notice: NoticeTable;
  noticeAttachment: NoticeAttachmentTable;
}

declare module '../../platform/db/schema' {
  interface Database extends NoticesTables {}
}
