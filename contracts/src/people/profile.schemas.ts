import { z } from 'zod';
import { PersonName, Text } from '../common/text';
import { PersonIdNumber } from '../common/id-number';
import { AttachmentIds } from '../reviews/reviews.schemas';
import { TitleLevel } from '../registration/registration.schemas';

const Code = (label: string) => Text({ label, max: 60, verb: '请选择' });

const OpenChange = z.object({ id: z.string(), title: z.string(), statusLabel: z.string(), canWithdraw: z.boolean() });

/** 用户资料管理 → 基本信息: what the professional sees of themselves, with a 职称 change waiting for review if any. */
export const MyProfile = z.object({
  name: z.string(),
  idNumberMasked: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  employerName: z.string(),
  employmentLabel: z.string(),
  titleSeries: z.string(),
  titleSeriesName: z.string(),
  titleLevel: TitleLevel,
  titleLevelName: z.string(),
  titleObtainedOn: z.string().nullable(),
  major: z.string(),
  majorName: z.string(),
  openTitleChange: OpenChange.nullable(),
  openIdentityChange: OpenChange.nullable(),
  /** 账号注销 filed by the person or their employer, while it waits. */
  openClosure: OpenChange.nullable(),
  /** When the next 证件信息修改 may be filed (once in 30 days), or null when it may now. */
  identityChangeAllowedFrom: z.string().nullable(),
});
export type MyProfile = z.infer<typeof MyProfile>;

/** The fields that save at once (seed 002 FAQ 19: 直接修改保存即可). */
export const PlainProfileInput = z.object({ major: Code('所学专业') });
export type PlainProfileInput = z.infer<typeof PlainProfileInput>;

/** 专业技术职务: saved as a request the employer reviews (审核人员信息修改), effective on approval. */
export const TitleChangeInput = z
  .object({
    titleSeries: Code('职称系列'),
    titleLevel: TitleLevel,
    titleObtainedOn: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '请选择职称取得时间' })
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.titleSeries !== 'none' && v.titleLevel !== 'none' && !v.titleObtainedOn)
      ctx.addIssue({ code: 'custom', path: ['titleObtainedOn'], message: '请选择职称取得时间' });
  });
export type TitleChangeInput = z.infer<typeof TitleChangeInput>;

/**
 * 证件信息修改 (seed 002 FAQ 18): a new name or a new ID number, with photos of both sides of the ID card; one of the
 * two stays as it is; reviewed by the employer, then the bureau of its region.
 */
export const IdentityChangeInput = z.object({
  name: PersonName.optional(),
  idNumber: PersonIdNumber.optional(),
  attachmentIds: AttachmentIds.min(2, { message: '请上传身份证正、反面照片' }),
});
export type IdentityChangeInput = z.infer<typeof IdentityChangeInput>;

/** 注销 of a professional account (seed 002 FAQ 21): only for retirement or death; records are kept. */
export const ClosureReason = z.enum(['retired', 'deceased'], { error: '请选择注销原因' });
export type ClosureReason = z.infer<typeof ClosureReason>;
export const closureReasonLabels: Record<ClosureReason, string> = { retired: '退休', deceased: '去世' };
export const ClosureInput = z.object({
  reason: ClosureReason,
  explanation: Text({ label: '情况说明', max: 200, multiline: true }),
});
export type ClosureInput = z.infer<typeof ClosureInput>;
