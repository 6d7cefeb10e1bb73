import type { ManagedNotice, ManagedNoticePage, ManagedNoticeQuery, NoticeInput } from '@cep/contracts';
import { noticeAttachmentMaxBytes } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/database';
import { auditActorOf, type Actor } from '../../platform/auth/actor';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { removeStored, storeUpload } from '../../platform/files/files';
import { presentManagedNotice } from './notices.presenter';
import {
  countAttachments,
  deleteAttachment,
  findAttachment,
  findOwnNotice,
  findPublisher,
  insertAttachment,
  insertNotice,
  listAttachments,
  listOwnNotices,
  lockOwnNotice,
  updateNotice,
} from './notices.repository';
import { nextStatus, MAX_ATTACHMENTS, type NoticeAction } from './notices.policy';

type Change = { actor: Actor; origin: AuditOrigin };

const audit = (ctx: AppContext, db: DbOrTx, change: Change, event: string, noticeId: string, detail?: Record<string, unknown>) =>
  writeAudit(db, ctx.clock, { event, actor: auditActorOf(change.actor), origin: change.origin, target: { type: 'notice', id: noticeId }, detail });

const requireOwn = async (db: DbOrTx, actor: Actor, id: string) => {
  const row = await lockOwnNotice(db, actor.orgId, id);
  if (!row) throw new AppError('NOT_FOUND', '公告不存在或不属于本单位');
  return row;
};

export const getOwnNotice = async (ctx: AppContext, actor: Actor, id: string): Promise<ManagedNotice> => {
  const row = await findOwnNotice(ctx.db, actor.orgId, id);
  if (!row) throw new AppError('NOT_FOUND', '公告不存在或不属于本单位');
  return presentManagedNotice(row, await listAttachments(ctx.db, [row.id]));
};

export const listManagedNotices = async (ctx: AppContext, actor: Actor, query: ManagedNoticeQuery): Promise<ManagedNoticePage> => {
  const { rows, total } = await listOwnNotices(ctx.db, actor.orgId, query);
  const attachments = await listAttachments(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentManagedNotice(r, attachments)), total, page: query.page, pageSize: query.pageSize };
};

/** A new notice starts as a draft of the actor's bureau, in that bureau's region. */
export const createNotice = async (ctx: AppContext, change: Change, input: NoticeInput) => {
  const id = await ctx.db.transaction().execute(async (tx) => {
    const org = await findPublisher(tx, change.actor.orgId);
    if (org.kind !== 'hrBureau') throw new AppError('FORBIDDEN', '只有人社部门可以发布通知公告');
    const now = ctx.clock.now();
    const noticeId = await insertNotice(tx, {
      ...input,
      orgId: change.actor.orgId,
      regionCode: org.regionCode,
      status: 'draft',
      publishedAt: null,
      createdBy: change.actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    await audit(ctx, tx, change, 'NOTICE_CREATE', noticeId, { title: input.title });
    return noticeId;
  });
  return getOwnNotice(ctx, change.actor, id);
};

export const editNotice = async (ctx: AppContext, change: Change, id: string, input: NoticeInput) => {
  await ctx.db.transaction().execute(async (tx) => {
    await requireOwn(tx, change.actor, id);
    await updateNotice(tx, id, { ...input, updatedAt: ctx.clock.now() });
    await audit(ctx, tx, change, 'NOTICE_EDIT', id, { title: input.title });
  });
  return getOwnNotice(ctx, change.actor, id);
};

/** Publish (first publication dates the notice) or withdraw; a move the state does not allow is refused. */
export const changeNoticeStatus = async (ctx: AppContext, change: Change, id: string, action: NoticeAction) => {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await requireOwn(tx, change.actor, id);
    const to = nextStatus(row.status, action);
    if (!to) throw new AppError('INVALID_STATE', action === 'publish' ? '该公告已发布' : '只有已发布的公告可以撤回');
    const now = ctx.clock.now();
    const publishedAt = to === 'published' ? now : row.publishedAt;
    await updateNotice(tx, id, { status: to, publishedAt, updatedAt: now });
    await audit(ctx, tx, change, action === 'publish' ? 'NOTICE_PUBLISH' : 'NOTICE_WITHDRAW', id);
  });
  return getOwnNotice(ctx, change.actor, id);
};

/** Stores the checked file first, then records it; if recording fails the stored file is removed again. */
export const addAttachment = async (ctx: AppContext, change: Change, id: string, file: { filename: string; bytes: Buffer }) => {
  await getOwnNotice(ctx, change.actor, id);
  const stored = await storeUpload({
    dataDir: ctx.config.dataDir,
    ...file,
    maxBytes: noticeAttachmentMaxBytes,
    allowed: ['pdf', 'docx', 'xlsx', 'png', 'jpg'],
  });
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await requireOwn(tx, change.actor, id);
      if ((await countAttachments(tx, id)) >= MAX_ATTACHMENTS) throw new AppError('INVALID_STATE', `每条公告最多${MAX_ATTACHMENTS}个附件`);
      const { kind: _kind, ...values } = stored;
      await insertAttachment(tx, { ...values, noticeId: id, createdAt: ctx.clock.now() });
      await audit(ctx, tx, change, 'NOTICE_ATTACHMENT_ADD', id, { filename: stored.filename, sha256: stored.sha256, size: stored.size });
    });
  } catch (error) {
    await removeStored(ctx.config.dataDir, stored.storedName);
    throw error;
  }
  return getOwnNotice(ctx, change.actor, id);
};

export const removeAttachment = async (ctx: AppContext, change: Change, id: string, attachmentId: string) => {
  const storedName = await ctx.db.transaction().execute(async (tx) => {
    await requireOwn(tx, change.actor, id);
    const att = await findAttachment(tx, id, attachmentId);
    if (!att) throw new AppError('NOT_FOUND', '附件不存在');
    await deleteAttachment(tx, att.id);
    await audit(ctx, tx, change, 'NOTICE_ATTACHMENT_REMOVE', id, { filename: att.filename });
    return att.storedName;
  });
  await removeStored(ctx.config.dataDir, storedName);
  return getOwnNotice(ctx, change.actor, id);
};

/** The publishing bureau may download its attachments before publication (to check them). */
export const downloadOwnAttachment = async (ctx: AppContext, input: { actor: Actor; id: string; attachmentId: string }) => {
  await getOwnNotice(ctx, input.actor, input.id);
  const att = await findAttachment(ctx.db, input.id, input.attachmentId);
  if (!att) throw new AppError('NOT_FOUND', '附件不存在');
  return att;
};
