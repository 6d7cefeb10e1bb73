import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AnnualCompletion, CertificateQuery, CertificateVerification, VerifyQuery } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { PUBLIC } from '../../platform/http/access';
import { sendGenerated } from '../../platform/files/files';
import { hitRateLimit } from '../identity';
import { annualCompletion } from './completion.service';
import { issueCertificate, verifyCertificate } from './certificates.service';
import { renderCertificatePdf } from './certificate.pdf';

/** Verifications an address may ask for a minute: a person checking a stack of certificates, not a sweep of serials. */
const VERIFY_PER_MINUTE = 30;

/** The public page a certificate's QR code opens. */
export const verifyUrlOf = (ctx: AppContext, serial: string) => `${ctx.config.publicUrl}/verify?serial=${serial}`;

/** 年度完成情况 and 继续教育证书 of a professional, and the public 学习记录验证. */
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
    const { fromYear, toYear } = req.query;
    const { certificate, minted } = await issueCertificate(ctx, actor.personId, fromYear, toYear);
    const bytes = await renderCertificatePdf(certificate.content, {
      serial: certificate.serial,
      issuedAt: certificate.issuedAt,
      verifyUrl: verifyUrlOf(ctx, certificate.serial),
    });
    await writeAudit(ctx.db, ctx.clock, {
      event: 'CERTIFICATE_PRINT',
      actor: { personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId },
      origin: originOf(req),
      target: { type: 'certificate', id: certificate.id },
      detail: { serial: certificate.serial, fromYear, toYear, minted },
    });
    const years = fromYear === toYear ? `${fromYear}` : `${fromYear}-${toYear}`;
    return sendGenerated(reply, { filename: `继续教育证书_${years}_${certificate.serial}.pdf`, contentType: 'application/pdf', bytes, inline: true });
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
