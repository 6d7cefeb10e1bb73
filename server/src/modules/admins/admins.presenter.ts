import { maskIdNumber, maskPhone, type AdminItem, type AdminRole } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { RoleRow } from './roles.repository';
import type { AdminRow } from './admins.repository';

export const presentRole = (row: RoleRow): AdminRole => ({
  id: row.id,
  name: row.name,
  description: row.description,
  permissions: row.permissions,
  adminCount: Number(row.adminCount ?? 0),
  createdAt: row.createdAt.toISOString(),
});

export const presentAdmin = (row: AdminRow, actor: Actor): AdminItem => ({
  accountId: row.accountId,
  personId: row.personId,
  name: row.name,
  idNumberMasked: maskIdNumber(row.idNumber),
  phoneMasked: row.phone ? maskPhone(row.phone) : null,
  roleId: row.roleId,
  roleName: row.roleName,
  status: row.status === 'active' ? 'active' : 'disabled',
  isSuperAdmin: row.isSuperAdmin,
  isSelf: row.accountId === actor.accountId,
  mfaEnrolled: Boolean(row.mfaConfirmedAt),
  createdAt: row.createdAt.toISOString(),
  lastLoginAt: row.lastLoginAt ? row.lastLoginAt.toISOString() : null,
});
