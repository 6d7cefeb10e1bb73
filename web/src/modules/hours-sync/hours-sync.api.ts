import { NewSyncSource, SyncRefusalPage, SyncSource, SyncSourceList, type SyncSourceInput } from '@cep/contracts';
import { apiRequest } from '../../api/client';

const base = '/api/hours-sync/sources';

export const syncKeys = {
  all: ['hours-sync'] as const,
  sources: () => ['hours-sync', 'sources'] as const,
  refusals: (id: string, page: number) => ['hours-sync', 'refusals', id, page] as const,
};

export const syncApi = {
  sources: () => apiRequest(base, { schema: SyncSourceList }),
  register: (input: SyncSourceInput) => apiRequest(base, { body: input, schema: NewSyncSource }),
  rotate: (id: string) => apiRequest(`${base}/${id}/rotate`, { method: 'POST', schema: NewSyncSource }),
  revoke: (id: string) => apiRequest(`${base}/${id}/revoke`, { method: 'POST', schema: SyncSource }),
  refusals: (id: string, page: number) => apiRequest(`${base}/${id}/refusals`, { query: { page, pageSize: 10 }, schema: SyncRefusalPage }),
};
