import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { TicketCreated, TicketCreateInput, TicketDetail, TicketListQuery, TicketPage, TicketView } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { auditActorOf } from '../../platform/auth/actor';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { hitRateLimit } from '../identity';
import { canCloseTicket, canReplyToTicket } from './helpdesk.policy';
import { helpdeskLimits } from './helpdesk.limits';
import { presentTicketDetail, presentTicketSummary, presentTicketView } from './tickets.presenter';
import {
  findTicketById,
  findTicketByNo,
  insertReply,
  insertTicket,
  listReplies,
  listTickets,
  listTicketsOfPerson,
  nextTicketSequence,
  setTicketStatus,
} from './tickets.repository';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newAccessCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
const hashCode = (secret: string, code: string) => createHmac('sha256', secret).update(`ticket:${code.toUpperCase()}`).digest('base64url');

/** KF + the day in China time + a six-digit sequence, e.g. KF20261122-000123. */
export const formatTicketNo = (at: Date, sequence: number) => {
  const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `KF${day}-${String(sequence).padStart(6, '0')}`;
};

/** Opens a ticket (转人工). A signed-in asker's person and account are attached so the reply reaches the inbox. */
export const createTicket = async (
  ctx: AppContext,
  input: { actor: Actor | null; origin: AuditOrigin; body: TicketCreateInput },
): Promise<TicketCreated> => {
  const { origin, body, actor } = input;
  await hitRateLimit(ctx, { bucket: 'helpdesk.ticket', key: origin.ip ?? 'unknown', limit: helpdeskLimits.ticketPerIpPerMinute, origin });
  const accessCode = newAccessCode();
  const ticketNo = await ctx.db.transaction().execute(async (tx) => {
    const at = ctx.clock.now();
    const no = formatTicketNo(at, await nextTicketSequence(tx));
    const row = await insertTicket(tx, {
      ticketNo: no,
      accessCodeHash: hashCode(ctx.secret, accessCode),
      question: body.question,
      conversation: body.conversation.slice(-40),
      contactName: body.contactName,
      contactPhone: body.contactPhone ?? null,
      contactEmail: body.contactEmail ?? null,
      personId: actor?.personId ?? null,
      accountId: actor?.accountId ?? null,
      at,
    });
    await writeAudit(tx, ctx.clock, {
      event: 'HELPDESK_TICKET_CREATE',
      actor: auditActorOf(actor),
      origin,
      target: { type: 'helpdeskTicket', id: row.id },
    });
    return no;
  });
  return { ticketNo, accessCode };
};

export const listTicketQueue = async (ctx: AppContext, query: TicketListQuery): Promise<TicketPage> => {
  const { rows, total } = await listTickets(ctx.db, query);
  return { items: rows.map((r) => presentTicketSummary(r, { masked: true })), total, page: query.page, pageSize: query.pageSize };
};

/** The full ticket with unmasked contact details; reading it is audited. */
export const getTicketDetail = async (ctx: AppContext, input: { actor: Actor; origin: AuditOrigin; id: string }): Promise<TicketDetail> => {
  const row = await findTicketById(ctx.db, input.id);
  if (!row) throw new AppError('NOT_FOUND', '工单不存在');
  const replies = await listReplies(ctx.db, [row.id]);
  await writeAudit(ctx.db, ctx.clock, {
    event: 'HELPDESK_TICKET_VIEW',
    actor: auditActorOf(input.actor),
    origin: input.origin,
    target: { type: 'helpdeskTicket', id: row.id },
  });
  return presentTicketDetail(row, replies);
};

/** Support answers: the reply is stored, the ticket becomes 已回复, and a signed-in asker gets an inbox message. */
export const replyToTicket = async (ctx: AppContext, input: { actor: Actor; origin: AuditOrigin; id: string; body: string }) => {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findTicketById(tx, input.id);
    if (!row) throw new AppError('NOT_FOUND', '工单不存在');
    if (!canReplyToTicket(row.status)) throw new AppError('INVALID_STATE', '工单已关闭，不能再回复');
    const at = ctx.clock.now();
    const moved = await setTicketStatus(tx, { id: row.id, from: ['open', 'answered'], to: 'answered', at });
    if (!moved) throw new AppError('CONFLICT', '工单状态已变化，请刷新后重试');
    await insertReply(tx, { ticketId: row.id, body: input.body, byPersonId: input.actor.personId, at });
    if (row.personId) {
      await ctx.notifier.send(tx, {
        channel: 'inbox',
        personId: row.personId,
        subject: `您的咨询工单 ${row.ticketNo} 已有回复`,
        body: `您的问题：${row.question.slice(0, 200)}\n\n客服回复：${input.body}`,
      });
    }
    await writeAudit(tx, ctx.clock, {
      event: 'HELPDESK_TICKET_REPLY',
      actor: auditActorOf(input.actor),
      origin: input.origin,
      target: { type: 'helpdeskTicket', id: row.id },
    });
  });
  return getTicketDetail(ctx, input);
};

export const closeTicket = async (ctx: AppContext, input: { actor: Actor; origin: AuditOrigin; id: string }) => {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findTicketById(tx, input.id);
    if (!row) throw new AppError('NOT_FOUND', '工单不存在');
    if (!canCloseTicket(row.status)) throw new AppError('INVALID_STATE', '工单已关闭');
    const moved = await setTicketStatus(tx, { id: row.id, from: ['open', 'answered'], to: 'closed', at: ctx.clock.now() });
    if (!moved) throw new AppError('CONFLICT', '工单状态已变化，请刷新后重试');
    await writeAudit(tx, ctx.clock, {
      event: 'HELPDESK_TICKET_CLOSE',
      actor: auditActorOf(input.actor),
      origin: input.origin,
      target: { type: 'helpdeskTicket', id: row.id },
    });
  });
  return getTicketDetail(ctx, input);
};

export const listMyTickets = async (ctx: AppContext, actor: Actor): Promise<{ items: TicketView[] }> => {
  const rows = await listTicketsOfPerson(ctx.db, actor.personId);
  const replies = await listReplies(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentTicketView(r, replies)) };
};

/** Anonymous lookup by ticket number + access code; any mismatch is the same 404, and attempts are rate-limited. */
export const lookupTicket = async (ctx: AppContext, input: { origin: AuditOrigin; ticketNo: string; accessCode: string }): Promise<TicketView> => {
  await hitRateLimit(ctx, {
    bucket: 'helpdesk.lookup',
    key: input.origin.ip ?? 'unknown',
    limit: helpdeskLimits.lookupPerIpPerMinute,
    origin: input.origin,
  });
  const row = await findTicketByNo(ctx.db, input.ticketNo.toUpperCase());
  const expected = Buffer.from(row?.accessCodeHash ?? hashCode(ctx.secret, 'no-such-ticket'));
  const given = Buffer.from(hashCode(ctx.secret, input.accessCode));
  if (!row || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError('NOT_FOUND', '工单号或查询码不正确');
  }
  return presentTicketView(row, await listReplies(ctx.db, [row.id]));
};
