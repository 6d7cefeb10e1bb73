import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AnnualCompletion,
  CertificateQuery,
  CertificateVerification,
  HoursStatementQuery,
  ProrationInput,
  ProrationReceipt,
  VerifyQuery,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { PUBLIC } from '../../platform/http/access';
import { sendGenerated } from '../../platform/files/files';
import { hitRateLimit } from '../identity';
import { annualCompletion } from './completion.service';
import { verifyCertificate } from './certificates.service';
import { submitProration } from './proration.service';
import { printCertificate, printHoursStatement } from './certificates.print';

/** Verifications an address may ask for a minute: a person checking a stack of certificates, not a sweep of serials. */
const VERIFY_PER_MINUTE = 30;

/** 年度完成情况, 继续教育证书 and 学时证明 of a professional, and the public 学习记录验证. */
export const certificatesRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['年度完成情况与证书'];

  const requireProfessional = (req: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(req);
    if (actor.accountKind !== 'professional') throw new AppError('FORBIDDEN', '请以专业技术人员身份登录');
    return actor;
  };

  app.get('/api/me/completion', { schema: { tags, response: { 200: AnnualCompletion } } }, async (req) =>
    annualCompletion(ctx, requireProfessional(req).personId),
  );

  app.get('/api/me/certificate', { schema: { tags, querystring: CertificateQuery, produces: ['application/pdf'] } }, async (req, reply) => {
    const actor = requireProfessional(req);
    const file = await printCertificate(ctx, { personId: actor.personId, ...req.query, actor, origin: originOf(req) });
    return sendGenerated(reply, { ...file, contentType: 'application/pdf', inline: true });
  });

  app.get('/api/me/hours-statement', { schema: { tags, querystring: HoursStatementQuery, produces: ['application/pdf'] } }, async (req, reply) => {
    const actor = requireProfessional(req);
    const file = await printHoursStatement(ctx, { personId: actor.personId, ...req.query, actor, origin: originOf(req) });
    return sendGenerated(reply, { ...file, contentType: 'application/pdf', inline: true });
  });

  app.post('/api/me/prorations', { schema: { tags, body: ProrationInput, response: { 201: ProrationReceipt } } }, async (req, reply) => {
    const actor = requireProfessional(req);
    return reply.code(201).send(await submitProration(ctx, actor, req.body, originOf(req)));
  });

  app.get(
    '/api/certificates/verify',
    { ...PUBLIC, schema: { tags, querystring: VerifyQuery, response: { 200: CertificateVerification } } },
    async (req) => {
      const origin = originOf(req);
      await hitRateLimit(ctx, { bucket: 'certificate-verify', key: origin.ip ?? '', limit: VERIFY_PER_MINUTE, origin });
      return verifyCertificate(ctx, req.query.serial);
    },
  );
};
