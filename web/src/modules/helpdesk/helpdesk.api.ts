import {
  AskResult,
  HelpTopics,
  KbRecordDetail,
  KbRecordPage,
  MyTickets,
  Ok,
  PublicKbEntry,
  SuggestResult,
  TicketCreated,
  TicketDetail,
  TicketPage,
  TicketView,
  type AskInput,
  type KbEntryEditInput,
  type KbListQuery,
  type TicketCreateInput,
  type TicketListQuery,
} from '@cep/contracts';
import { apiRequest } from '../../api/client';

export const helpdeskKeys = {
  topics: ['helpdesk', 'topics'] as const,
  entry: (id: string) => ['helpdesk', 'entry', id] as const,
  suggest: (q: string) => ['helpdesk', 'suggest', q] as const,
  kbList: (query: Partial<KbListQuery>) => ['helpdesk', 'kb', 'list', query] as const,
  kbEntry: (id: string) => ['helpdesk', 'kb', 'entry', id] as const,
  tickets: (query: Partial<TicketListQuery>) => ['helpdesk', 'tickets', query] as const,
  ticket: (id: string) => ['helpdesk', 'ticket', id] as const,
  myTickets: ['helpdesk', 'tickets', 'mine'] as const,
};

export const helpdeskApi = {
  ask: (body: AskInput) => apiRequest('/api/helpdesk/ask', { body, schema: AskResult }),
  suggest: (q: string, signal?: AbortSignal) => apiRequest('/api/helpdesk/suggest', { query: { q }, schema: SuggestResult, signal }),
  feedback: (askId: string, helpful: boolean) => apiRequest('/api/helpdesk/feedback', { body: { askId, helpful }, schema: Ok }),
  topics: () => apiRequest('/api/helpdesk/topics', { schema: HelpTopics }),
  entry: (id: string) => apiRequest(`/api/helpdesk/entries/${encodeURIComponent(id)}`, { schema: PublicKbEntry }),
  createTicket: (body: TicketCreateInput) => apiRequest('/api/helpdesk/tickets', { body, schema: TicketCreated }),
  lookupTicket: (ticketNo: string, accessCode: string) =>
    apiRequest('/api/helpdesk/tickets/lookup', { body: { ticketNo, accessCode }, schema: TicketView }),
  myTickets: () => apiRequest('/api/helpdesk/tickets/mine', { schema: MyTickets }),
};

export const supportApi = {
  list: (query: Partial<TicketListQuery>) => apiRequest('/api/helpdesk/tickets', { query, schema: TicketPage }),
  get: (id: string) => apiRequest(`/api/helpdesk/tickets/${id}`, { schema: TicketDetail }),
  reply: (id: string, body: string) => apiRequest(`/api/helpdesk/tickets/${id}/reply`, { body: { body }, schema: TicketDetail }),
  close: (id: string) => apiRequest(`/api/helpdesk/tickets/${id}/close`, { method: 'POST', schema: TicketDetail }),
};

export const kbApi = {
  list: (query: Partial<KbListQuery>) => apiRequest('/api/helpdesk/kb', { query, schema: KbRecordPage }),
  get: (id: string) => apiRequest(`/api/helpdesk/kb/${encodeURIComponent(id)}`, { schema: KbRecordDetail }),
  create: (body: KbEntryEditInput) => apiRequest('/api/helpdesk/kb', { body, schema: KbRecordDetail }),
  update: (id: string, body: KbEntryEditInput & { version: number }) =>
    apiRequest(`/api/helpdesk/kb/${encodeURIComponent(id)}`, { method: 'PUT', body, schema: KbRecordDetail }),
  retire: (id: string, version: number) =>
    apiRequest(`/api/helpdesk/kb/${encodeURIComponent(id)}/retire`, { body: { version }, schema: KbRecordDetail }),
  restore: (id: string, version: number) =>
    apiRequest(`/api/helpdesk/kb/${encodeURIComponent(id)}/restore`, { body: { version }, schema: KbRecordDetail }),
};
