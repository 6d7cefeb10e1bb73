import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import {
  IdParams,
  ManagedNotice,
  ManagedNoticePage,
  ManagedNoticeQuery,
  NoticeAttachmentParams,
  NoticeInput,
  noticeAttachmentMaxBytes,
  type Permission,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requirePermission } from '../../platform/auth/actor';
import { readUpload, sendStored } from '../../platform/files/files';
import {
  addAttachment,
  changeNoticeStatus,
  createNotice,
  downloadOwnAttachment,
  editNotice,
  getOwnNotice,
  listManagedNotices,
  removeAttachment,
} from './notices.manage.service';

const PERMISSION: Permission = 'notices.manage';
const base = '/api/notices/manage';

/** 通知公告 management by a bureau: its own notices only (another bureau's notice is 404). */
export const noticeManageRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  await root.register(multipart, { limits: { fileSize: noticeAttachmentMaxBytes, files: 1, fields: 5 } });
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['notices-manage'];
  const change = (req: FastifyRequest) => ({ actor: requirePermission(req, PERMISSION), origin: originOf(req) });

  app.get(base, { schema: { tags, querystring: ManagedNoticeQuery, response: { 200: ManagedNoticePage } } }, async (req) =>
    listManagedNotices(ctx, requirePermission(req, PERMISSION), req.query),
  );
  app.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: ManagedNotice } } }, async (req) =>
    getOwnNotice(ctx, requirePermission(req, PERMISSION), req.params.id),
  );
  app.post(base, { schema: { tags, body: NoticeInput, response: { 200: ManagedNotice } } }, async (req) => createNotice(ctx, change(req), req.body));
  app.put(`${base}/:id`, { schema: { tags, params: IdParams, body: NoticeInput, response: { 200: ManagedNotice } } }, async (req) =>
    editNotice(ctx, change(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/publish`, { schema: { tags, params: IdParams, response: { 200: ManagedNotice } } }, async (req) =>
    changeNoticeStatus(ctx, change(req), req.params.id, 'publish'),
  );
  app.post(`${base}/:id/withdraw`, { schema: { tags, params: IdParams, response: { 200: ManagedNotice } } }, async (req) =>
    changeNoticeStatus(ctx, change(req), req.params.id, 'withdraw'),
  );
  app.post(
    `${base}/:id/attachments`,
    { schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 200: ManagedNotice } } },
    async (req) => {
      const who = change(req);
      return addAttachment(ctx, who, req.params.id, await readUpload(req, noticeAttachmentMaxBytes));
    },
  );
  app.delete(`${base}/:id/attachments/:attId`, { schema: { tags, params: NoticeAttachmentParams, response: { 200: ManagedNotice } } }, async (req) =>
    removeAttachment(ctx, change(req), req.params.id, req.params.attId),
  );
  app.get(`${base}/:id/attachments/:attId`, { schema: { tags, params: NoticeAttachmentParams } }, async (req, reply) => {
    const file = await downloadOwnAttachment(ctx, { actor: requirePermission(req, PERMISSION), id: req.params.id, attachmentId: req.params.attId });
    return sendStored(reply, ctx.config.dataDir, file);
  });
};
