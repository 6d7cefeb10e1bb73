import { z } from 'zod';
import { LearningFormSet } from './learning-form.schemas';

export * from './learning-form.schemas';
export * from './profile-options.schemas';

export const ProfileName = z.enum(['henan', 'shandong']);
export type ProfileName = z.infer<typeof ProfileName>;

/** A GB/T 2260 administrative division code, six digits. */
export const RegionCode = z.string().regex(/^\d{6}$/, { message: '行政区划代码应为6位数字' });

export const ProfileRegion = z.object({
  code: RegionCode,
  name: z.string().min(1),
  level: z.enum(['province', 'city', 'county']),
  parentCode: RegionCode.nullable(),
  fullName: z.string().min(1),
});
export type ProfileRegion = z.infer<typeof ProfileRegion>;

export const CodeName = z.object({ code: z.string().min(1), name: z.string().min(1) });
export type CodeName = z.infer<typeof CodeName>;

export const TitleLevelCode = z.enum(['junior', 'intermediate', 'senior', 'none']);
export type TitleLevelCode = z.infer<typeof TitleLevelCode>;

export const TitleLevelOption = z.object({ code: TitleLevelCode, name: z.string().min(1), subLevels: z.array(CodeName).default([]) });
export type TitleLevelOption = z.infer<typeof TitleLevelOption>;

/** A 学科门类 (大类) with some of its 一级学科 (细类); registration may stop at the 大类. */
export const Major = CodeName.extend({ children: z.array(CodeName).default([]) });
export type Major = z.infer<typeof Major>;

/**
 * The hours a year needs. `titleLevels` / `regionCodes` null means every level / region; a listed
 * region also covers everything under it. The first matching entry wins, so specific entries go first.
 */
export const PassStandard = z
  .object({
    fromYear: z.number().int().min(2000),
    toYear: z.number().int().min(2000).nullable(),
    titleLevels: z.array(TitleLevelCode).min(1).nullable(),
    regionCodes: z.array(RegionCode).min(1).nullable(),
    total: z.number().int().positive(),
    public: z.number().int().nonnegative(),
    specialized: z.number().int().nonnegative(),
    note: z.string().min(1),
  })
  .refine((s) => s.total >= s.public + s.specialized, { message: '总学时不能少于公需课与专业课之和' })
  .refine((s) => s.toYear === null || s.toYear >= s.fromYear, { message: '结束年度不能早于起始年度' });
export type PassStandard = z.infer<typeof PassStandard>;

/** Which credit years a claim may name: the current year and `pastYears` before it, never before `earliestYear`. */
export const ClaimWindow = z.object({
  pastYears: z.number().int().min(0),
  earliestYear: z.number().int().nullable(),
  message: z.string().min(1),
});
export type ClaimWindow = z.infer<typeof ClaimWindow>;

export const PlaceholderEmployer = z.object({ name: z.string().min(1), regionCode: RegionCode, note: z.string() });
export type PlaceholderEmployer = z.infer<typeof PlaceholderEmployer>;

export const ContactLine = z.object({
  kind: z.enum(['email', 'phone', 'website']),
  value: z.string().min(1),
  purpose: z.string().min(1),
});

export const ProfileContact = z.object({
  sponsor: z.string().min(1),
  website: z.string().nullable(),
  lines: z.array(ContactLine),
});
export type ProfileContact = z.infer<typeof ProfileContact>;

/** National code lists (title series, majors, org natures...), the same for every province. */
export const ProfileCatalogs = z.object({
  titleSeries: z.array(CodeName).min(1),
  titleLevels: z.array(TitleLevelOption).min(1),
  majors: z.array(Major).min(1),
  orgNatures: z.array(CodeName).min(1),
  orgLevels: z.array(CodeName).min(1),
  industries: z.array(CodeName).min(1),
  /** GB 3304 民族 and the 学历 levels: asked by the 批量导入 template. */
  ethnicities: z.array(CodeName).min(1),
  educations: z.array(CodeName).min(1),
});
export type ProfileCatalogs = z.infer<typeof ProfileCatalogs>;

export const AdminResetPassword = z.enum(['idLastSix', 'random']);
export type AdminResetPassword = z.infer<typeof AdminResetPassword>;

/** profiles/<name>/profile.json as written in the repository. */
export const ProfileFile = z.object({
  name: ProfileName,
  provinceCode: RegionCode,
  provinceName: z.string().min(1),
  platformName: z.string().min(1),
  contact: ProfileContact,
  passStandards: z.array(PassStandard).min(1),
  /** Cases in which the year's requirement is prorated to the time actually at work. */
  proratedRequirementCases: z.array(z.string().min(1)),
  dailyHourLimit: z.number().positive().max(24),
  /** Days a request may wait at one step before it is flagged 超期 to that reviewer and its superior. */
  reviewOverdueDays: z.number().int().min(1).max(90),
  /**
   * What an admin's 重置密码 sets: the seeds' last six characters of the ID number, or a random one-time
   * password shown once to the admin (SECURITY.md T2). Either works only for the change-password step.
   */
  adminResetPassword: AdminResetPassword,
  claimWindow: ClaimWindow,
  /** 'all', or the city-level codes whose people claim hours here (the province code stands for 省直 units). */
  claimCities: z.union([z.literal('all'), z.array(RegionCode).min(1)]),
  placeholderEmployers: z.array(PlaceholderEmployer),
  /**
   * 学时对接: whether a learning platform's specialized course must be of the person's 职称系列 to count (seed 002
   * 38: "请确认您所学课程的专业跟您在公共服务平台系统中【专业技术职务系列】是否一致").
   */
  hoursSync: z.object({ specialtyMustMatchSeries: z.boolean() }),
  /** Whose learning-forms.json applies (a province may reuse another's conversion standards). */
  learningFormsFrom: ProfileName,
});
export type ProfileFile = z.infer<typeof ProfileFile>;

/** A loaded profile: the file, the national catalogs, the region tree and the learning forms. */
export const Profile = ProfileFile.extend(ProfileCatalogs.shape).extend({
  regions: z.array(ProfileRegion).min(1),
  learningForms: LearningFormSet,
});
export type Profile = z.infer<typeof Profile>;
