import { z } from 'zod';
import { Text } from '../common/text';
import { PageQuery, pageOf } from '../common/paging';

export const TicketStatus = z.enum(['open', 'answered', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatus>;
export const ticketStatusLabels: Record<TicketStatus, string> = { open: '待回复', answered: '已回复', closed: '已关闭' };

export const TicketConversationLine = z.object({ from: z.enum(['user', 'bot']), text: z.string() });
const TicketConversationInput = z.object({ from: z.enum(['user', 'bot']), text: Text({ label: '对话内容', max: 4000, multiline: true }) });

export const TicketCreateInput = z
  .object({
    question: Text({ label: '问题', max: 1000, verb: '请填写', multiline: true }),
    conversation: z.array(TicketConversationInput).max(40).default([]),
    contactName: Text({ label: '联系人姓名', max: 40, verb: '请填写' }),
    contactPhone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, { message: '请输入11位手机号' })
      .optional(),
    contactEmail: z.email({ message: '请输入正确的电子邮箱' }).trim().optional(),
  })
  .refine((v) => v.contactPhone || v.contactEmail, { message: '请填写手机号或电子邮箱，以便客服联系您', path: ['contactPhone'] });
export type TicketCreateInput = z.infer<typeof TicketCreateInput>;

/** `accessCode` is shown once: with the ticket number it lets an anonymous asker read the reply. */
export const TicketCreated = z.object({ ticketNo: z.string(), accessCode: z.string() });
export type TicketCreated = z.infer<typeof TicketCreated>;

export const TicketReply = z.object({ body: z.string(), at: z.string() });
export const TicketView = z.object({
  ticketNo: z.string(),
  question: z.string(),
  status: TicketStatus,
  createdAt: z.string(),
  replies: z.array(TicketReply),
});
export type TicketView = z.infer<typeof TicketView>;
export const MyTickets = z.object({ items: z.array(TicketView) });

export const TicketLookupInput = z.object({
  ticketNo: Text({ label: '工单号', max: 40 }),
  accessCode: Text({ label: '查询码', max: 40 }),
});

export const TicketListQuery = PageQuery.extend({
  status: TicketStatus.optional(),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

export const TicketSummary = z.object({
  id: z.string(),
  ticketNo: z.string(),
  question: z.string(),
  status: TicketStatus,
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  signedIn: z.boolean(),
  createdAt: z.string(),
});
export const TicketPage = pageOf(TicketSummary);
export type TicketPage = z.infer<typeof TicketPage>;

export const TicketDetail = TicketSummary.extend({
  conversation: z.array(TicketConversationLine),
  replies: z.array(TicketReply.extend({ byName: z.string() })),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const TicketReplyInput = z.object({
  body: Text({ label: '回复内容', max: 4000, verb: '请填写', multiline: true }),
});
