import { ManagedNotice, ManagedNoticePage, NoticeDetail, NoticePage, type ManagedNoticeQuery, type NoticeInput } from '@cep/contracts';
import { apiRequest, fileForm } from '../../api/client';

export const noticeKeys = {
  list: (page: number) => ['notices', 'list', page] as const,
  detail: (id: string) => ['notices', 'detail', id] as const,
  managed: (query: Partial<ManagedNoticeQuery>) => ['notices', 'manage', query] as const,
};

const manage = '/api/notices/manage';

export const noticesApi = {
  list: (page: number, pageSize = 15) => apiRequest('/api/notices', { query: { page, pageSize }, schema: NoticePage }),
  detail: (id: string) => apiRequest(`/api/notices/${id}`, { schema: NoticeDetail }),
  attachmentUrl: (noticeId: string, attId: string) => `/api/notices/${noticeId}/attachments/${attId}`,
  managed: (query: Partial<ManagedNoticeQuery>) => apiRequest(manage, { query, schema: ManagedNoticePage }),
  create: (body: NoticeInput) => apiRequest(manage, { body, schema: ManagedNotice }),
  update: (id: string, body: NoticeInput) => apiRequest(`${manage}/${id}`, { method: 'PUT', body, schema: ManagedNotice }),
  publish: (id: string) => apiRequest(`${manage}/${id}/publish`, { method: 'POST', schema: ManagedNotice }),
  withdraw: (id: string) => apiRequest(`${manage}/${id}/withdraw`, { method: 'POST', schema: ManagedNotice }),
  upload: (id: string, file: File) => apiRequest(`${manage}/${id}/attachments`, { body: fileForm(file), schema: ManagedNotice }),
  removeAttachment: (id: string, attId: string) => apiRequest(`${manage}/${id}/attachments/${attId}`, { method: 'DELETE', schema: ManagedNotice }),
  ownAttachmentUrl: (noticeId: string, attId: string) => `${manage}/${noticeId}/attachments/${attId}`,
};
