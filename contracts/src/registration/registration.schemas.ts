import { z } from 'zod';
import { OptionalText, Text } from '../common/text';
import { Address, Applicant, OptionalUuid, OptionText, OrgCreditCode, OrgName, OrgPhone, OrgRegionCode } from './registration.fields';
import { IdNumber } from '../common/id-number';
import { PersonName } from '../common/text';
import { OkMessage, Uuid } from '../common/paging';
import { CaptchaToken } from '../identity/identity.schemas';

export const RegistrationKind = z.enum(['authority', 'employer', 'provider', 'professional']);
export type RegistrationKind = z.infer<typeof RegistrationKind>;

/** The engine's request kinds, one per role; the label is what reviewers and the lookup show. */
export const registrationRequestKinds: Record<RegistrationKind, string> = {
  authority: 'registration.authority',
  employer: 'registration.employer',
  provider: 'registration.provider',
  professional: 'registration.professional',
};

export const registrationKindLabels: Record<RegistrationKind, string> = {
  authority: '主管部门注册',
  employer: '用人单位注册',
  provider: '继续教育机构注册',
  professional: '专业技术人员注册',
};

/** The fields every org registration shares (seed 003 4.1-4.2 and seed 004 FAQ 12's form). */
const OrgFields = {
  applicant: Applicant,
  orgName: OrgName,
  creditCode: OrgCreditCode,
  nature: OptionText('单位性质'),
  orgLevel: OptionText('单位级别'),
  industry: OptionText('所属行业'),
  orgPhone: OrgPhone,
  address: Address,
  /** The region whose HR bureau is the 同级人社部门. */
  regionCode: OrgRegionCode,
  captchaToken: CaptchaToken,
};

/** SECURITY.md P1: only the listed fields are collected; anything else is refused, not silently dropped. */
const UNKNOWN_FIELD = { error: '提交了不需要的信息项，请刷新页面后重新填写' };

export const AuthorityRegistrationInput = z.strictObject(OrgFields, UNKNOWN_FIELD);
export type AuthorityRegistrationInput = z.infer<typeof AuthorityRegistrationInput>;

/**
 * An employer's superior: the parent (上级单位: an employer, or a bureau as seed 004 case 2 has for a
 * 乡镇人社所), else its authority (主管部门), else the peer bureau of `regionCode`.
 */
export const EmployerRegistrationInput = z.strictObject({ ...OrgFields, authorityId: OptionalUuid, parentOrgId: OptionalUuid }, UNKNOWN_FIELD);
export type EmployerRegistrationInput = z.infer<typeof EmployerRegistrationInput>;

export const ProviderRegistrationInput = z.strictObject({ ...OrgFields, authorityId: OptionalUuid }, UNKNOWN_FIELD);
export type ProviderRegistrationInput = z.infer<typeof ProviderRegistrationInput>;

export const TitleLevel = z.enum(['none', 'junior', 'intermediate', 'senior'], { message: '请选择职称等级' });
export type TitleLevel = z.infer<typeof TitleLevel>;
export const titleLevelLabels: Record<TitleLevel, string> = { none: '无', junior: '初级', intermediate: '中级', senior: '高级' };

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '请选择日期' });

export const ProfessionalRegistrationInput = z
  .strictObject(
    {
      applicant: Applicant,
      employerId: Uuid.or(z.literal('')).refine((v) => v !== '', { message: '请选择所在单位' }),
      titleSeries: OptionText('职称系列'),
      titleLevel: TitleLevel,
      major: OptionText('所学专业'),
      /** Seed 004 FAQ 7: the day the review passed, the exam's last day, or the approval day. */
      titleObtainedOn: z.preprocess((v) => (v === '' || v === null ? undefined : v), IsoDate.optional()),
      captchaToken: CaptchaToken,
    },
    UNKNOWN_FIELD,
  )
  .superRefine((v, ctx) => {
    const hasTitle = v.titleSeries !== 'none' && v.titleLevel !== 'none';
    if (hasTitle && !v.titleObtainedOn) ctx.addIssue({ code: 'custom', path: ['titleObtainedOn'], message: '请选择职称取得时间' });
  });
export type ProfessionalRegistrationInput = z.infer<typeof ProfessionalRegistrationInput>;

export const ReviewerContact = z.object({
  orgId: z.string(),
  name: z.string(),
  regionName: z.string(),
  phone: z.string().nullable(),
});
export type ReviewerContact = z.infer<typeof ReviewerContact>;

export const RegistrationReceipt = z.object({
  requestId: z.string(),
  kind: RegistrationKind,
  kindLabel: z.string(),
  reviewer: ReviewerContact,
  message: z.string(),
});
export type RegistrationReceipt = z.infer<typeof RegistrationReceipt>;

export const EmployerSearchQuery = z.object({ keyword: Text({ label: '单位名称关键字', max: 30 }) });
export const EmployerChoice = z.object({ id: z.string(), name: z.string(), regionName: z.string(), isPlaceholder: z.boolean() });
export type EmployerChoice = z.infer<typeof EmployerChoice>;
export const EmployerChoices = z.object({ items: z.array(EmployerChoice) });

export const SuperiorKind = z.enum(['authority', 'employer', 'bureau']);
export type SuperiorKind = z.infer<typeof SuperiorKind>;
export const SuperiorQuery = z.object({
  kind: SuperiorKind,
  regionCode: OrgRegionCode.optional(),
  keyword: OptionalText({ label: '关键字', max: 30 }),
});
export type SuperiorQuery = z.infer<typeof SuperiorQuery>;
export const SuperiorChoice = z.object({ id: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string() });
export type SuperiorChoice = z.infer<typeof SuperiorChoice>;
export const SuperiorChoices = z.object({ items: z.array(SuperiorChoice) });

export const RegistrationLookupInput = z.object({
  name: PersonName,
  idNumber: IdNumber,
  captchaToken: CaptchaToken,
});
export type RegistrationLookupInput = z.infer<typeof RegistrationLookupInput>;

export const RegistrationLookupItem = z.object({
  requestId: z.string(),
  kind: RegistrationKind,
  kindLabel: z.string(),
  /** The org being registered, or the employer a professional chose. */
  orgName: z.string(),
  status: z.enum(['pending', 'inReview', 'rejected']),
  statusLabel: z.string(),
  submittedAt: z.string(),
  daysWaited: z.number().int(),
  reviewer: ReviewerContact,
  rejectReason: z.string().nullable(),
  canWithdraw: z.boolean(),
});
export type RegistrationLookupItem = z.infer<typeof RegistrationLookupItem>;
export const RegistrationLookupResult = z.object({ items: z.array(RegistrationLookupItem) });
export type RegistrationLookupResult = z.infer<typeof RegistrationLookupResult>;

export const RegistrationWithdrawInput = z.object({
  name: PersonName,
  idNumber: IdNumber,
  password: z.string({ error: '请输入注册时的密码' }).min(1, { message: '请输入注册时的密码' }).max(128),
  requestId: Uuid,
  captchaToken: CaptchaToken,
});
export type RegistrationWithdrawInput = z.infer<typeof RegistrationWithdrawInput>;
export const RegistrationWithdrawResult = OkMessage;
