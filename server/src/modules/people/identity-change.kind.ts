import { z } from 'zod';
import { maskIdNumber, personFactsOf } from '@cep/contracts';
import { endSessionsOfPerson } from '../../platform/auth/sessions';
import { writeAudit } from '../../platform/audit/audit';
import { chinaDay } from '../../platform/clock';
import { AppError } from '../../platform/errors/app-error';
import { defineRequestKind, type RequestKindDefinition } from '../reviews';
import { employerThenBureau } from './people.rules';
import { findOpenChange, isIdNumberTaken, lastApprovedChange, lockIdentity, setIdentity } from './profile.repository';

export const IDENTITY_CHANGE_KIND = 'people.identityChange';
/** Seed 002 FAQ 18: 30天内只允许修改一次. */
export const IDENTITY_CHANGE_DAYS = 30;

const Identity = z.object({ name: z.string(), idNumber: z.string() });
export const IdentityChangePayload = z.object({
  personId: z.string(),
  employerId: z.string(),
  before: Identity,
  after: Identity,
});
export type IdentityChangePayload = z.infer<typeof IdentityChangePayload>;

const TAKEN = '该身份证号已在平台注册，不能修改为此身份证号；如确属本人，请联系单位管理员或平台客服';

/** The day from which the next change may be filed, when the last approved one is less than 30 days old. */
export const nextIdentityChangeDay = (lastDecidedAt: Date | null, now: Date) => {
  if (!lastDecidedAt) return null;
  const next = new Date(lastDecidedAt.getTime() + IDENTITY_CHANGE_DAYS * 86_400_000);
  return next > now ? chinaDay(next) : null;
};

/**
 * 证件信息修改 (seed 002 FAQ 18, instead of 001's e-mail and 1-3 days): a new name or ID number with both sides of the
 * ID card, one of the two unchanged, once in 30 days; the employer, then the bureau of its region, review it. The ID
 * number is the login of every account of the person, so approval changes it for all of them at once and ends their
 * sessions.
 */
export const identityChangeKind = defineRequestKind<IdentityChangePayload>({
  kind: IDENTITY_CHANGE_KIND,
  label: '证件信息修改',
  permission: 'reviews.profileChanges',
  payloadSchema: IdentityChangePayload,
  validate: async ({ tx, ctx, payload: { personId, before, after } }) => {
    const nameChanged = before.name !== after.name;
    const idChanged = before.idNumber !== after.idNumber;
    if (!nameChanged && !idChanged) throw new AppError('VALIDATION_FAILED', '姓名和身份证号都没有变化，无需提交');
    if (nameChanged && idChanged) throw new AppError('VALIDATION_FAILED', '姓名、身份证号中必须有一项与修改前一致');
    if (idChanged && (await isIdNumberTaken(tx, after.idNumber))) throw new AppError('ALREADY_EXISTS', TAKEN, { details: { field: 'idNumber' } });
    if (await findOpenChange(tx, personId, IDENTITY_CHANGE_KIND))
      throw new AppError('CONFLICT', '已有证件信息修改在审核中，请等待审核或撤回后再提交');
    const next = nextIdentityChangeDay((await lastApprovedChange(tx, personId, IDENTITY_CHANGE_KIND))?.decidedAt ?? null, ctx.clock.now());
    if (next) throw new AppError('CONFLICT', `30天内只允许修改一次证件信息，请于${next}后再提交`);
  },
  route: ({ tx, payload }) => employerThenBureau(tx, payload.employerId),
  summarize: async ({ payload }) => ({
    title:
      payload.before.name !== payload.after.name
        ? `姓名修改：${payload.before.name} → ${payload.after.name}`
        : `身份证号修改：${maskIdNumber(payload.before.idNumber)} → ${maskIdNumber(payload.after.idNumber)}`,
    subjectOrgId: payload.employerId,
    searchText: `证件信息修改 ${payload.after.name}`,
  }),
  effect: async ({ tx, ctx, request, actor }) => {
    const { personId, before, after } = request.payload;
    const current = await lockIdentity(tx, personId);
    if (current?.name !== before.name || current.idNumber !== before.idNumber)
      throw new AppError('CONFLICT', '该人员的姓名或身份证号已变化，本次修改不能生效，请驳回');
    const idChanged = before.idNumber !== after.idNumber;
    if (idChanged && (await isIdNumberTaken(tx, after.idNumber))) throw new AppError('CONFLICT', `${TAKEN}。本次修改不能生效，请驳回`);
    await setIdentity(tx, personId, { ...after, ...(idChanged ? personFactsOf(after.idNumber) : {}) }, ctx.clock.now());
    // The login changed: every device signs in again, with the new ID number.
    await endSessionsOfPerson(tx, personId);
    await ctx.notifier.send(tx, {
      channel: 'inbox',
      personId,
      subject: '证件信息已修改',
      body: idChanged ? `您的身份证号已修改为${maskIdNumber(after.idNumber)}，请使用新身份证号登录。` : `您的姓名已修改为${after.name}。`,
    });
    await writeAudit(tx, ctx.clock, {
      event: 'IDENTITY_CHANGED',
      actor: actor ? { personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId } : null,
      target: { type: 'person', id: personId },
      detail: { request: request.id, name: before.name !== after.name, idNumber: idChanged },
    });
  },
  present: ({ before, after }) => [
    { label: '姓名', value: after.name, previous: before.name },
    // Whole here: the engine masks them for every view but a deciding reviewer's 查看完整号码.
    { label: '身份证号', value: after.idNumber, previous: before.idNumber },
  ],
} satisfies RequestKindDefinition<IdentityChangePayload>);
