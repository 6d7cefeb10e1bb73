import {
  AdminInvitation,
  AdminInvitationList,
  AdminItem,
  AdminList,
  AdminResetResult,
  AdminRole,
  AdminRoleList,
  MyAdminInvitationList,
  Ok,
  OkMessage,
  type AddAdminInput,
  type AdminInviteInput,
  type RoleInput,
  type UpdateAdminInput,
} from '@cep/contracts';
import { apiRequest } from '../../api/client';

export const adminKeys = {
  all: ['admins'] as const,
  admins: (filter: { name?: string; status?: string }) => ['admins', 'list', filter] as const,
  roles: ['admins', 'roles'] as const,
  invitations: ['admins', 'invitations'] as const,
  myInvitations: ['me', 'admin-invitations'] as const,
};

const admin = (accountId: string) => `/api/org/admins/${accountId}`;

export const adminsApi = {
  roles: () => apiRequest('/api/org/roles', { schema: AdminRoleList }),
  createRole: (body: RoleInput) => apiRequest('/api/org/roles', { body, schema: AdminRole }),
  updateRole: (id: string, body: RoleInput) => apiRequest(`/api/org/roles/${id}`, { method: 'PATCH', body, schema: AdminRole }),
  deleteRole: (id: string) => apiRequest(`/api/org/roles/${id}`, { method: 'DELETE', schema: Ok }),
  admins: (filter: { name?: string; status?: 'active' | 'disabled' }) => apiRequest('/api/org/admins', { query: filter, schema: AdminList }),
  addAdmin: (body: AddAdminInput) => apiRequest('/api/org/admins', { body, schema: AdminItem }),
  invite: (body: AdminInviteInput) => apiRequest('/api/org/admin-invitations', { body, schema: AdminInvitation }),
  invitations: () => apiRequest('/api/org/admin-invitations', { schema: AdminInvitationList }),
  cancelInvitation: (id: string) => apiRequest(`/api/org/admin-invitations/${id}`, { method: 'DELETE', schema: Ok }),
  myInvitations: () => apiRequest('/api/me/admin-invitations', { schema: MyAdminInvitationList }),
  acceptInvitation: (id: string) => apiRequest(`/api/me/admin-invitations/${id}/accept`, { method: 'POST', body: {}, schema: OkMessage }),
  declineInvitation: (id: string) => apiRequest(`/api/me/admin-invitations/${id}/decline`, { method: 'POST', body: {}, schema: Ok }),
  updateAdmin: (id: string, body: UpdateAdminInput) => apiRequest(admin(id), { method: 'PATCH', body, schema: AdminItem }),
  disable: (id: string) => apiRequest(`${admin(id)}/disable`, { method: 'POST', body: {}, schema: Ok }),
  enable: (id: string) => apiRequest(`${admin(id)}/enable`, { method: 'POST', body: {}, schema: Ok }),
  remove: (id: string) => apiRequest(admin(id), { method: 'DELETE', schema: Ok }),
  makeSuperAdmin: (id: string) => apiRequest(`${admin(id)}/make-super-admin`, { method: 'POST', body: {}, schema: Ok }),
  /** 重置密码 is the identity module's admin reset, shared with 专技人员信息查询. */
  resetPassword: (personId: string) => apiRequest(`/api/people/${personId}/password-reset`, { method: 'POST', body: {}, schema: AdminResetResult }),
};
