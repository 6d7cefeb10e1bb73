import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { IdParams, RequestAttachment, requestVideoMaxBytes } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/auth/actor';
import { readUploadStream, sendStored } from '../../platform/files/files';
import { checkUploadQuota, downloadAttachment, removeUnboundAttachment, uploadAttachment } from './reviews.attachments';

const base = '/api/requests/attachments';

/** 附件 of requests: uploaded before filing, bound when filed, downloaded by the uploader and the request's reviewers. */
export const requestAttachmentRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  // The largest kind's limit (a video's); each kind's own is checked once the file is on disk.
  await root.register(multipart, { limits: { fileSize: requestVideoMaxBytes, files: 1, fields: 5 }, throwFileSizeLimit: false });
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['审核'];

  app.post(base, { schema: { tags, consumes: ['multipart/form-data'], response: { 201: RequestAttachment } } }, async (req, reply) => {
    const actor = requireActor(req);
    // Refused before the body is read: a person over the quota does not get another file onto the disk.
    await checkUploadQuota(ctx, actor);
    return reply.status(201).send(await uploadAttachment(ctx, actor, await readUploadStream(req)));
  });
  app.delete(`${base}/:id`, { schema: { tags, params: IdParams } }, async (req, reply) => {
    await removeUnboundAttachment(ctx, requireActor(req), req.params.id);
    return reply.status(204).send();
  });
  app.get(`${base}/:id`, { schema: { tags, params: IdParams } }, async (req, reply) => {
    const file = await downloadAttachment({ ctx, actor: requireActor(req), id: req.params.id, origin: originOf(req) });
    return sendStored(reply, ctx.config.dataDir, file);
  });
};
