import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  maskIdNumber,
  refusedSyncResults,
  SyncResult,
  syncResultLabels,
  type SyncBatchInput,
  type SyncBatchResult,
  type SyncSource,
  type SyncSourceInput,
} from '@cep/contracts';
import { loadProfile } from '@cep/profiles';
import type { Actor } from '../../platform/auth/actor';
import { auditActorOf } from '../../platform/auth/actor';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { chinaDay } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import { creditHours, lockClaimsOf, removeHoursRecords, timedClaimLoads } from '../claims';
import { decideSyncItems, type SyncDecision } from './hours-sync.decide';
import * as repo from './hours-sync.repository';
import { findOrgLevel } from '../organizations';

const KEY_PREFIX = 'cep_sync_';
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

const present = (row: Awaited<ReturnType<typeof repo.findSource>> & object): SyncSource => ({
  ...row,
  status: row.revokedAt ? 'revoked' : 'active',
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  lastBatchAt: row.lastBatchAt?.toISOString() ?? null,
});

/** 学时对接 is the province's: the bureau that answers for the whole province registers and watches the sources. */
const requireProvinceBureau = async (ctx: AppContext, actor: Actor) => {
  const org = await findOrgLevel(ctx.db, actor.orgId);
  if (org?.kind !== 'hrBureau' || org.bureauLevel !== 'province') throw new AppError('FORBIDDEN', '学习平台对接由省级人社部门管理');
};

export const listSyncSources = async (ctx: AppContext, actor: Actor) => {
  await requireProvinceBureau(ctx, actor);
  return { items: (await repo.listSources(ctx.db)).map(present) };
};

/** A new API key: 256 random bits, shown once; only its hash and first characters are kept. */
const newKey = () => {
  const apiKey = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { apiKey, keyHash: hashKey(apiKey), keyPrefix: apiKey.slice(0, KEY_PREFIX.length + 6) };
};

/** Registers a learning platform and makes its key. */
export const registerSyncSource = async (ctx: AppContext, actor: Actor, input: SyncSourceInput, origin: AuditOrigin) => {
  await requireProvinceBureau(ctx, actor);
  const { apiKey, keyHash, keyPrefix } = newKey();
  return ctx.db.transaction().execute(async (tx) => {
    if (await repo.findActiveSourceByName(tx, input.name)) throw new AppError('CONFLICT', `已有名为“${input.name}”的学习平台`);
    const row = await repo.insertSource(tx, {
      ...input,
      keyHash,
      keyPrefix,
      createdByAccountId: actor.accountId,
      createdAt: ctx.clock.now(),
    });
    await writeAudit(tx, ctx.clock, {
      event: 'SYNC_SOURCE_CREATE',
      actor: auditActorOf(actor),
      origin,
      target: { type: 'syncSource', id: row.id },
      detail: { name: input.name, categories: input.categories, fromYear: input.fromYear, toYear: input.toYear },
    });
    return { source: present(row), apiKey };
  });
};

/**
 * 更换密钥: the source gets a new key and the old one stops (after a batch in progress), keeping the source, so that
 * its records stay its own and a resend under the new key is still a duplicate.
 */
export const rotateSyncKey = async (ctx: AppContext, actor: Actor, id: string, origin: AuditOrigin) => {
  await requireProvinceBureau(ctx, actor);
  return ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.findSource(tx, id))) throw new AppError('NOT_FOUND', '未找到该学习平台');
    await repo.lockSource(tx, id);
    const { apiKey, keyHash, keyPrefix } = newKey();
    if (!(await repo.replaceKey(tx, id, { keyHash, keyPrefix }))) throw new AppError('INVALID_STATE', '该学习平台的密钥已吊销，请重新登记');
    await writeAudit(tx, ctx.clock, { event: 'SYNC_SOURCE_ROTATE', actor: auditActorOf(actor), origin, target: { type: 'syncSource', id } });
    return { source: present((await repo.findSource(tx, id))!), apiKey };
  });
};

/** 吊销: the key stops working at once; what the source sent stays. */
export const revokeSyncSource = async (ctx: AppContext, actor: Actor, id: string, origin: AuditOrigin) => {
  await requireProvinceBureau(ctx, actor);
  return ctx.db.transaction().execute(async (tx) => {
    const source = await repo.findSource(tx, id);
    if (!source) throw new AppError('NOT_FOUND', '未找到该学习平台');
    // Waits for a batch of the source in progress: once 吊销 returns, no batch of its key commits.
    await repo.lockSource(tx, id);
    if (!(await repo.revokeSource(tx, id, ctx.clock.now()))) throw new AppError('INVALID_STATE', '该学习平台的密钥已吊销');
    await writeAudit(tx, ctx.clock, { event: 'SYNC_SOURCE_REVOKE', actor: auditActorOf(actor), origin, target: { type: 'syncSource', id } });
    return present((await repo.findSource(tx, id))!);
  });
};

export const listSyncRefusals = async (ctx: AppContext, actor: Actor, id: string, page: { page: number; pageSize: number }) => {
  await requireProvinceBureau(ctx, actor);
  if (!(await repo.findSource(ctx.db, id))) throw new AppError('NOT_FOUND', '未找到该学习平台');
  const { items, total } = await repo.listRefusals(ctx.db, id, page);
  return {
    items: items.map(({ externalId, receivedAt, ...r }) => ({
      ...r,
      recordId: externalId,
      receivedAt: receivedAt.toISOString(),
      resultLabel: syncResultLabels[r.result],
    })),
    total,
    ...page,
  };
};

/** The source an API key opens, or 401 (no key, an unknown one, or a revoked one, said as such). */
export const sourceOfKey = async (ctx: AppContext, authorization: string | undefined) => {
  const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!key) throw new AppError('UNAUTHENTICATED', '请在 Authorization 头中提供对接密钥（Bearer）');
  const source = await repo.findSourceByKeyHash(ctx.db, hashKey(key));
  if (!source) throw new AppError('UNAUTHENTICATED', '对接密钥无效');
  if (source.revokedAt) throw new AppError('UNAUTHENTICATED', '对接密钥已吊销，请联系省级人社部门');
  return source;
};

/** The first and last of these 'YYYY-MM-DD' days. */
const dayRange = (days: string[]) => {
  const sorted = [...days].sort();
  return { from: sorted[0]!, to: sorted.at(-1)! };
};

type Accepted = Extract<SyncDecision, { result: 'accepted' | 'corrected' }>;

/**
 * 学时对接: one batch of a source, in one transaction under the source's lock and the people's claim locks (a
 * claim and a sync of one person cannot both take the last hours of a day). Each item gets its own result; the
 * accepted ones become hours records and person-year sums; a corrected record replaces its old one, which stays
 * as history pointing at it; a resend of the same record changes nothing.
 */
export const ingestBatch = async (
  ctx: AppContext,
  source: NonNullable<Awaited<ReturnType<typeof repo.findSourceByKeyHash>>>,
  input: SyncBatchInput,
  origin: AuditOrigin,
): Promise<SyncBatchResult> => {
  const profile = loadProfile(ctx.config.profile);
  const now = ctx.clock.now();
  const batchId = randomUUID();
  const decisions = await ctx.db.transaction().execute(async (tx) => {
    await repo.lockSource(tx, source.id);
    if (!(await repo.isSourceActive(tx, source.id))) throw new AppError('UNAUTHENTICATED', '对接密钥已吊销，请联系省级人社部门');
    const people = await repo.findProfessionalsByIdNumbers(tx, [...new Set(input.items.map((i) => i.idNumber))]);
    const personIds = people.map((p) => p.personId);
    await lockClaimsOf(tx, personIds);
    const range = dayRange(input.items.map((i) => i.completedOn));
    const [current, syncLoads, claimLoads] = [
      await repo.findCurrentRecords(
        tx,
        source.id,
        input.items.map((i) => i.recordId),
      ),
      await repo.findSyncDayLoads(tx, { personIds, ...range }),
      personIds.length ? await timedClaimLoads(tx, profile, { personIds, startDate: range.from, endDate: range.to }) : [],
    ];
    const decisions = decideSyncItems(input.items, {
      profile,
      source,
      today: chinaDay(now),
      people: new Map(people.map((p) => [p.idNumber, p])),
      current: new Map(current.map((c) => [c.externalId, c])),
      syncLoads,
      claimLoads,
    });

    const counts = Object.fromEntries(SyncResult.options.map((r) => [r, 0])) as Record<SyncResult, number>;
    for (const d of decisions) counts[d.result]++;
    const batch = { sourceId: source.id, batchId, receivedAt: now };
    await repo.insertBatch(tx, { id: batchId, sourceId: source.id, receivedAt: now, itemCount: input.items.length, counts });

    const accepted = decisions.filter((d): d is Accepted => d.result === 'accepted' || d.result === 'corrected');
    const replaced = accepted.flatMap((d) => (d.replaces ? [d.replaces] : []));
    await removeHoursRecords(
      tx,
      replaced.flatMap((r) => (r.hoursRecordId ? [r.hoursRecordId] : [])),
      now,
    );
    await repo.retireRecords(
      tx,
      replaced.map((r) => r.id),
      now,
    );
    const records = accepted.map((d) => ({ decision: d, id: randomUUID(), hoursRecordId: randomUUID() }));
    await creditHours(
      tx,
      records.map(({ decision: { item, person }, hoursRecordId }) => ({
        id: hoursRecordId,
        personId: person.personId,
        creditYear: Number(item.completedOn.slice(0, 4)),
        category: item.category,
        hours: item.hours,
        fullYear: false,
        source: 'sync' as const,
        requestId: null,
        formCode: null,
        title: item.course,
      })),
      now,
    );
    await repo.insertRecords(
      tx,
      batch,
      records.map(({ decision: { item, person, contentHash }, id, hoursRecordId }) => ({
        id,
        externalId: item.recordId,
        personId: person.personId,
        course: item.course,
        category: item.category,
        hours: item.hours,
        completedOn: item.completedOn,
        seriesCode: item.seriesCode ?? null,
        contentHash,
        hoursRecordId,
      })),
    );
    await repo.pointRecordsToSuccessors(
      tx,
      records.flatMap(({ decision, id }) => (decision.replaces ? [{ id: decision.replaces.id, successorId: id }] : [])),
    );
    const refused = decisions.filter((d) => refusedSyncResults.includes(d.result));
    await repo.insertRefusals(
      tx,
      batch,
      refused.map(({ item, result, message, ...d }) => ({
        externalId: item.recordId,
        idNumberMasked: item.idNumber.length >= 15 ? maskIdNumber(item.idNumber) : '—',
        name: item.name,
        course: item.course,
        result,
        message: ('detail' in d ? d.detail : undefined) ?? message ?? '',
      })),
    );
    await repo.countBatch(tx, source.id, { accepted: counts.accepted, refused: refused.length, at: now });
    await writeAudit(tx, ctx.clock, {
      event: 'HOURS_SYNC_BATCH',
      origin,
      target: { type: 'syncSource', id: source.id },
      detail: { batchId, items: input.items.length, counts },
    });
    return { decisions, counts };
  });
  return {
    batchId,
    counts: decisions.counts,
    items: decisions.decisions.map((d) => ({ recordId: d.item.recordId, result: d.result, message: d.message })),
  };
};
