import { z } from 'zod';
import { IdNumber, PersonIdNumber } from '../common/id-number';
import { ClearableText, OptionalText, Text } from '../common/text';
import { Password } from '../common/password';
import { Email, Phone } from '../common/paging';

/** A listed admin account's state (a removed admin leaves the list; its row stays for history). */
export const AdminStatus = z.enum(['active', 'disabled']);
export type AdminStatus = z.infer<typeof AdminStatus>;

const RoleName = Text({ label: '角色名称', max: 30 });

export const RoleInput = z.object({
  name: RoleName,
  description: ClearableText({ label: '角色描述', max: 200, multiline: true }),
  permissions: z
    .array(z.string().max(60), { error: '请选择权限模块' })
    .min(1, { message: '请至少选择一个权限模块' })
    .max(100),
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
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type AdminItem = z.infer<typeof AdminItem>;

export const AdminList = z.object({ items: z.array(AdminItem) });

const RoleId = z.uuid({ message: '请选择角色' });

/** 新增管理员: a person already on the platform (by ID number), or a new person. */
export const AddAdminInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('existing'), idNumber: IdNumber, roleId: RoleId }),
  z.object({
    mode: z.literal('new'),
    idNumber: PersonIdNumber,
    name: Text({ label: '姓名', min: 2, max: 30 }),
    phone: Phone,
    email: Email.nullish(),
    password: Password,
    roleId: RoleId,
  }),
]);
export type AddAdminInput = z.infer<typeof AddAdminInput>;

export const UpdateAdminInput = z.object({
  roleId: RoleId.optional(),
  phone: Phone.optional(),
  email: Email.nullish(),
});
export type UpdateAdminInput = z.infer<typeof UpdateAdminInput>;

export const AdminIdParams = z.object({ accountId: z.uuid({ message: '管理员编号格式不正确' }) });
