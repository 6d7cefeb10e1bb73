import { maskIdNumber, type ClosureInput } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { AuditOrigin } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import { submitRequest } from '../reviews';
import { CLOSURE_KIND, type ClosurePayload } from './closure.kind';
import { findProfessional } from './transfers.repository';

type Professional = NonNullable<Awaited<ReturnType<typeof findProfessional>>>;

const file = async (
  ctx: AppContext,
  actor: Actor,
  who: Professional & { personId: string },
  input: ClosureInput,
  origin: AuditOrigin,
  filedBy: ClosurePayload['filedBy'],
) => {
  const payload: ClosurePayload = {
    personId: who.personId,
    accountId: who.accountId,
    employerId: who.orgId,
    personName: who.name,
    idNumberMasked: maskIdNumber(who.idNumber),
    reason: input.reason,
    explanation: input.explanation,
    filedBy,
  };
  const row = await submitRequest({ ctx, kind: CLOSURE_KIND, applicant: { personId: actor.personId, accountId: actor.accountId }, payload, origin });
  // Filed by the employer, its own step is done: only the bureau decides (closure.kind.ts route).
  const reviewers = filedBy === 'employer' ? '人社部门' : `${who.orgName}和人社部门`;
  return { id: row.id, status: row.status, message: `已提交注销申请，需${reviewers}审核通过后生效；学时记录将继续留存` };
};

/** 账号注销 by the professional (退休、去世), from 用户资料管理. */
export const requestClosure = async (ctx: AppContext, actor: Actor, input: ClosureInput, origin: AuditOrigin) => {
  if (actor.accountKind !== 'professional') throw new AppError('FORBIDDEN', '请以专业技术人员身份登录');
  const who = await findProfessional(ctx.db, actor.personId);
  if (who?.accountId !== actor.accountId) throw new AppError('FORBIDDEN', '您的账号不可用');
  return file(ctx, actor, { ...who, personId: actor.personId }, input, origin, 'person');
};

/** 申请注销 by the employer for one of its own people (a retired or deceased colleague). */
export const requestClosureFor = async (ctx: AppContext, actor: Actor, personId: string, input: ClosureInput, origin: AuditOrigin) => {
  const who = await findProfessional(ctx.db, personId);
  if (who?.orgId !== actor.orgId) throw new AppError('NOT_FOUND', '本单位没有该人员');
  return file(ctx, actor, { ...who, personId }, input, origin, 'employer');
};
