import type { KbRecord, KbRecordRevision } from '@cep/contracts';
import type { KbContent } from './helpdesk.tables';
import type { KbEntryRow, listKbRevisions } from './kb.repository';

export const presentKbRecord = (row: KbEntryRow): KbRecord => ({
  id: row.id,
  title: row.title,
  answer: row.answer,
  variants: row.variants,
  topic: row.topic,
  roles: row.roles,
  handoff: row.handoff,
  status: row.status,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
  updatedByName: row.updatedByName,
});

type RevisionRow = Awaited<ReturnType<typeof listKbRevisions>>[number];

export const presentKbRevision = (row: RevisionRow): KbRecordRevision => ({
  id: Number(row.id),
  action: row.action,
  oldContent: (row.oldContent as KbContent | null) ?? null,
  newContent: row.newContent as KbContent,
  byName: row.byName,
  at: row.at.toISOString(),
});
