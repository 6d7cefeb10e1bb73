import {
  DivisionSaved,
  DivisionStatusResult,
  DivisionTree,
  OrgDetail,
  ProfileOptions,
  RevokeAdminsResult,
  SubordinatePage,
  MyRequestsPage,
  RequestReceipt,
  type OrgChangeInput,
  type OrgClosureInput,
  type OrgMergeInput,
  type SuperiorChangeInput,
  type CreateDivisionInput,
  type SubordinateQuery,
} from '@cep/contracts';
import { apiRequest } from '../../api/client';

export type SubordinateFilter = Partial<Omit<SubordinateQuery, 'kind'>> & { kind: SubordinateQuery['kind'] };

export const organizationKeys = {
  all: ['organizations'] as const,
  profile: ['organizations', 'profile'] as const,
  subordinates: (filter: SubordinateFilter) => ['organizations', 'subordinates', filter] as const,
  subordinate: (id: string) => ['organizations', 'subordinate', id] as const,
  divisions: ['organizations', 'divisions'] as const,
  changes: ['organizations', 'changes'] as const,
  /** The same key as the registration forms use, so the option lists load once. */
  options: ['profile', 'options'] as const,
};

export const organizationsApi = {
  /** Org natures and levels are stored as catalog codes; their names come from the profile options. */
  options: () => apiRequest('/api/profile/options', { schema: ProfileOptions }),
  profile: () => apiRequest('/api/org/profile', { schema: OrgDetail }),
  merge: (body: OrgMergeInput) => apiRequest('/api/org/merge', { body, schema: RequestReceipt }),
  close: (body: OrgClosureInput) => apiRequest('/api/org/closure', { body, schema: RequestReceipt }),
  changeSuperior: (body: SuperiorChangeInput) => apiRequest('/api/org/superior-change', { body, schema: RequestReceipt }),
  fileChange: (body: OrgChangeInput) => apiRequest('/api/org/changes', { body, schema: RequestReceipt }),
  changes: (page: number, pageSize: number) => apiRequest('/api/org/changes', { query: { page, pageSize }, schema: MyRequestsPage }),
  subordinates: (filter: SubordinateFilter) => apiRequest('/api/subordinates', { query: filter, schema: SubordinatePage }),
  subordinate: (id: string) => apiRequest(`/api/subordinates/${id}`, { schema: OrgDetail }),
  revokeAdmins: (id: string) => apiRequest(`/api/subordinates/${id}/revoke-admins`, { method: 'POST', body: {}, schema: RevokeAdminsResult }),
  restoreAdmins: (id: string) => apiRequest(`/api/subordinates/${id}/restore-admins`, { method: 'POST', body: {}, schema: RevokeAdminsResult }),
  divisions: () => apiRequest('/api/org/divisions', { schema: DivisionTree }),
  createDivision: (body: CreateDivisionInput) => apiRequest('/api/org/divisions', { body, schema: DivisionSaved }),
  renameDivision: (id: string, name: string) => apiRequest(`/api/org/divisions/${id}`, { method: 'PATCH', body: { name }, schema: DivisionSaved }),
  disableDivision: (id: string) => apiRequest(`/api/org/divisions/${id}/disable`, { method: 'POST', body: {}, schema: DivisionStatusResult }),
  enableDivision: (id: string) => apiRequest(`/api/org/divisions/${id}/enable`, { method: 'POST', body: {}, schema: DivisionStatusResult }),
};
