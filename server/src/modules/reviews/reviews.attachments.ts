import { requestAttachmentMaxBytes, requestVideoMaxBytes, type RequestAttachment } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import type { DbOrTx, Tx } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors/app-error';
import { Readable } from 'node:stream';
import { removeStored, storeUploadStream } from '../../platform/files/files';
import {
  bindAttachments,
  countUploads,
  deleteStaleUnbound,
  deleteUnbound,
  findAttachment,
  insertAttachment,
  listAttachmentsOf,
  lockUploadsOf,
} from './reviews.attachments.repository';
import { mayRead } from './reviews.policy';
import { findRequestKind } from './reviews.registry';
import { findSteps, findVisibleRequest } from './reviews.repository';

/** Uploads waiting for their request, and uploads a day, per person: enough for any claim's evidence, not a disk to fill. */
const MAX_UNBOUND = 20;
const MAX_PER_DAY = 50;
/** Bytes a day per person: a few training videos, not a disk. */
const MAX_BYTES_PER_DAY = 500 * 1024 * 1024;
const DAY_MS = 86_400_000;
const NOT_FOUND_MESSAGE = '附件不存在或您无权查看';

const present = (row: { id: string; filename: string; size: number; contentType: string }): RequestAttachment => ({
  id: row.id,
  filename: row.filename,
  size: row.size,
  contentType: row.contentType,
});

const actorOf = (actor: Actor) => ({ personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId });

/** Why the person may not upload now (too many unfiled, or too many today), or nothing. */
export const checkUploadQuota = async (ctx: AppContext, actor: Actor, db: DbOrTx = ctx.db) => {
  const counts = await countUploads(db, actor.personId, new Date(ctx.clock.now().getTime() - DAY_MS));
  if (counts.unbound >= MAX_UNBOUND) throw new AppError('INVALID_STATE', `未提交的附件已有${MAX_UNBOUND}个，请先提交申请或删除不用的附件`);
  if (counts.recent >= MAX_PER_DAY) throw new AppError('RATE_LIMITED', `每天最多上传${MAX_PER_DAY}个附件，请明天再试`);
  if (Number(counts.recentBytes) >= MAX_BYTES_PER_DAY) throw new AppError('RATE_LIMITED', '每天上传的附件合计不能超过500MB，请明天再试');
};

/**
 * 上传附件 before filing: PDF, JPG or PNG by its bytes, at most 10 MB, or an MP4 video of at most 100 MB; only its
 * uploader sees it until it is filed.
 * The quota is checked again under the person's lock, so uploads sent at once cannot pass it together.
 */
const LIMITS = { pdf: requestAttachmentMaxBytes, jpg: requestAttachmentMaxBytes, png: requestAttachmentMaxBytes, mp4: requestVideoMaxBytes };

type Upload = { filename: string } & ({ stream: Readable } | { bytes: Buffer });

export const uploadAttachment = async (ctx: AppContext, actor: Actor, file: Upload): Promise<RequestAttachment> => {
  const stream = 'stream' in file ? file.stream : Readable.from([file.bytes]);
  const stored = await storeUploadStream({ dataDir: ctx.config.dataDir, filename: file.filename, stream, limits: LIMITS });
  let uploaded: RequestAttachment;
  try {
    const { kind: _kind, ...values } = stored;
    uploaded = await ctx.db.transaction().execute(async (tx) => {
      await lockUploadsOf(tx, actor.personId);
      await checkUploadQuota(ctx, actor, tx);
      return present(await insertAttachment(tx, { ...values, uploaderPersonId: actor.personId, createdAt: ctx.clock.now() }));
    });
  } catch (error) {
    await removeStored(ctx.config.dataDir, stored.storedName);
    throw error;
  }
  await sweepStaleUploads(ctx);
  return uploaded;
};

/** How long an upload may wait for its request; an abandoned one is removed by a later upload (no scheduler needed). */
export const UNFILED_UPLOAD_DAYS = 30;
const SWEEP_PER_UPLOAD = 20;

/** Each upload takes away a few abandoned ones, so unfiled files never pile up however many forms are left. */
const sweepStaleUploads = async (ctx: AppContext) => {
  const before = new Date(ctx.clock.now().getTime() - UNFILED_UPLOAD_DAYS * DAY_MS);
  for (const storedName of await deleteStaleUnbound(ctx.db, before, SWEEP_PER_UPLOAD)) await removeStored(ctx.config.dataDir, storedName);
};

/** Removes an upload not filed yet (a filed one belongs to its request's record). */
export const removeUnboundAttachment = async (ctx: AppContext, actor: Actor, id: string) => {
  const removed = await deleteUnbound(ctx.db, id, actor.personId);
  if (!removed) throw notFound('附件不存在或已随申请提交，不能删除');
  await removeStored(ctx.config.dataDir, removed.storedName);
};

/**
 * Binds uploads to the request being filed, in its transaction: each must be the applicant's own and not filed
 * with another request, or nothing is filed.
 */
export const bindToRequest = async (tx: Tx, input: { requestId: string; personId: string; ids: string[] }) => {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) return;
  const bound = await bindAttachments(tx, { ...input, ids });
  if (bound.length !== ids.length) throw new AppError('VALIDATION_FAILED', '附件不存在或已随其他申请提交，请重新上传');
};

export const attachmentsOf = async (db: AppContext['db'], requestIds: string[]) => {
  const rows = await listAttachmentsOf(db, requestIds);
  return (requestId: string) => rows.filter((r) => r.requestId === requestId).map(present);
};

type Download = { ctx: AppContext; actor: Actor; id: string; origin?: AuditOrigin | null };

/** Whether the actor reads the file: its uploader, or an admin whose org reviews its request or holds it in scope. */
const mayDownload = async ({ ctx, actor }: Download, row: { uploaderPersonId: string; requestId: string | null }) => {
  if (row.uploaderPersonId === actor.personId) return true;
  if (!row.requestId || actor.accountKind !== 'admin') return false;
  const request = await findVisibleRequest(ctx.db, actor, row.requestId);
  if (!request) return false;
  return mayRead(actor, await findSteps(ctx.db, [row.requestId]), findRequestKind(request.kind)?.readPermissions);
};

/** A request's file for download; every download by someone other than the uploader, and every refusal, is audited. */
export const downloadAttachment = async (download: Download) => {
  const { ctx, actor, id, origin } = download;
  const row = await findAttachment(ctx.db, id);
  const allowed = row ? await mayDownload(download, row) : false;
  if (!row || !allowed || row.uploaderPersonId !== actor.personId) {
    await writeAudit(ctx.db, ctx.clock, {
      event: 'REQUEST_ATTACHMENT_DOWNLOAD',
      outcome: allowed ? 'success' : 'failure',
      reason: allowed ? null : 'NOT_FOUND',
      actor: actorOf(actor),
      origin,
      target: { type: 'requestAttachment', id },
      detail: row?.requestId ? { requestId: row.requestId } : null,
    });
  }
  if (!row || !allowed) throw notFound(NOT_FOUND_MESSAGE);
  return row;
};
