import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AnnualCompletion,
  CertificateDetails,
  CertificatePeople,
  CertificatePeopleQuery,
  CertificateQuery,
  HoursStatementQuery,
  PersonParams,
  VerifyQuery,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireAnyPermission, requirePermission } from '../../platform/auth/actor';
import { sendGenerated } from '../../platform/files/files';
import { certificateDetails, findCertificatePeople, requirePersonInScope } from './certificates.admin.service';
import { printCertificate, printHoursStatement } from './certificates.print';
import { annualCompletion } from './completion.service';

/**
 * A bureau's 电子证书查询打印 and 学习记录验证, and 学时证明 for admins in scope: a person outside the admin's
 * data scope is 404, whatever the route.
 */
export const certificatesAdminRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['年度完成情况与证书'];
  const pdf = { produces: ['application/pdf'] };

  app.get('/api/certificates/people', { schema: { tags, querystring: CertificatePeopleQuery, response: { 200: CertificatePeople } } }, async (req) =>
    findCertificatePeople(ctx, requirePermission(req, 'statistics.certificates'), req.query, originOf(req)),
  );

  app.get(
    '/api/certificates/people/:personId/certificate',
    { schema: { tags, params: PersonParams, querystring: CertificateQuery, ...pdf } },
    async (req, reply) => {
      const actor = requirePermission(req, 'statistics.certificates');
      await requirePersonInScope(ctx, actor, req.params.personId);
      const file = await printCertificate(ctx, { personId: req.params.personId, ...req.query, actor, origin: originOf(req) });
      return sendGenerated(reply, { ...file, contentType: 'application/pdf', inline: true });
    },
  );

  app.get(
    '/api/certificates/people/:personId/hours-statement',
    { schema: { tags, params: PersonParams, querystring: HoursStatementQuery, ...pdf } },
    async (req, reply) => {
      const actor = requireAnyPermission(req, ['statistics.certificates', 'statistics.people']);
      await requirePersonInScope(ctx, actor, req.params.personId);
      const file = await printHoursStatement(ctx, { personId: req.params.personId, ...req.query, actor, origin: originOf(req) });
      return sendGenerated(reply, { ...file, contentType: 'application/pdf', inline: true });
    },
  );

  app.get(
    '/api/certificates/people/:personId/completion',
    { schema: { tags, params: PersonParams, response: { 200: AnnualCompletion } } },
    async (req) => {
      const actor = requireAnyPermission(req, ['statistics.certificates', 'statistics.people']);
      await requirePersonInScope(ctx, actor, req.params.personId);
      return annualCompletion(ctx, req.params.personId);
    },
  );

  app.get('/api/certificates/details', { schema: { tags, querystring: VerifyQuery, response: { 200: CertificateDetails } } }, async (req) =>
    certificateDetails(ctx, requirePermission(req, 'statistics.verify'), req.query.serial, originOf(req)),
  );
};
