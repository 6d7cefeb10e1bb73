import { ManagedNotice, ManagedNoticePage, NoticeDetail, NoticePage, type ManagedNoticeQuery, type NoticeInput } from '@cep/contracts';
import { apiRequest, toApiError } from '../../api/client';

export const noticeKeys = {
  list: (page: number) => ['notices', 'list', page] as const,
  detail: (id: string) => ['notices', 'detail', id] as const,
  managed: (query: Partial<ManagedNoticeQuery>) => ['notices', 'manage', query] as const,
};

const manage = '/api/notices/manage';

/** Multipart upload of one attachment (the JSON client does not send files). */
const uploadAttachment = async (id: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(`${manage}/${id}/attachments`, { method: 'POST', body: form, credentials: 'same-origin' });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res.status, body);
  return ManagedNotice.parse(body);
};

export const noticesApi = {
  list: (page: number, pageSize = 15) => apiRequest('/api/notices', { query: { page, pageSize }, schema: NoticePage }),
  detail: (id: string) => apiRequest(`/api/notices/${id}`, { schema: NoticeDetail }),
  attachmentUrl: (noticeId: string, attId: string) => `/api/notices/${noticeId}/attachments/${attId}`,
  managed: (query: Partial<ManagedNoticeQuery>) => apiRequest(manage, { query, schema: ManagedNoticePage }),
  create: (body: NoticeInput) => apiRequest(manage, { body, schema: ManagedNotice }),
  update: (id: string, body: NoticeInput) => apiRequest(`${manage}/${id}`, { method: 'PUT', body, schema: ManagedNotice }),
  publish: (id: string) => apiRequest(`${manage}/${id}/publish`, { method: 'POST', schema: ManagedNotice }),
  withdraw: (id: string) => apiRequest(`${manage}/${id}/withdraw`, { method: 'POST', schema: ManagedNotice }),
  upload: uploadAttachment,
  removeAttachment: (id: string, attId: string) => apiRequest(`${manage}/${id}/attachments/${attId}`, { method: 'DELETE', schema: ManagedNotice }),
  ownAttachmentUrl: (noticeId: string, attId: string) => `${manage}/${noticeId}/attachments/${attId}`,
};
