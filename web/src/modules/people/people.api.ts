import {
  AnnualCompletion,
  ScopeEmployerChoices,
  PersonDetails,
  ForgotPasswordSendResult,
  MyProfile,
  ProfileOptions,
  type NewContact,
  type PlainProfileInput,
  type TitleChangeInput,
  type IdentityChangeInput,
  type ClosureInput,
  type ContactChangeInput,
  MyTransferView,
  OkMessage,
  PeopleListPage,
  type EmploymentInput,
  type PeopleQuery,
  OrgPeople,
  RequestReceipt,
  TransferRecordsPage,
  type TransferInput,
  type TransferOutInput,
  type TransferRecordsQuery,
} from '@cep/contracts';
import { apiRequest } from '../../api/client';

export const TRANSFER_KIND = 'people.transfer';
/** 变更记录: every kind that changes the account after registration. */
export const CHANGE_KINDS = [TRANSFER_KIND, 'people.titleChange', 'people.identityChange', 'people.closure'].join(',');

type PeopleListQuery = Pick<PeopleQuery, 'page' | 'pageSize' | 'employment'> & {
  keyword?: string;
  orgId?: string;
  titleSeries?: string;
  titleLevel?: string;
};

export const peopleKeys = {
  all: ['people'] as const,
  myTransfer: ['people', 'my-transfer'] as const,
  myProfile: ['people', 'my-profile'] as const,
  options: ['profile', 'options'] as const,
  orgPeople: (keyword: string) => ['people', 'org-people', keyword] as const,
  transfers: (q: TransferRecordsQuery) => ['people', 'transfers', q] as const,
  list: (q: PeopleListQuery) => ['people', 'list', q] as const,
  details: (personId: string) => ['people', 'details', personId] as const,
  years: (personId: string) => ['people', 'years', personId] as const,
  employers: (keyword: string) => ['people', 'employers', keyword] as const,
};

export const peopleApi = {
  myTransfer: () => apiRequest('/api/me/transfer', { schema: MyTransferView }),
  myProfile: () => apiRequest('/api/me/profile', { schema: MyProfile }),
  options: () => apiRequest('/api/profile/options', { schema: ProfileOptions }),
  savePlain: (body: PlainProfileInput) => apiRequest('/api/me/profile', { method: 'PUT', body, schema: OkMessage }),
  changeTitle: (body: TitleChangeInput) => apiRequest('/api/me/title-change', { body, schema: RequestReceipt }),
  closeMine: (body: ClosureInput) => apiRequest('/api/me/closure', { body, schema: RequestReceipt }),
  closeFor: (personId: string, body: ClosureInput) => apiRequest(`/api/people/${personId}/closure`, { body, schema: RequestReceipt }),
  changeIdentity: (body: IdentityChangeInput) => apiRequest('/api/me/identity-change', { body, schema: RequestReceipt }),
  sendContactCode: (body: NewContact) => apiRequest('/api/me/contact-code', { body, schema: ForgotPasswordSendResult }),
  changeContact: (body: ContactChangeInput) => apiRequest('/api/me/contact', { body, schema: OkMessage }),
  applyForTransfer: (body: TransferInput) => apiRequest('/api/me/transfer', { body, schema: RequestReceipt }),
  orgPeople: (keyword: string) => apiRequest('/api/transfers/people', { query: keyword ? { keyword } : {}, schema: OrgPeople }),
  transferOut: (body: TransferOutInput) => apiRequest('/api/transfers/out', { body, schema: RequestReceipt }),
  transfers: (query: TransferRecordsQuery) => apiRequest('/api/transfers', { query, schema: TransferRecordsPage }),
  list: (query: PeopleListQuery) => apiRequest('/api/people', { query, schema: PeopleListPage }),
  details: (personId: string) => apiRequest(`/api/people/${personId}`, { schema: PersonDetails }),
  years: (personId: string) => apiRequest(`/api/certificates/people/${personId}/completion`, { schema: AnnualCompletion }),
  employers: (keyword: string) => apiRequest('/api/people/employers', { query: keyword ? { keyword } : {}, schema: ScopeEmployerChoices }),
  markEmployment: (personId: string, body: EmploymentInput) => apiRequest(`/api/people/${personId}/employment`, { body, schema: OkMessage }),
};
