import { maskName, maskPhone, type TicketDetail, type TicketView } from '@cep/contracts';
import type { ConversationLine } from './helpdesk.tables';

type TicketRow = {
  id: string;
  ticketNo: string;
  question: string;
  status: 'open' | 'answered' | 'closed';
  contactName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  personId: string | null;
  createdAt: Date;
};
type ReplyRow = { ticketId: string; body: string; at: Date; byName: string };

export const maskEmail = (email: string) => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
};

/** The queue shows contacts masked; the detail page (audited) shows them whole. */
export const presentTicketSummary = (row: TicketRow, options: { masked: boolean }) => ({
  id: row.id,
  ticketNo: row.ticketNo,
  question: row.question,
  status: row.status,
  contactName: options.masked ? maskName(row.contactName) : row.contactName,
  contactPhone: row.contactPhone ? (options.masked ? maskPhone(row.contactPhone) : row.contactPhone) : null,
  contactEmail: row.contactEmail ? (options.masked ? maskEmail(row.contactEmail) : row.contactEmail) : null,
  signedIn: row.personId !== null,
  createdAt: row.createdAt.toISOString(),
});

export const presentTicketDetail = (row: TicketRow & { conversation: unknown }, replies: ReplyRow[]): TicketDetail => ({
  ...presentTicketSummary(row, { masked: false }),
  conversation: row.conversation as ConversationLine[],
  replies: replies.map((r) => ({ body: r.body, at: r.at.toISOString(), byName: r.byName })),
});

/** What the asker sees: the question, the state and the replies, without who in support wrote them. */
export const presentTicketView = (row: TicketRow, replies: ReplyRow[]): TicketView => ({
  ticketNo: row.ticketNo,
  question: row.question,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  replies: replies.filter((r) => r.ticketId === row.id).map((r) => ({ body: r.body, at: r.at.toISOString() })),
});
