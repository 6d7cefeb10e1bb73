import {
  MyTransferView,
  OkMessage,
  PeopleListPage,
  type EmploymentInput,
  type PeopleQuery,
  OrgPeople,
  TransferReceipt,
  TransferRecordsPage,
  type TransferInput,
  type TransferOutInput,
  type TransferRecordsQuery,
} from '@cep/contracts';
import { apiRequest } from '../../api/client';

export const TRANSFER_KIND = 'people.transfer';

type PeopleListQuery = Pick<PeopleQuery, 'page' | 'pageSize' | 'employment'> & { keyword?: string };

export const peopleKeys = {
  all: ['people'] as const,
  myTransfer: ['people', 'my-transfer'] as const,
  orgPeople: (keyword: string) => ['people', 'org-people', keyword] as const,
  transfers: (q: TransferRecordsQuery) => ['people', 'transfers', q] as const,
  list: (q: PeopleListQuery) => ['people', 'list', q] as const,
};

export const peopleApi = {
  myTransfer: () => apiRequest('/api/me/transfer', { schema: MyTransferView }),
  applyForTransfer: (body: TransferInput) => apiRequest('/api/me/transfer', { body, schema: TransferReceipt }),
  orgPeople: (keyword: string) => apiRequest('/api/transfers/people', { query: keyword ? { keyword } : {}, schema: OrgPeople }),
  transferOut: (body: TransferOutInput) => apiRequest('/api/transfers/out', { body, schema: TransferReceipt }),
  transfers: (query: TransferRecordsQuery) => apiRequest('/api/transfers', { query, schema: TransferRecordsPage }),
  list: (query: PeopleListQuery) => apiRequest('/api/people', { query, schema: PeopleListPage }),
  markEmployment: (personId: string, body: EmploymentInput) => apiRequest(`/api/people/${personId}/employment`, { body, schema: OkMessage }),
};
