import { z } from 'zod';

export const OrgKind = z.enum(['hrBureau', 'authority', 'employer', 'provider', 'platform']);
export type OrgKind = z.infer<typeof OrgKind>;

/** The role chosen in the login box: a professional, or an admin of an org of one kind. */
export const LoginRole = z.enum(['professional', 'employer', 'authority', 'provider', 'hrBureau', 'platform']);
export type LoginRole = z.infer<typeof LoginRole>;

export const loginRoleLabels: Record<LoginRole, string> = {
  professional: '专业技术人员',
  employer: '用人单位',
  authority: '主管部门',
  provider: '继续教育机构',
  hrBureau: '人社部门',
  platform: '平台运维',
};

export const orgKindLabels: Record<OrgKind, string> = {
  hrBureau: '人社部门',
  authority: '主管部门',
  employer: '用人单位',
  provider: '继续教育机构',
  platform: '平台运营',
};

export const BureauLevel = z.enum(['province', 'city', 'county']);
export type BureauLevel = z.infer<typeof BureauLevel>;

export const AccountKind = z.enum(['professional', 'admin']);
export type AccountKind = z.infer<typeof AccountKind>;

export const AccountStatus = z.enum(['pending', 'active', 'disabled', 'rejected', 'withdrawn']);
export type AccountStatus = z.infer<typeof AccountStatus>;
