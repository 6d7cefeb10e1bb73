import { z } from 'zod';
import { OptionalText } from '../common/text';
import { PageQuery, pageOf } from '../common/paging';
import { BureauLevel, OrgKind } from '../access/roles';

/** Kinds of org an admin manages below its own org (管理下级人社 / 主管部门 / 用人单位 / 继续教育基地 / 二级单位). */
export const SubordinateKind = z.enum(['hrBureau', 'authority', 'employer', 'provider']);
export type SubordinateKind = z.infer<typeof SubordinateKind>;

/** The permission module each subordinate list and its actions need. */
export const subordinatePermissions: Record<SubordinateKind, string> = {
  hrBureau: 'subordinates.bureaus',
  authority: 'subordinates.authorities',
  employer: 'subordinates.employers',
  provider: 'subordinates.providers',
};

export const OrgStatus = z.enum(['pending', 'active', 'disabled', 'rejected', 'withdrawn', 'closed']);
export type OrgStatus = z.infer<typeof OrgStatus>;

export const SubordinateQuery = PageQuery.extend({
  kind: SubordinateKind,
  name: OptionalText({ label: '单位名称', max: 100 }),
  nature: OptionalText({ label: '单位性质', max: 100 }),
  /** 级别: a bureau's level (province/city/county) or another org's declared level. */
  level: OptionalText({ label: '级别', max: 100 }),
  status: OrgStatus.optional(),
});
export type SubordinateQuery = z.infer<typeof SubordinateQuery>;

export const OrgRef = z.object({ id: z.string(), name: z.string(), kind: OrgKind });
export type OrgRef = z.infer<typeof OrgRef>;

export const RegionRef = z.object({ code: z.string(), name: z.string(), fullName: z.string() });

export const OrgSummary = z.object({
  id: z.string(),
  kind: OrgKind,
  name: z.string(),
  creditCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  bureauLevel: BureauLevel.nullable(),
  nature: z.string().nullable(),
  orgLevel: z.string().nullable(),
  status: OrgStatus,
  superiorName: z.string().nullable(),
  /** Admin accounts that may sign in now. */
  activeAdminCount: z.number().int(),
  /** True while a superior's 移除权限 holds the org's admins disabled. */
  adminsRevoked: z.boolean(),
  createdAt: z.string(),
});
export type OrgSummary = z.infer<typeof OrgSummary>;

export const SubordinatePage = pageOf(OrgSummary);
export type SubordinatePage = z.infer<typeof SubordinatePage>;

export const MaskedAdmin = z.object({
  /** For 重置动态口令 (POST /api/people/:personId/mfa-reset) by the superior's super admin. */
  personId: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.string(),
  mfaEnrolled: z.boolean(),
});

export const OrgDetail = OrgSummary.extend({
  industry: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  contactName: z.string().nullable(),
  region: RegionRef,
  superior: OrgRef.nullable(),
  superAdmin: MaskedAdmin.nullable(),
});
export type OrgDetail = z.infer<typeof OrgDetail>;

export const OrgIdParams = z.object({ orgId: z.uuid({ message: '机构编号格式不正确' }) });

export const RevokeAdminsResult = z.object({ affected: z.number().int() });
export type RevokeAdminsResult = z.infer<typeof RevokeAdminsResult>;
