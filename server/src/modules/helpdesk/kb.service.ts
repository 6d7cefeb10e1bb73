import { randomBytes } from 'node:crypto';
import { loadKnowledgeBase } from '@cep/profiles';
import type { KbEntryEditInput, KbListQuery, KbRecordDetail, KbRecordPage } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/database';
import { lockUntilCommit } from '../../platform/db/locks';
import type { Actor } from '../../platform/auth/actor';
import type { AuditOrigin } from '../../platform/audit/audit';
import { writeAudit } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import type { KbContent } from './helpdesk.tables';
import { canEditKnowledgeBase } from './helpdesk.policy';
import { findOrgLevel } from '../organizations';
import { presentKbRecord, presentKbRevision } from './kb.presenter';
import {
  countKbEntries,
  findKbEntry,
  insertKbEntry,
  insertKbRevision,
  listKbEntries,
  listKbRevisions,
  updateKbEntry,
  type KbEntryRow,
} from './kb.repository';

const contentOf = (row: KbContent): KbContent => ({
  title: row.title,
  answer: row.answer,
  variants: [...row.variants],
  topic: row.topic,
  roles: [...row.roles],
  handoff: row.handoff,
  status: row.status,
});

/**
 * Fills an empty knowledge base from the profile's kb.json, once (an advisory lock keeps two starting
 * processes from both importing). Each imported entry gets an 'import' revision.
 */
export const ensureKnowledgeBase = async (ctx: AppContext) => {
  if ((await countKbEntries(ctx.db, ctx.config.profile)) > 0) return;
  const entries = loadKnowledgeBase(ctx.config.profile);
  await ctx.db.transaction().execute(async (tx) => {
    await lockUntilCommit(tx, 'kb_entry_seed');
    if ((await countKbEntries(tx, ctx.config.profile)) > 0) return;
    const at = ctx.clock.now();
    for (const e of entries) {
      const content: KbContent = {
        title: e.title,
        answer: e.answer,
        variants: [...(e.variants ?? [])],
        topic: e.topic,
        roles: [...(e.roles ?? [])],
        handoff: Boolean((e as { handoff?: boolean }).handoff),
        status: 'active',
      };
      await insertKbEntry(tx, { id: e.id, profile: ctx.config.profile, ...content, updatedAt: at, updatedBy: null });
      await insertKbRevision(tx, { entryId: e.id, action: 'import', oldContent: null, newContent: content, byPersonId: null, byOrgId: null, at });
    }
  });
};

const actorCanEdit = async (ctx: AppContext, actor: Actor) => canEditKnowledgeBase(await findOrgLevel(ctx.db, actor.orgId));

const requireEditor = async (ctx: AppContext, actor: Actor) => {
  if (!(await actorCanEdit(ctx, actor))) throw new AppError('FORBIDDEN', '知识库由省级人社部门维护，市、区县人社部门只能查看');
};

export const listKnowledgeBase = async (ctx: AppContext, actor: Actor, query: KbListQuery): Promise<KbRecordPage> => {
  const { rows, total } = await listKbEntries(ctx.db, ctx.config.profile, query);
  return { items: rows.map(presentKbRecord), total, page: query.page, pageSize: query.pageSize, canEdit: await actorCanEdit(ctx, actor) };
};

export const getKnowledgeBaseEntry = async (ctx: AppContext, actor: Actor, id: string): Promise<KbRecordDetail> => {
  const row = await findKbEntry(ctx.db, ctx.config.profile, id);
  if (!row) throw new AppError('NOT_FOUND', '知识条目不存在');
  const revisions = await listKbRevisions(ctx.db, id);
  return { entry: presentKbRecord(row), revisions: revisions.map(presentKbRevision), canEdit: await actorCanEdit(ctx, actor) };
};

type Change = { actor: Actor; origin: AuditOrigin };

export const createKnowledgeBaseEntry = async (ctx: AppContext, change: Change, input: KbEntryEditInput) => {
  await requireEditor(ctx, change.actor);
  const id = `kb-${randomBytes(5).toString('hex')}`;
  const content: KbContent = { ...input, status: 'active' };
  await ctx.db.transaction().execute(async (tx) => {
    const at = ctx.clock.now();
    await insertKbEntry(tx, { id, profile: ctx.config.profile, ...content, updatedAt: at, updatedBy: change.actor.personId });
    await recordChange(ctx, tx, change, { id, action: 'create', oldContent: null, newContent: content, at });
  });
  return getKnowledgeBaseEntry(ctx, change.actor, id);
};

const recordChange = async (
  ctx: AppContext,
  tx: DbOrTx,
  change: Change,
  rev: { id: string; action: 'create' | 'edit' | 'retire' | 'restore'; oldContent: KbContent | null; newContent: KbContent; at: Date },
) => {
  const { actor, origin } = change;
  await insertKbRevision(tx, {
    entryId: rev.id,
    action: rev.action,
    oldContent: rev.oldContent,
    newContent: rev.newContent,
    byPersonId: actor.personId,
    byOrgId: actor.orgId,
    at: rev.at,
  });
  await writeAudit(tx, ctx.clock, {
    event: `KB_ENTRY_${rev.action.toUpperCase()}`,
    actor: { personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId },
    origin,
    target: { type: 'kbEntry', id: rev.id },
    detail: { title: rev.newContent.title },
  });
};

/** Applies `next` to the entry at `version`; a stale version is a conflict and nothing changes. */
const changeEntry = async (
  ctx: AppContext,
  change: Change,
  input: { id: string; version: number; action: 'edit' | 'retire' | 'restore'; next: (row: KbEntryRow) => KbContent },
) => {
  await requireEditor(ctx, change.actor);
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findKbEntry(tx, ctx.config.profile, input.id);
    if (!row) throw new AppError('NOT_FOUND', '知识条目不存在');
    if (input.action === 'retire' && row.status === 'retired') throw new AppError('INVALID_STATE', '该条目已停用');
    if (input.action === 'restore' && row.status === 'active') throw new AppError('INVALID_STATE', '该条目已在使用中');
    const oldContent = contentOf(row);
    const newContent = input.next(row);
    const at = ctx.clock.now();
    const updated = await updateKbEntry(tx, {
      entry: { id: input.id, profile: ctx.config.profile, ...newContent, updatedAt: at, updatedBy: change.actor.personId },
      version: input.version,
    });
    if (!updated) throw new AppError('CONFLICT', '该条目已被他人修改，请刷新后重试');
    await recordChange(ctx, tx, change, { id: input.id, action: input.action, oldContent, newContent, at });
  });
  return getKnowledgeBaseEntry(ctx, change.actor, input.id);
};

export const editKnowledgeBaseEntry = (ctx: AppContext, change: Change, id: string, input: KbEntryEditInput & { version: number }) => {
  const { version, ...fields } = input;
  return changeEntry(ctx, change, { id, version, action: 'edit', next: (row) => ({ ...fields, status: row.status }) });
};

export const retireKnowledgeBaseEntry = (ctx: AppContext, change: Change, id: string, version: number) =>
  changeEntry(ctx, change, { id, version, action: 'retire', next: (row) => ({ ...contentOf(row), status: 'retired' }) });

export const restoreKnowledgeBaseEntry = (ctx: AppContext, change: Change, id: string, version: number) =>
  changeEntry(ctx, change, { id, version, action: 'restore', next: (row) => ({ ...contentOf(row), status: 'active' }) });
