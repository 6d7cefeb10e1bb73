import { isValidIdNumber, maskIdNumber, type CertificateDetails, type CertificatePeopleQuery, type CertificatePerson } from '@cep/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/scope';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import { annualCompletion } from './completion.service';
import { findPeopleInScope, findProfessionalFacts } from './completion.repository';
import { findBySerial } from './certificates.repository';
import { verifyCertificate } from './certificates.service';

const NOT_IN_SCOPE = '未找到该专业技术人员';

/** The person when their employer is in the admin's data scope; 404 otherwise (whether or not they exist). */
export const requirePersonInScope = async (ctx: AppContext, actor: Actor, personId: string) => {
  const facts = await findProfessionalFacts(ctx.db, personId);
  if (!facts || !isInScope(actor, facts.orgPath)) throw new AppError('NOT_FOUND', NOT_IN_SCOPE);
  return facts;
};

/** 电子证书查询打印: the people in scope with this ID number or name, and how the chosen year stands for each. */
export const findCertificatePeople = async (ctx: AppContext, actor: Actor, query: CertificatePeopleQuery, origin: AuditOrigin) => {
  const idNumber = query.q.toUpperCase();
  const byIdNumber = /^\d{17}[\dX]$/.test(idNumber);
  if (byIdNumber && !isValidIdNumber(idNumber)) throw new AppError('VALIDATION_FAILED', '身份证号格式不正确，请核对');
  if (!byIdNumber && /\d/.test(query.q)) throw new AppError('VALIDATION_FAILED', '请输入完整的18位身份证号，或姓名');
  const by = byIdNumber ? { idNumber } : { name: query.q };
  const people = await findPeopleInScope(ctx.db, actor.orgPath, by);
  await writeAudit(ctx.db, ctx.clock, {
    event: 'CERTIFICATE_PEOPLE_SEARCH',
    actor: auditActorOf(actor),
    origin,
    detail: { year: query.year, by: byIdNumber ? 'idNumber' : 'name', found: people.map((p) => p.personId) },
  });
  const items: CertificatePerson[] = [];
  for (const p of people) {
    const year = (await annualCompletion(ctx, p.personId)).years.find((y) => y.year === query.year);
    items.push({
      personId: p.personId,
      name: p.name,
      idNumberMasked: maskIdNumber(p.idNumber),
      employerName: p.employerName,
      year: query.year,
      result: year?.result ?? null,
      resultLabel: year?.resultLabel ?? '该年度未注册',
      counted: year?.counted ?? null,
      missing: year?.missing ?? null,
    });
  }
  return { items };
};

/**
 * 学习记录验证 by a bureau: a certificate of someone in its scope in full (name, employer, title) with its status.
 * A certificate of someone outside the scope is "not found", as an unknown serial is.
 */
export const certificateDetails = async (ctx: AppContext, actor: Actor, serial: string, origin: AuditOrigin): Promise<CertificateDetails> => {
  const row = await findBySerial(ctx.db, serial);
  const facts = row ? await findProfessionalFacts(ctx.db, row.personId) : null;
  if (!row || !facts || !isInScope(actor, facts.orgPath)) throw new AppError('NOT_FOUND', '未找到本辖区该编号的证书，请核对证书编号');
  const verified = await verifyCertificate(ctx, serial);
  await writeAudit(ctx.db, ctx.clock, {
    event: 'CERTIFICATE_DETAILS_VIEW',
    actor: auditActorOf(actor),
    origin,
    target: { type: 'certificate', id: row.id },
    detail: { serial: row.serial, personId: row.personId },
  });
  const { name, idNumberMasked, employerName, titleSeriesName, titleLevelName } = row.content;
  return { ...verified, name, idNumberMasked, employerName, titleSeriesName, titleLevelName };
};
