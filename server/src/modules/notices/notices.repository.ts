import type { Insertable, Updateable } from 'kysely';
import type { ManagedNoticeQuery } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { onePage } from '../../platform/db/paging';
import type { NoticeAttachmentTable, NoticeTable } from './notices.tables';

/** Region codes from `code` up to the province (a notice of any of them shows for `code`). */
export const regionAncestry = async (db: DbOrTx, code: string) => {
  const out: string[] = [];
  let current: string | null = code;
  while (current && out.length < 5) {
    const row: { code: string; parentCode: string | null } | undefined = await db
      .selectFrom('region')
      .select(['code', 'parentCode'])
      .where('code', '=', current)
      .executeTakeFirst();
    if (!row) break;
    out.push(row.code);
    current = row.parentCode;
  }
  return out;
};

const publicColumns = ['n.id', 'n.title', 'n.publishedAt', 'n.body', 'o.name as orgName', 'r.name as regionName'] as const;

const published = (db: DbOrTx) =>
  db
    .selectFrom('notice as n')
    .innerJoin('org as o', 'o.id', 'n.orgId')
    .innerJoin('region as r', 'r.code', 'n.regionCode')
    .where('n.status', '=', 'published');

export const listPublishedNotices = async (db: DbOrTx, input: { regionCodes: string[] | null; page: number; pageSize: number }) => {
  let q = published(db);
  if (input.regionCodes) q = q.where('n.regionCode', 'in', input.regionCodes);
  const rows = await q.select(publicColumns).orderBy('n.publishedAt', 'desc').orderBy('n.id', 'desc').$call(onePage(input)).execute();
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: total.n };
};

export const findPublishedNotice = (db: DbOrTx, id: string) => published(db).select(publicColumns).where('n.id', '=', id).executeTakeFirst();

export const listAttachments = (db: DbOrTx, noticeIds: string[]) =>
  noticeIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('noticeAttachment')
        .select(['id', 'noticeId', 'filename', 'contentType', 'size', 'storedName'])
        .where('noticeId', 'in', noticeIds)
        .orderBy('createdAt')
        .execute();

export const findAttachment = (db: DbOrTx, noticeId: string, attachmentId: string) =>
  db
    .selectFrom('noticeAttachment')
    .select(['id', 'filename', 'contentType', 'size', 'storedName'])
    .where('noticeId', '=', noticeId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();

const ownColumns = ['id', 'title', 'body', 'status', 'publishedAt', 'updatedAt'] as const;

/** The bureau's own notices only: another bureau's notice is "not found", whatever its level. */
export const listOwnNotices = async (db: DbOrTx, orgId: string, query: ManagedNoticeQuery) => {
  let q = db.selectFrom('notice').where('orgId', '=', orgId);
  if (query.status) q = q.where('status', '=', query.status);
  const rows = await q.select(ownColumns).orderBy('updatedAt', 'desc').orderBy('id', 'desc').$call(onePage(query)).execute();
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: total.n };
};

export const findOwnNotice = (db: DbOrTx, orgId: string, id: string) =>
  db.selectFrom('notice').select(ownColumns).where('orgId', '=', orgId).where('id', '=', id).executeTakeFirst();

export const lockOwnNotice = (db: DbOrTx, orgId: string, id: string) =>
  db.selectFrom('notice').select(ownColumns).where('orgId', '=', orgId).where('id', '=', id).forUpdate().executeTakeFirst();

export const countAttachments = async (db: DbOrTx, noticeId: string) =>
  (
    await db
      .selectFrom('noticeAttachment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('noticeId', '=', noticeId)
      .executeTakeFirstOrThrow()
  ).n;

/** The publishing org's kind and region (a notice is published in the region of its bureau). */
export const findPublisher = (db: DbOrTx, orgId: string) =>
  db.selectFrom('org').select(['regionCode', 'kind']).where('id', '=', orgId).executeTakeFirstOrThrow();

export const insertNotice = async (db: DbOrTx, values: Insertable<NoticeTable>) =>
  (await db.insertInto('notice').values(values).returning('id').executeTakeFirstOrThrow()).id;

export const updateNotice = async (db: DbOrTx, id: string, values: Updateable<NoticeTable>) => {
  await db.updateTable('notice').set(values).where('id', '=', id).execute();
};

export const insertAttachment = async (db: DbOrTx, values: Insertable<NoticeAttachmentTable>) => {
  await db.insertInto('noticeAttachment').values(values).execute();
};

export const deleteAttachment = async (db: DbOrTx, id: string) => {
  await db.deleteFrom('noticeAttachment').where('id', '=', id).execute();
};
