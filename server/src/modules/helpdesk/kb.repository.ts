import { sql } from 'kysely';
import type { KbListQuery } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { containsPattern } from '../../platform/db/like';
import type { KbContent } from './helpdesk.tables';
import { onePage } from '../../platform/db/paging';

const entryColumns = [
  'e.id',
  'e.title',
  'e.answer',
  'e.variants',
  'e.topic',
  'e.roles',
  'e.handoff',
  'e.status',
  'e.version',
  'e.updatedAt',
  'p.name as updatedByName',
] as const;

export type KbEntryRow = KbContent & { id: string; version: number; updatedAt: Date; updatedByName: string | null };

export const listKbEntries = async (db: DbOrTx, profile: string, query: KbListQuery) => {
  let q = db.selectFrom('kbEntry as e').leftJoin('person as p', 'p.id', 'e.updatedBy').where('e.profile', '=', profile);
  if (query.status) q = q.where('e.status', '=', query.status);
  if (query.topic) q = q.where('e.topic', '=', query.topic);
  if (query.q) {
    const like = containsPattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('e.title', 'ilike', like),
        eb('e.answer', 'ilike', like),
        eb(sql`array_to_string(e.variants, ' ')`, 'ilike', like),
        eb('e.id', '=', query.q!),
      ]),
    );
  }
  const rows = await q.select(entryColumns).orderBy('e.topic').orderBy('e.title').$call(onePage(query)).execute();
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: rows as KbEntryRow[], total: total.n };
};

export const findKbEntry = async (db: DbOrTx, profile: string, id: string) =>
  (await db
    .selectFrom('kbEntry as e')
    .leftJoin('person as p', 'p.id', 'e.updatedBy')
    .select(entryColumns)
    .where('e.profile', '=', profile)
    .where('e.id', '=', id)
    .executeTakeFirst()) as KbEntryRow | undefined;

export const listKbRevisions = (db: DbOrTx, entryId: string) =>
  db
    .selectFrom('kbEntryRevision as r')
    .leftJoin('person as p', 'p.id', 'r.byPersonId')
    .select(['r.id', 'r.action', 'r.oldContent', 'r.newContent', 'r.at', 'p.name as byName'])
    .where('r.entryId', '=', entryId)
    .orderBy('r.id', 'desc')
    .limit(200)
    .execute();

export const listActiveKbEntries = (db: DbOrTx, profile: string) =>
  db
    .selectFrom('kbEntry')
    .select(['id', 'title', 'answer', 'variants', 'topic', 'roles', 'handoff'])
    .where('profile', '=', profile)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();

export const countKbEntries = async (db: DbOrTx, profile: string) =>
  (
    await db
      .selectFrom('kbEntry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('profile', '=', profile)
      .executeTakeFirstOrThrow()
  ).n;

/**
 * A cheap fingerprint of the knowledge base: every change writes one revision row, so the count and the
 * highest id change together even when two edits commit out of id order.
 */
export const kbGeneration = async (db: DbOrTx) => {
  const row = await db
    .selectFrom('kbEntryRevision')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('maxId')])
    .executeTakeFirstOrThrow();
  return `${row.n}:${row.maxId ?? 0}`;
};

export type KbWrite = KbContent & { id: string; profile: string; updatedAt: Date; updatedBy: string | null };

export const insertKbEntry = (db: DbOrTx, entry: KbWrite) =>
  db
    .insertInto('kbEntry')
    .values({ ...entry, version: 1 })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();

/** Optimistic update: only the row still at `version` changes; undefined means someone else changed it first. */
export const updateKbEntry = (db: DbOrTx, input: { entry: KbWrite; version: number }) => {
  const { id, profile, ...content } = input.entry;
  return db
    .updateTable('kbEntry')
    .set({ ...content, version: input.version + 1 })
    .where('id', '=', id)
    .where('profile', '=', profile)
    .where('version', '=', input.version)
    .returning('version')
    .executeTakeFirst();
};

export type KbRevisionWrite = {
  entryId: string;
  action: 'import' | 'create' | 'edit' | 'retire' | 'restore';
  oldContent: KbContent | null;
  newContent: KbContent;
  byPersonId: string | null;
  byOrgId: string | null;
  at: Date;
};

export const insertKbRevision = (db: DbOrTx, rev: KbRevisionWrite) =>
  db
    .insertInto('kbEntryRevision')
    .values({ ...rev, oldContent: rev.oldContent ? JSON.stringify(rev.oldContent) : null, newContent: JSON.stringify(rev.newContent) })
    .execute();
