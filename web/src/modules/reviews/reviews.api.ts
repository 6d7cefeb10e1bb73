import {
  BatchDecisionResult,
  MyRequestsPage,
  RequestAttachment,
  RequestStateResult,
  ReviewDetail,
  ReviewKindOptions,
  ReviewQueuePage,
  ReviewWaiting,
  OverdueSubordinates,
  ReviewYearCounts,
  type BatchDecisionInput,
  type MyRequestsQuery,
  type ReviewQueueQuery,
  type ScopeRecordsQuery,
} from '@cep/contracts';
import { apiRequest, fileForm } from '../../api/client';

export type QueueFilter = Partial<ReviewQueueQuery> & { kind: string };

export const reviewKeys = {
  all: ['reviews'] as const,
  kinds: ['reviews', 'kinds'] as const,
  yearCounts: (kind: string) => ['reviews', 'year-counts', kind] as const,
  waiting: ['reviews', 'waiting'] as const,
  overdueSubordinates: ['reviews', 'overdue-subordinates'] as const,
  queue: (filter: QueueFilter) => ['reviews', 'queue', filter] as const,
  detail: (id: string, reveal = false) => ['reviews', 'detail', id, reveal] as const,
  mine: (query: Partial<MyRequestsQuery>) => ['reviews', 'mine', query] as const,
  records: (query: Partial<ScopeRecordsQuery>) => ['reviews', 'records', query] as const,
};

const review = (id: string) => `/api/reviews/${id}`;

export const reviewsApi = {
  kinds: () => apiRequest('/api/reviews/kinds', { schema: ReviewKindOptions }),
  yearCounts: (kind: string) => apiRequest('/api/reviews/year-counts', { query: { kind }, schema: ReviewYearCounts }),
  waiting: () => apiRequest('/api/reviews/waiting', { schema: ReviewWaiting }),
  overdueSubordinates: () => apiRequest('/api/reviews/overdue-subordinates', { schema: OverdueSubordinates }),
  records: (query: Partial<ScopeRecordsQuery>) => apiRequest('/api/claims/records', { query, schema: ReviewQueuePage }),
  queue: (filter: QueueFilter) => apiRequest('/api/reviews', { query: filter, schema: ReviewQueuePage }),
  detail: (id: string, reveal = false) => apiRequest(review(id), { query: reveal ? { reveal: 'true' } : undefined, schema: ReviewDetail }),
  approve: (id: string, version: number) => apiRequest(`${review(id)}/approve`, { body: { version }, schema: RequestStateResult }),
  reject: (id: string, version: number, reason: string) =>
    apiRequest(`${review(id)}/reject`, { body: { version, reason }, schema: RequestStateResult }),
  revoke: (id: string, version: number, reason: string) =>
    apiRequest(`${review(id)}/revoke`, { body: { version, reason }, schema: RequestStateResult }),
  batch: (body: BatchDecisionInput) => apiRequest('/api/reviews/batch', { body, schema: BatchDecisionResult }),
  mine: (query: Partial<MyRequestsQuery>) => apiRequest('/api/requests/mine', { query, schema: MyRequestsPage }),
  uploadAttachment: (file: File) => apiRequest('/api/requests/attachments', { body: fileForm(file), schema: RequestAttachment }),
  removeAttachment: (id: string) => apiRequest(`/api/requests/attachments/${id}`, { method: 'DELETE' }),
  attachmentUrl: (id: string) => `/api/requests/attachments/${id}`,
  withdraw: (id: string) => apiRequest(`/api/requests/${id}/withdraw`, { method: 'POST', schema: RequestStateResult }),
};
