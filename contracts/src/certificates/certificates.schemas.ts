import { z } from 'zod';
import { LearningCategory } from '../profiles/learning-form.schemas';
import { Text } from '../common/text';
import { AttachmentIds } from '../reviews/reviews.schemas';

export const CompletionResult = z.enum(['passed', 'failed', 'inProgress']);
export type CompletionResult = z.infer<typeof CompletionResult>;
export const completionResultLabels: Record<CompletionResult, string> = { passed: '通过', failed: '未通过', inProgress: '进行中' };

export const HoursSource = z.enum(['claim', 'proxyClaim', 'unitClaim', 'sync']);
export type HoursSource = z.infer<typeof HoursSource>;
export const hoursSourceLabels: Record<HoursSource, string> = {
  claim: '学时申报',
  proxyClaim: '继续教育机构代申报',
  unitClaim: '单位培训',
  sync: '学习平台对接',
};

/** One hours record behind a year's figure, with the request it came from (one click away). */
export const CompletionRecord = z.object({
  id: z.string(),
  title: z.string(),
  category: LearningCategory,
  hours: z.number(),
  fullYear: z.boolean(),
  source: HoursSource,
  requestId: z.string().nullable(),
  /** The learning platform a synced record came from. */
  sourceName: z.string().nullable(),
  createdAt: z.string(),
});
export type CompletionRecord = z.infer<typeof CompletionRecord>;

const Hours3 = z.object({ total: z.number(), public: z.number(), specialized: z.number() });

/** 年度完成情况 of one year (annualCompletion): the standard, what counts, the result and what is missing. */
export const CompletionYear = z.object({
  year: z.number().int(),
  required: Hours3,
  counted: Hours3,
  result: CompletionResult,
  resultLabel: z.string(),
  missing: z.string().nullable(),
  note: z.string(),
  monthsInPost: z.number().int().nullable(),
  publicFullYear: z.boolean(),
  specializedFullYear: z.boolean(),
  records: z.array(CompletionRecord),
});
export type CompletionYear = z.infer<typeof CompletionYear>;

export const AnnualCompletion = z.object({
  years: z.array(CompletionYear),
  /** The cases in which the profile prorates a year's requirement (empty: the province does not). */
  prorationCases: z.array(z.string()),
});
export type AnnualCompletion = z.infer<typeof AnnualCompletion>;

/** 打印证书: one year, or a range merged on one certificate (合并打印). */
export const CertificateQuery = z
  .object({
    fromYear: z.coerce.number({ error: '请选择起始年度' }).int().min(2000).max(2100),
    toYear: z.coerce.number({ error: '请选择结束年度' }).int().min(2000).max(2100),
  })
  .refine((q) => q.fromYear <= q.toYear, { message: '起始年度不能晚于结束年度' });
export type CertificateQuery = z.infer<typeof CertificateQuery>;

/** 证书编号: as printed; spaces and letter case do not matter. */
export const CertificateSerial = z
  .string({ error: '请输入证书编号' })
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^\d{6}[0-9A-Z]{10}$/, { message: '证书编号应为16位，请核对' }));
export const VerifyQuery = z.object({ serial: CertificateSerial });

/** 学习记录验证 as the public sees it: whether the certificate is genuine and current, and the least about the person. */
export const CertificateVerification = z.object({
  serial: z.string(),
  status: z.enum(['valid', 'void']),
  statusLabel: z.string(),
  /** Why it is void: replaced by a newer certificate, or the records changed since it was printed. */
  reason: z.string().nullable(),
  successorSerial: z.string().nullable(),
  nameMasked: z.string(),
  idLast4: z.string(),
  years: z.array(z.object({ year: z.number().int(), public: z.number(), specialized: z.number(), total: z.number() })),
  issuerName: z.string(),
  issuedAt: z.string(),
});
export type CertificateVerification = z.infer<typeof CertificateVerification>;

/** 学时证明: the same year range as a certificate, for any year (passed or not). */
export const HoursStatementQuery = CertificateQuery;

/** 电子证书查询打印 (bureau): a year and an ID number or a name (as on the ID card) of someone in the bureau's scope. */
export const CertificatePeopleQuery = z.object({
  year: z.coerce.number({ error: '请选择年度' }).int().min(2000).max(2100),
  q: Text({ label: '身份证号或姓名', min: 2, max: 30 }),
});
export type CertificatePeopleQuery = z.infer<typeof CertificatePeopleQuery>;

export const CertificatePerson = z.object({
  personId: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  employerName: z.string(),
  year: z.number().int(),
  /** Null when the person has no row for the year (registered later). */
  result: CompletionResult.nullable(),
  resultLabel: z.string(),
  counted: Hours3.nullable(),
  missing: z.string().nullable(),
});
export type CertificatePerson = z.infer<typeof CertificatePerson>;
export const CertificatePeople = z.object({ items: z.array(CertificatePerson) });

export const PersonParams = z.object({ personId: z.uuid({ message: '编号格式不正确' }) });

/** 学习记录验证 by a bureau for someone in its scope: what the certificate states in full, and whether it is current. */
export const CertificateDetails = CertificateVerification.extend({
  name: z.string(),
  idNumberMasked: z.string(),
  employerName: z.string(),
  titleSeriesName: z.string(),
  titleLevelName: z.string(),
});
export type CertificateDetails = z.infer<typeof CertificateDetails>;

/**
 * 年度学时折算 (seed 002: 境外工作、病假超过6个月、生育…): the year's requirement prorated to the months actually in
 * post, once the employer and up approve it with proof.
 */
export const ProrationInput = z.object({
  creditYear: z.number({ error: '请选择年度' }).int().min(2000).max(2100),
  reason: Text({ label: '折算事由', max: 60, verb: '请选择' }),
  monthsInPost: z
    .number({ error: '请填写年度内实际在岗月数' })
    .int({ message: '在岗月数应为整数' })
    .min(0, { message: '在岗月数不能小于0' })
    .max(11, { message: '在岗满12个月的年度无需折算' }),
  explanation: Text({ label: '情况说明', max: 200, multiline: true }),
  attachmentIds: AttachmentIds.min(1, { message: '请上传证明材料（如出境记录、病假证明、出生医学证明等）' }),
});
export type ProrationInput = z.infer<typeof ProrationInput>;
export const ProrationReceipt = z.object({ id: z.string(), status: z.string() });
