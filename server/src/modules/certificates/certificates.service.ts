import { createHash, randomInt } from 'node:crypto';
import { completionResultLabels, maskIdNumber, type CertificateVerification, type CompletionYear } from '@cep/contracts';
import { loadProfile, titleLevelByCode, titleSeriesByCode } from '@cep/profiles';
import type { AppContext } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { annualCompletion } from './completion.service';
import { findProfessionalFacts } from './completion.repository';
import { findBySerial, findCurrent, findSerialOf, insertCertificate, lockCertificatesOf, pointToSuccessor, retire } from './certificates.repository';
import type { CertificateContent } from './certificates.tables';

/** A range of years on one certificate at most (合并打印 of a title's usual five-year review, with room). */
export const MAX_CERTIFICATE_YEARS = 10;

// Crockford's base32 without I, L, O, U: read aloud and typed without confusion.
const SERIAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Province digits, the last year, then 10 random characters (50 bits): unique in the province and not guessable. */
const newSerial = (provinceCode: string, toYear: number) =>
  `${provinceCode.slice(0, 2)}${toYear}${Array.from({ length: 10 }, () => SERIAL_ALPHABET[randomInt(SERIAL_ALPHABET.length)]).join('')}`;

const hashOf = (content: CertificateContent) => createHash('sha256').update(JSON.stringify(content)).digest('hex');

/** The years of the range with their results; refuses a range with a year that has not passed, naming it. */
const passedYears = (years: CompletionYear[], fromYear: number, toYear: number) => {
  const chosen = years.filter((y) => y.year >= fromYear && y.year <= toYear).sort((a, b) => a.year - b.year);
  if (chosen.length !== toYear - fromYear + 1) throw new AppError('VALIDATION_FAILED', `${fromYear}至${toYear}年度中有未登记的年度，不能打印证书`);
  const failing = chosen.find((y) => y.result !== 'passed');
  if (failing) {
    const why = failing.missing ? `（${failing.missing}）` : '';
    throw new AppError('INVALID_STATE', `${failing.year}年度${completionResultLabels[failing.result]}${why}，达标后才能打印该年度的继续教育证书`);
  }
  return chosen;
};

/** What a certificate of these years prints now, from the person's records and registration. */
export const certificateContent = async (ctx: AppContext, personId: string, fromYear: number, toYear: number, db: DbOrTx = ctx.db) => {
  if (fromYear > toYear) throw new AppError('VALIDATION_FAILED', '起始年度不能晚于结束年度');
  if (toYear - fromYear + 1 > MAX_CERTIFICATE_YEARS) throw new AppError('VALIDATION_FAILED', `一次最多合并打印${MAX_CERTIFICATE_YEARS}个年度`);
  const facts = await findProfessionalFacts(db, personId);
  if (!facts) throw new AppError('FORBIDDEN', '只有专业技术人员有继续教育证书');
  const profile = loadProfile(ctx.config.profile);
  const years = passedYears((await annualCompletion(ctx, personId, db)).years, fromYear, toYear).map((y) => ({
    year: y.year,
    public: y.counted.public,
    specialized: y.counted.specialized,
    total: y.counted.total,
  }));
  const sum = (pick: (y: (typeof years)[number]) => number) => Math.round(years.reduce((n, y) => n + pick(y), 0) * 100) / 100;
  const content: CertificateContent = {
    provinceName: profile.provinceName,
    name: facts.name,
    idNumberMasked: maskIdNumber(facts.idNumber),
    idLast4: facts.idNumber.slice(-4),
    employerName: facts.employerName,
    titleSeriesName: titleSeriesByCode(profile, facts.titleSeries)?.name ?? '—',
    titleLevelName: titleLevelByCode(profile, facts.titleLevel as never)?.name ?? '—',
    years,
    totals: { public: sum((y) => y.public), specialized: sum((y) => y.specialized), total: sum((y) => y.total) },
    issuerName: facts.bureauName ?? `${profile.provinceName}人力资源和社会保障厅`,
  };
  return { content, issuerOrgId: facts.bureauId };
};

/**
 * 打印证书: the person's certificate of a passed year or range. The same content keeps its serial (printing again
 * mints nothing); changed content (hours approved or taken back since) mints a new serial and supersedes the old.
 */
export const issueCertificate = async (ctx: AppContext, personId: string, fromYear: number, toYear: number) =>
  ctx.db.transaction().execute(async (tx) => {
    await lockCertificatesOf(tx, personId);
    const { content, issuerOrgId } = await certificateContent(ctx, personId, fromYear, toYear, tx);
    const contentHash = hashOf(content);
    const current = await findCurrent(tx, personId, fromYear, toYear);
    if (current?.contentHash === contentHash) return { certificate: current, minted: false };
    const now = ctx.clock.now();
    const serial = newSerial(loadProfile(ctx.config.profile).provinceCode, toYear);
    if (current) await retire(tx, current.id, now);
    const certificate = await insertCertificate(tx, { serial, personId, fromYear, toYear, content, contentHash, issuerOrgId, issuedAt: now });
    if (current) await pointToSuccessor(tx, current.id, certificate.id);
    return { certificate, minted: true };
  });

/** "张*明": the first and last characters of a name, the middle masked (a two-character name keeps its first). */
export const maskNameMiddle = (name: string) => {
  const chars = Array.from(name);
  if (chars.length <= 2) return `${chars[0] ?? ''}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
};

const sameHours = (a: CertificateContent['years'], b: CertificateContent['years']) =>
  a.length === b.length && a.every((y, i) => y.year === b[i]!.year && y.public === b[i]!.public && y.specialized === b[i]!.specialized);

/** Whether the certificate still says what the records say: void when replaced, or when its years' hours changed since. */
const voidReason = async (ctx: AppContext, row: NonNullable<Awaited<ReturnType<typeof findBySerial>>>) => {
  if (row.supersededAt) return { reason: '该证书已被新证书替代', successorId: row.supersededBy };
  const now = await certificateContent(ctx, row.personId, row.fromYear, row.toYear).catch(() => null);
  if (!now) return { reason: '证书所载年度的学时已不再达标', successorId: null };
  if (!sameHours(now.content.years, row.content.years)) return { reason: '证书所载年度的学时记录已变更，请重新打印', successorId: null };
  return null;
};

/**
 * 学习记录验证 (public, and the QR code's target): whether a serial is a genuine, current certificate, with the least
 * about the person (the name's middle masked, the ID number's last 4) and the years and hours it states.
 */
export const verifyCertificate = async (ctx: AppContext, serial: string): Promise<CertificateVerification> => {
  const row = await findBySerial(ctx.db, serial);
  if (!row) throw new AppError('NOT_FOUND', '未找到该编号的证书，请核对证书编号');
  const voided = await voidReason(ctx, row);
  return {
    serial: row.serial,
    status: voided ? 'void' : 'valid',
    statusLabel: voided ? '已作废' : '有效',
    reason: voided?.reason ?? null,
    successorSerial: voided?.successorId ? await findSerialOf(ctx.db, voided.successorId) : null,
    nameMasked: maskNameMiddle(row.content.name),
    idLast4: row.content.idLast4,
    years: row.content.years,
    issuerName: row.content.issuerName,
    issuedAt: row.issuedAt.toISOString(),
  };
};
