import type { Actor } from '../../platform/auth/actor';
import { auditActorOf } from '../../platform/auth/actor';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import { renderCertificatePdf } from './certificate.pdf';
import { issueCertificate } from './certificates.service';
import { hoursStatement } from './hours-statement';
import { renderHoursStatementPdf } from './hours-statement.pdf';

/** The public page a certificate's QR code opens. */
export const verifyUrlOf = (ctx: AppContext, serial: string) => `${ctx.config.publicUrl}/verify?serial=${serial}`;

const yearsText = (fromYear: number, toYear: number) => (fromYear === toYear ? `${fromYear}` : `${fromYear}-${toYear}`);

type Print = { personId: string; fromYear: number; toYear: number; actor: Actor; origin: AuditOrigin };

/** 打印证书, by the person or by a bureau in scope: the PDF and its file name; every print is audited. */
export const printCertificate = async (ctx: AppContext, p: Print) => {
  const { certificate, minted } = await issueCertificate(ctx, p.personId, p.fromYear, p.toYear);
  const bytes = await renderCertificatePdf(certificate.content, {
    serial: certificate.serial,
    issuedAt: certificate.issuedAt,
    verifyUrl: verifyUrlOf(ctx, certificate.serial),
  });
  await writeAudit(ctx.db, ctx.clock, {
    event: 'CERTIFICATE_PRINT',
    actor: auditActorOf(p.actor),
    origin: p.origin,
    target: { type: 'certificate', id: certificate.id },
    detail: { serial: certificate.serial, personId: p.personId, fromYear: p.fromYear, toYear: p.toYear, minted },
  });
  return { bytes, filename: `继续教育证书_${yearsText(p.fromYear, p.toYear)}_${certificate.serial}.pdf` };
};

/** 学时证明, by the person or by an admin in scope: the PDF and its file name; every print is audited. */
export const printHoursStatement = async (ctx: AppContext, p: Print) => {
  const statement = await hoursStatement(ctx, p.personId, p.fromYear, p.toYear);
  const printedBy = p.actor.accountKind === 'professional' ? `${p.actor.personName}（本人）` : p.actor.orgName;
  const bytes = await renderHoursStatementPdf(statement, { printedAt: ctx.clock.now(), printedBy });
  await writeAudit(ctx.db, ctx.clock, {
    event: 'HOURS_STATEMENT_PRINT',
    actor: auditActorOf(p.actor),
    origin: p.origin,
    target: { type: 'person', id: p.personId },
    detail: { fromYear: p.fromYear, toYear: p.toYear },
  });
  return { bytes, filename: `学时证明_${yearsText(p.fromYear, p.toYear)}_${statement.name}.pdf` };
};
