import { z } from 'zod';
import { Text } from '../common/text';
import { PageQuery, pageOf } from '../common/paging';

export const NoticeStatus = z.enum(['draft', 'published', 'withdrawn']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;
export const noticeStatusLabels: Record<NoticeStatus, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };

export const noticeAttachmentMaxBytes = 10 * 1024 * 1024;

export const NoticeListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, { message: '地区代码格式不正确' })
    .optional(),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuery>;

export const NoticeListItem = z.object({
  id: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  orgName: z.string(),
  regionName: z.string(),
});
export const NoticePage = pageOf(NoticeListItem);
export type NoticePage = z.infer<typeof NoticePage>;

export const NoticeAttachment = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number().int() });
export type NoticeAttachment = z.infer<typeof NoticeAttachment>;

export const NoticeDetail = NoticeListItem.extend({ body: z.string(), attachments: z.array(NoticeAttachment) });
export type NoticeDetail = z.infer<typeof NoticeDetail>;

export const NoticeAttachmentParams = z.object({ id: z.uuid({ message: '编号格式不正确' }), attId: z.uuid({ message: '编号格式不正确' }) });

// ---- management by the publishing bureau (permission notices.manage) ----

export const NoticeInput = z.object({
  title: Text({ label: '标题', max: 100, verb: '请填写' }),
  body: Text({ label: '正文', max: 20000, verb: '请填写', multiline: true }),
});
export type NoticeInput = z.infer<typeof NoticeInput>;

export const ManagedNoticeQuery = PageQuery.extend({
  status: NoticeStatus.optional(),
});
export type ManagedNoticeQuery = z.infer<typeof ManagedNoticeQuery>;

export const ManagedNotice = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  status: NoticeStatus,
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  attachments: z.array(NoticeAttachment),
});
export type ManagedNotice = z.infer<typeof ManagedNotice>;
export const ManagedNoticePage = pageOf(ManagedNotice);
export type ManagedNoticePage = z.infer<typeof ManagedNoticePage>;
