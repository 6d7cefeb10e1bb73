import { AdminItem, AdminList, AdminResetResult, AdminRole, AdminRoleList, Ok, type AddAdminInput, type RoleInput, type UpdateAdminInput } from '@cep/contracts';
import { apiRequest } from '../../api/client';

export const adminKeys = {
  all: ['admins'] as const,
  admins: (filter: { name?: string; status?: string }) => ['admins', 'list', filter] as const,
  roles: ['admins', 'roles'] as const,
};

const admin = (accountId: string) => `/api/org/admins/${accountId}`;

export const adminsApi = {
  roles: () => apiRequest('/api/org/roles', { schema: AdminRoleList }),
  createRole: (body: RoleInput) => apiRequest('/api/org/roles', { body, schema: AdminRole }),
  updateRole: (id: string, body: RoleInput) => apiRequest(`/api/org/roles/${id}`, { method: 'PATCH', body, schema: AdminRole }),
  deleteRole: (id: string) => apiRequest(`/api/org/roles/${id}`, { method: 'DELETE', schema: Ok }),
  admins: (filter: { name?: string; status?: 'active' | 'disabled' }) => apiRequest('/api/org/admins', { query: filter, schema: AdminList }),
  addAdmin: (body: AddAdminInput) => apiRequest('/api/org/admins', { body, schema: AdminItem }),
  updateAdmin: (id: string, body: UpdateAdminInput) => apiRequest(admin(id), { method: 'PATCH', body, schema: AdminItem }),
  disable: (id: string) => apiRequest(`${admin(id)}/disable`, { method: 'POST', body: {}, schema: Ok }),
  enable: (id: string) => apiRequest(`${admin(id)}/enable`, { method: 'POST', body: {}, schema: Ok }),
  remove: (id: string) => apiRequest(admin(id), { method: 'DELETE', schema: Ok }),
  makeSuperAdmin: (id: string) => apiRequest(`${admin(id)}/make-super-admin`, { method: 'POST', body: {}, schema: Ok }),
  /** 重置密码 is the identity module's admin reset, shared with 专技人员信息查询. */
  resetPassword: (personId: string) => apiRequest(`/api/people/${personId}/password-reset`, { method: 'POST', body: {}, schema: AdminResetResult }),
};
