import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, NoticeAttachmentParams, NoticeDetail, NoticeListQuery, NoticePage } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { PUBLIC } from '../../platform/http/access';
import { sendStored } from '../../platform/files/files';
import { downloadAttachment, getPublicNotice, listPublicNotices } from './notices.service';
import { noticeManageRoutes } from './notices.manage.routes';

/** 通知公告 on the portal: published notices for everyone, newest first, and their attachments. */
export const noticesRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['notices'];
  app.get('/api/notices', { ...PUBLIC, schema: { tags, querystring: NoticeListQuery, response: { 200: NoticePage } } }, async (req) =>
    listPublicNotices(ctx, req.query),
  );
  app.get('/api/notices/:id', { ...PUBLIC, schema: { tags, params: IdParams, response: { 200: NoticeDetail } } }, async (req) =>
    getPublicNotice(ctx, req.params.id),
  );
  app.get('/api/notices/:id/attachments/:attId', { ...PUBLIC, schema: { tags, params: NoticeAttachmentParams } }, async (req, reply) =>
    sendStored(reply, ctx.config.dataDir, await downloadAttachment(ctx, { noticeId: req.params.id, attachmentId: req.params.attId })),
  );
  // biome-ignore lint/nursery/noMisusedPromises: Fastify awaits an async plugin (its types say so; Biome cannot see them).
  await app.register(async (scope) => noticeManageRoutes(scope, ctx));
};
