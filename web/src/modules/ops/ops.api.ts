import { z } from 'zod';
import { pageOf } from '@cep/contracts';
import { apiRequest } from '../../api/client';

const OutboxMessage = z.object({
  id: z.string(),
  channel: z.string(),
  destination: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
const OutboxPage = pageOf(OutboxMessage);

export const opsKeys = { outbox: (page: number, pageSize: number) => ['ops', 'outbox', page, pageSize] as const };

export const opsApi = {
  outbox: (page: number, pageSize: number) => apiRequest('/api/ops/outbox', { query: { page, pageSize }, schema: OutboxPage }),
};
