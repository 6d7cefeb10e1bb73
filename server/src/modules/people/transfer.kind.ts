import { z } from 'zod';
import { transferWayLabels, TransferWay } from '@cep/contracts';
import { AppError } from '../../platform/errors/app-error';
import { defineRequestKind, type RequestKindDefinition } from '../reviews';
import { refuseWhileFiled } from './people.rules';
import { findTransferTarget, markInPost, moveProfessional } from './transfers.repository';

export const TRANSFER_KIND = 'people.transfer';

export const TransferPayload = z.object({
  way: TransferWay,
  personId: z.string(),
  accountId: z.string(),
  personName: z.string(),
  idNumberMasked: z.string(),
  titleLabel: z.string(),
  fromEmployerId: z.string(),
  fromEmployerName: z.string(),
  toEmployerId: z.string(),
  toEmployerName: z.string(),
  transferDate: z.string(),
  reason: z.string(),
});
export type TransferPayload = z.infer<typeof TransferPayload>;

/** 临时单位 and closed orgs receive nobody (seed 001: 临时单位无人审核，无法调转). */
const refuseTarget = (target: Awaited<ReturnType<typeof findTransferTarget>>, fromOrgId: string) => {
  if (target?.kind !== 'employer' || target.status !== 'active') throw new AppError('VALIDATION_FAILED', '调入单位不存在或已停用，请重新选择');
  if (target.isPlaceholder) throw new AppError('VALIDATION_FAILED', '抱歉，临时单位无人审核，无法调转');
  if (target.id === fromOrgId) throw new AppError('VALIDATION_FAILED', '调入单位与现单位相同，无需调转');
};

/**
 * 单位调转 (seed 002 FAQ 20, 004 11): 方式一, the professional applies, the employer they leave approves out and the new
 * one approves in; 方式二, the employer starts 人员调出 and the new one accepts. While it is open the person files
 * nothing else, and it is refused while they have requests open; approval moves their account (records stay theirs).
 */
export const transferKind = defineRequestKind<TransferPayload>({
  kind: TRANSFER_KIND,
  label: '单位调转',
  permission: 'reviews.transfers',
  payloadSchema: TransferPayload,
  participants: (p) => [p.personId],
  holdsParticipants: { message: '有单位调转申请正在审核中，调转完成或撤回后才能提交其他申请' },
  withdrawableUntil: 'final',
  validate: async ({ tx, payload }) => {
    refuseTarget(await findTransferTarget(tx, payload.toEmployerId), payload.fromEmployerId);
    await refuseWhileFiled(
      tx,
      payload,
      payload.way === 'person'
        ? '您有待审核的信息，不能调转单位。请在【申报进度查询】中撤回，或联系审核单位处理后，再提交单位调转'
        : `${payload.personName}有待审核的信息，不能调出。请该人员撤回，或由审核单位处理后，再提交调出申请`,
    );
  },
  route: async ({ payload }) => (payload.way === 'person' ? [payload.fromEmployerId, payload.toEmployerId] : [payload.toEmployerId]),
  summarize: async ({ payload }) => ({
    title: `${payload.personName}：${payload.fromEmployerName} → ${payload.toEmployerName}`,
    subjectOrgId: payload.fromEmployerId,
    searchText: `单位调转 调入 调出 ${payload.toEmployerName}`,
  }),
  effect: async ({ tx, ctx, request }) => {
    const p = request.payload;
    const target = await findTransferTarget(tx, p.toEmployerId);
    if (target?.status !== 'active') throw new AppError('CONFLICT', '调入单位的账号已停用，无法调入');
    const moved = await moveProfessional(tx, { accountId: p.accountId, fromOrgId: p.fromEmployerId, toOrgId: p.toEmployerId });
    if (!moved) throw new AppError('CONFLICT', `${p.personName}已不在${p.fromEmployerName}，本次调转不能生效，请驳回`);
    await markInPost(tx, p.accountId, ctx.clock.now());
  },
  present: (p) => [
    { label: '调转人员', value: `${p.personName}（${p.idNumberMasked}）` },
    { label: '职称', value: p.titleLabel },
    { label: '原单位', value: p.fromEmployerName },
    { label: '调入单位', value: p.toEmployerName },
    { label: '调入日期', value: p.transferDate },
    { label: '调转原因', value: p.reason },
    { label: '发起方式', value: transferWayLabels[p.way] },
  ],
} satisfies RequestKindDefinition<TransferPayload>);
