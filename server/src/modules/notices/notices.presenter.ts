import type { ManagedNotice, NoticeAttachment, NoticeDetail } from '@cep/contracts';

type AttachmentRow = { id: string; filename: string; contentType: string; size: number };
type PublicRow = { id: string; title: string; publishedAt: Date | null; body: string; orgName: string; regionName: string };
type OwnRow = { id: string; title: string; body: string; status: 'draft' | 'published' | 'withdrawn'; publishedAt: Date | null; updatedAt: Date };

export const presentAttachment = (a: AttachmentRow): NoticeAttachment => ({
  id: a.id,
  filename: a.filename,
  contentType: a.contentType,
  size: a.size,
});

export const presentNoticeListItem = (row: PublicRow) => ({
  id: row.id,
  title: row.title,
  publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
  orgName: row.orgName,
  regionName: row.regionName,
});

export const presentNoticeDetail = (row: PublicRow, attachments: AttachmentRow[]): NoticeDetail => ({
  ...presentNoticeListItem(row),
  body: row.body,
  attachments: attachments.map(presentAttachment),
});

export const presentManagedNotice = (row: OwnRow, attachments: (AttachmentRow & { noticeId: string })[]): ManagedNotice => ({
  id: row.id,
  title: row.title,
  body: row.body,
  status: row.status,
  publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
  updatedAt: row.updatedAt.toISOString(),
  attachments: attachments.filter((a) => a.noticeId === row.id).map(presentAttachment),
});
