import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { IdParams, PeopleImport, PeopleImportFields, PeopleImportList, peopleImportMaxBytes } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requirePermission } from '../../platform/auth/actor';
import { readUploadStream, sendGenerated } from '../../platform/files/files';
import { contentTypeOf } from '../../platform/files/file-types';
import { failureWorkbook, getImport, importTemplate, listImports, startImport } from './people-import.service';

const base = '/api/people-imports';
const XLSX = contentTypeOf.xlsx;

/** 批量导入 (bureaus and employers): the template, the upload that queues an import, its progress and failures. */
export const peopleImportRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  await root.register(multipart, { limits: { fileSize: peopleImportMaxBytes + 1, files: 1, fields: 2 }, throwFileSizeLimit: false });
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['批量导入'];
  const admin = (req: Parameters<typeof requirePermission>[0]) => requirePermission(req, 'imports.people');

  app.get(`${base}/template`, { schema: { tags } }, async (req, reply) => {
    admin(req);
    return sendGenerated(reply, { filename: '专业技术人员批量导入模板.xlsx', contentType: XLSX, bytes: await importTemplate(ctx) });
  });
  app.post(
    base,
    { schema: { tags, querystring: PeopleImportFields, consumes: ['multipart/form-data'], response: { 201: PeopleImport } } },
    async (req, reply) => {
      const actor = admin(req);
      const started = await startImport(ctx, actor, originOf(req), { employerId: req.query.employerId, openUpload: () => readUploadStream(req) });
      return reply.status(201).send(started);
    },
  );
  app.get(base, { schema: { tags, response: { 200: PeopleImportList } } }, async (req) => listImports(ctx, admin(req)));
  app.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: PeopleImport } } }, async (req) =>
    getImport(ctx, admin(req), req.params.id),
  );
  app.get(`${base}/:id/failures`, { schema: { tags, params: IdParams } }, async (req, reply) => {
    const file = await failureWorkbook(ctx, admin(req), originOf(req), req.params.id);
    return sendGenerated(reply, { filename: file.filename, contentType: XLSX, bytes: file.bytes });
  });
};
