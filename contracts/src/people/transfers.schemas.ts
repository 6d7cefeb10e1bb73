import { z } from 'zod';
import { OptionalText, Text } from '../common/text';
import { PageQuery, pageOf } from '../common/paging';
import { PendingItem, RequestStatus } from '../reviews/reviews.schemas';
import { Day } from '../claims/claims.schemas';

/** 单位调转: who started it: the professional (方式一) or the employer they leave (方式二, 人员调出). */
export const TransferWay = z.enum(['person', 'employer']);
export type TransferWay = z.infer<typeof TransferWay>;
export const transferWayLabels: Record<TransferWay, string> = { person: '个人申请调转', employer: '原单位发起调出' };

/** 单位调转 by the professional: the three starred fields of the seeds' form. */
export const TransferInput = z.object({
  toEmployerId: z.uuid({ error: '请选择调入单位' }),
  transferDate: Day('调入日期'),
  reason: Text({ label: '调转原因', max: 200, multiline: true }),
});
export type TransferInput = z.infer<typeof TransferInput>;

/** 人员调出 by the employer's admin: one of its people, to another employer. */
export const TransferOutInput = TransferInput.extend({ personId: z.uuid({ error: '请选择调出人员' }) });
export type TransferOutInput = z.infer<typeof TransferOutInput>;

/** The professional's 单位调转 page: where they are, and the transfer in progress if any. */
export const MyTransferView = z.object({
  employer: z.object({ id: z.string(), name: z.string() }),
  pending: z.array(PendingItem),
  open: z.object({ id: z.string(), title: z.string(), statusLabel: z.string(), canWithdraw: z.boolean() }).nullable(),
});
export type MyTransferView = z.infer<typeof MyTransferView>;

export const TransferDirection = z.enum(['in', 'out']);
export type TransferDirection = z.infer<typeof TransferDirection>;

export const TransferRecordsQuery = PageQuery.extend({
  direction: TransferDirection.optional(),
  status: RequestStatus.optional(),
});
export type TransferRecordsQuery = z.infer<typeof TransferRecordsQuery>;

/** 调转记录: one transfer in or out of the admin's org. */
export const TransferRecord = z.object({
  id: z.string(),
  direction: TransferDirection,
  personName: z.string(),
  idNumberMasked: z.string(),
  fromOrgName: z.string(),
  toOrgName: z.string(),
  way: TransferWay,
  wayLabel: z.string(),
  transferDate: z.string(),
  status: RequestStatus,
  statusLabel: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type TransferRecord = z.infer<typeof TransferRecord>;
export const TransferRecordsPage = pageOf(TransferRecord);
export type TransferRecordsPage = z.infer<typeof TransferRecordsPage>;

/** 人员调出's person search: the admin's own org's professionals by name or ID number. */
export const OrgPeopleQuery = z.object({ keyword: OptionalText({ label: '姓名或身份证号', max: 30 }) });
export type OrgPeopleQuery = z.infer<typeof OrgPeopleQuery>;
export const OrgPerson = z.object({ personId: z.string(), name: z.string(), idNumberMasked: z.string(), titleLabel: z.string() });
export type OrgPerson = z.infer<typeof OrgPerson>;
export const OrgPeople = z.object({ items: z.array(OrgPerson) });
export type OrgPeople = z.infer<typeof OrgPeople>;
