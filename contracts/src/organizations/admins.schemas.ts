import { z } from 'zod';
import { IdNumber, PersonIdNumber } from '../common/id-number';
import { ClearableText, OptionalText, PersonName, Text } from '../common/text';
import { Password } from '../common/password';
import { Email, Phone } from '../common/paging';
import { OrgKind } from '../access/roles';

/** A listed admin account's state (a removed admin leaves the list; its row stays for history). */
export const AdminStatus = z.enum(['active', 'disabled']);
export type AdminStatus = z.infer<typeof AdminStatus>;

const RoleName = Text({ label: '角色名称', max: 30 });

export const RoleInput = z.object({
  name: RoleName,
  description: ClearableText({ label: '角色描述', max: 200, multiline: true }),
  permissions: z.array(z.string().max(60), { error: '请选择权限模块' }).min(1, { message: '请至少选择一个权限模块' }).max(100),
});
export type RoleInput = z.infer<typeof RoleInput>;

export const RoleUpdateInput = RoleInput.partial();
export type RoleUpdateInput = z.infer<typeof RoleUpdateInput>;

export const AdminRole = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  permissions: z.array(z.string()),
  /** Admin accounts (active or disabled) holding this role. */
  adminCount: z.number().int(),
  createdAt: z.string(),
});
export type AdminRole = z.infer<typeof AdminRole>;

export const AdminRoleList = z.object({ items: z.array(AdminRole) });
export const RoleIdParams = z.object({ roleId: z.uuid({ message: '角色编号格式不正确' }) });

export const AdminListQuery = z.object({
  name: OptionalText({ label: '姓名', max: 50 }),
  status: z.enum(['active', 'disabled']).optional(),
});

export const AdminItem = z.object({
  accountId: z.string(),
  /** For 重置密码, which calls POST /api/people/:personId/password-reset. */
  personId: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  roleId: z.string().nullable(),
  roleName: z.string().nullable(),
  status: AdminStatus,
  isSuperAdmin: z.boolean(),
  isSelf: z.boolean(),
  /** Whether the person has bound an authenticator (动态口令). */
  mfaEnrolled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type AdminItem = z.infer<typeof AdminItem>;

export const AdminList = z.object({ items: z.array(AdminItem) });

const RoleId = z.uuid({ message: '请选择角色' });

/** 新增管理员 of a new person: the org's admin vouches for them and sets an initial password. */
export const AddAdminInput = z.object({
  idNumber: PersonIdNumber,
  name: PersonName,
  phone: Phone,
  email: Email.nullish(),
  password: Password,
  roleId: RoleId,
});
export type AddAdminInput = z.infer<typeof AddAdminInput>;

/**
 * 新增管理员 of a person already on the platform ("已是本系统用户"): an invitation that the person accepts
 * after signing in. Until then the inviting org learns nothing about them but what it typed.
 */
export const AdminInviteInput = z.object({ idNumber: IdNumber, roleId: RoleId });
export type AdminInviteInput = z.infer<typeof AdminInviteInput>;

export const AdminInvitation = z.object({
  id: z.string(),
  idNumberMasked: z.string(),
  roleName: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type AdminInvitation = z.infer<typeof AdminInvitation>;
export const AdminInvitationList = z.object({ items: z.array(AdminInvitation) });

/** An invitation as the invited person sees it: which org, which role. */
export const MyAdminInvitation = z.object({
  id: z.string(),
  orgName: z.string(),
  orgKind: OrgKind,
  roleName: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type MyAdminInvitation = z.infer<typeof MyAdminInvitation>;
export const MyAdminInvitationList = z.object({ items: z.array(MyAdminInvitation) });
export const InvitationIdParams = z.object({ invitationId: z.uuid({ message: '邀请编号格式不正确' }) });

export const UpdateAdminInput = z.object({
  roleId: RoleId.optional(),
  phone: Phone.optional(),
  email: Email.nullish(),
});
export type UpdateAdminInput = z.infer<typeof UpdateAdminInput>;

export const AdminIdParams = z.object({ accountId: z.uuid({ message: '管理员编号格式不正确' }) });
