import {
  maskIdNumber,
  requestStatusLabels,
  transferWayLabels,
  type MyTransferView,
  type OrgPeople,
  type TransferInput,
  type TransferOutInput,
  type RequestReceipt,
  type TransferRecordsPage,
  type TransferRecordsQuery,
} from '@cep/contracts';
import { loadProfile, titleLevelByCode, titleSeriesByCode } from '@cep/profiles';
import type { Actor } from '../../platform/auth/actor';
import type { AuditOrigin } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import { listMine, listOpenFiledBy, submitRequest } from '../reviews';
import { TRANSFER_KIND, TransferPayload } from './transfer.kind';
import { findProfessional, findTransferTarget, pageTransfers, searchOrgProfessionals } from './transfers.repository';

const PICKER_LIMIT = 20;

type Professional = NonNullable<Awaited<ReturnType<typeof findProfessional>>>;

const titleLabel = (ctx: AppContext, p: { titleSeries: string; titleLevel: string }) => {
  const profile = loadProfile(ctx.config.profile);
  return `${titleSeriesByCode(profile, p.titleSeries)?.name ?? '—'}（${titleLevelByCode(profile, p.titleLevel)?.name ?? '—'}）`;
};

const requireProfessional = (actor: Actor) => {
  if (actor.accountKind !== 'professional') throw new AppError('FORBIDDEN', '请以专业技术人员身份登录');
};

const payloadOf = async (
  ctx: AppContext,
  way: TransferPayload['way'],
  person: { personId: string } & Professional,
  input: TransferInput,
): Promise<TransferPayload> => {
  const target = await findTransferTarget(ctx.db, input.toEmployerId);
  return {
    way,
    personId: person.personId,
    accountId: person.accountId,
    personName: person.name,
    idNumberMasked: maskIdNumber(person.idNumber),
    titleLabel: titleLabel(ctx, person),
    fromEmployerId: person.orgId,
    fromEmployerName: person.orgName,
    toEmployerId: input.toEmployerId,
    toEmployerName: target?.name ?? '',
    transferDate: input.transferDate,
    reason: input.reason,
  };
};

const receipt = (row: { id: string; status: RequestReceipt['status'] }, message: string): RequestReceipt => ({
  id: row.id,
  status: row.status,
  message,
});

/** 方式一: the professional applies; the employer they leave approves out, then the new one approves in. */
export const applyForTransfer = async (ctx: AppContext, actor: Actor, input: TransferInput, origin: AuditOrigin) => {
  requireProfessional(actor);
  const who = await findProfessional(ctx.db, actor.personId);
  if (!who || who.accountId !== actor.accountId) throw new AppError('FORBIDDEN', '您的账号不可用，暂不能调转单位');
  const payload = await payloadOf(ctx, 'person', { ...who, personId: actor.personId }, input);
  const row = await submitRequest({ ctx, kind: TRANSFER_KIND, applicant: { personId: actor.personId, accountId: actor.accountId }, payload, origin });
  return receipt(row, `已提交单位调转申请，需${who.orgName}审核同意转出，再由${payload.toEmployerName}审核同意调入后生效`);
};

/** 方式二 (人员调出): the employer's admin sends one of its own people; the new employer accepts. */
export const startTransferOut = async (ctx: AppContext, actor: Actor, input: TransferOutInput, origin: AuditOrigin) => {
  const who = await findProfessional(ctx.db, input.personId);
  // Only the org's own people: anyone else is "not found", whatever else the admin's scope holds.
  if (!who || who.orgId !== actor.orgId) throw new AppError('NOT_FOUND', '本单位没有该人员，请重新选择');
  const payload = await payloadOf(ctx, 'employer', { ...who, personId: input.personId }, input);
  const row = await submitRequest({ ctx, kind: TRANSFER_KIND, applicant: { personId: actor.personId, accountId: actor.accountId }, payload, origin });
  return receipt(row, `已提交调出申请，${payload.toEmployerName}审核同意调入后生效`);
};

/** The professional's 单位调转: current employer, what would stop a transfer, and the one in progress. */
export const myTransfer = async (ctx: AppContext, actor: Actor): Promise<MyTransferView> => {
  requireProfessional(actor);
  const who = await findProfessional(ctx.db, actor.personId);
  if (!who) throw new AppError('FORBIDDEN', '您的账号不可用');
  const open = (await listMine({ ctx, personId: actor.personId, query: { kind: TRANSFER_KIND, page: 1, pageSize: 1 } })).items.find(
    (r) => r.status === 'pending' || r.status === 'inReview',
  );
  const pending = open ? [] : await listOpenFiledBy(ctx.db, { personId: actor.personId, accountId: actor.accountId });
  return {
    employer: { id: who.orgId, name: who.orgName },
    pending,
    open: open ? { id: open.id, title: open.title, statusLabel: open.statusLabel, canWithdraw: open.canWithdraw } : null,
  };
};

/** 人员调出's picker: the admin's own org's active professionals, masked. */
export const searchOwnPeople = async (ctx: AppContext, actor: Actor, keyword: string | undefined): Promise<OrgPeople> => {
  const rows = await searchOrgProfessionals(ctx.db, actor.orgId, keyword, PICKER_LIMIT);
  return {
    items: rows.map((r) => ({ personId: r.personId, name: r.name, idNumberMasked: maskIdNumber(r.idNumber), titleLabel: titleLabel(ctx, r) })),
  };
};

/** 调转记录: the org's transfers in and out, of every state. */
export const listTransferRecords = async (ctx: AppContext, actor: Actor, query: TransferRecordsQuery): Promise<TransferRecordsPage> => {
  const { total, rows } = await pageTransfers(ctx.db, { kind: TRANSFER_KIND, orgId: actor.orgId, ...query });
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((row) => {
      const p = TransferPayload.parse(row.payload);
      return {
        id: row.id,
        direction: row.subjectOrgId === actor.orgId ? 'out' : 'in',
        personName: p.personName,
        idNumberMasked: p.idNumberMasked,
        fromOrgName: p.fromEmployerName,
        toOrgName: p.toEmployerName,
        way: p.way,
        wayLabel: transferWayLabels[p.way],
        transferDate: p.transferDate,
        status: row.status,
        statusLabel: requestStatusLabels[row.status],
        createdAt: row.createdAt.toISOString(),
        decidedAt: row.decidedAt?.toISOString() ?? null,
      };
    }),
  };
};
