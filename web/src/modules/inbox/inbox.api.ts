import { InboxPage, Ok } from '@cep/contracts';
import { apiRequest } from '../../api/client';

export const inboxKeys = { list: (page: number) => ['inbox', page] as const };

export const inboxApi = {
  list: (page: number) => apiRequest('/api/inbox', { query: { page, pageSize: 20 }, schema: InboxPage }),
  read: (id: number) => apiRequest(`/api/inbox/${id}/read`, { method: 'POST', schema: Ok }),
};
