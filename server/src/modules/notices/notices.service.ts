import type { NoticeDetail, NoticeListQuery, NoticePage } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import { presentNoticeDetail, presentNoticeListItem } from './notices.presenter';
import { findAttachment, findPublishedNotice, listAttachments, listPublishedNotices, regionAncestry } from './notices.repository';

/**
 * Published notices, newest first. With a region: that region's notices and those of the regions above it
 * (a province notice shows everywhere; a city's shows for the city and its counties). Without: all of them.
 */
export const listPublicNotices = async (ctx: AppContext, query: NoticeListQuery): Promise<NoticePage> => {
  const regionCodes = query.regionCode ? await regionAncestry(ctx.db, query.regionCode) : null;
  if (regionCodes && regionCodes.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await listPublishedNotices(ctx.db, { regionCodes, page: query.page, pageSize: query.pageSize });
  return { items: rows.map(presentNoticeListItem), total, page: query.page, pageSize: query.pageSize };
};

export const getPublicNotice = async (ctx: AppContext, id: string): Promise<NoticeDetail> => {
  const row = await findPublishedNotice(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '该公告不存在或已撤回');
  return presentNoticeDetail(row, await listAttachments(ctx.db, [row.id]));
};

export const downloadAttachment = async (ctx: AppContext, input: { noticeId: string; attachmentId: string }) => {
  const notice = await findPublishedNotice(ctx.db, input.noticeId);
  const attachment = notice ? await findAttachment(ctx.db, input.noticeId, input.attachmentId) : undefined;
  if (!attachment) throw new AppError('NOT_FOUND', '附件不存在');
  return attachment;
};
