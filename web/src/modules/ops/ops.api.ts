import { OutboxPage } from '@cep/contracts';
import { apiRequest } from '../../api/client';

export const opsKeys = { outbox: (page: number, pageSize: number) => ['ops', 'outbox', page, pageSize] as const };

export const opsApi = {
  outbox: (page: number, pageSize: number) => apiRequest('/api/ops/outbox', { query: { page, pageSize }, schema: OutboxPage }),
};
