import {
  maskIdNumber,
  registrationKindLabels,
  RegistrationKind,
  registrationRequestKinds,
  requestStatusLabels,
  type MyRequestItem,
  type RegistrationLookupInput,
  type RegistrationLookupItem,
  type RegistrationWithdrawInput,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { listMine, withdrawRequest } from '../reviews';
import { consumeCaptchaToken, hitRateLimit, provePerson } from '../identity';
import { findOrg, findPersonByIdNumber, type OrgRow } from './registration.repository';
import { WITHDRAW_CREDENTIALS_MESSAGE } from './registration.policy';
import { presentReviewer } from './registration.presenter';
import { roleOfKind } from './registration.workflow';

export const LOOKUPS_PER_IP_PER_MINUTE = 10;
const DAY_MS = 86_400_000;

type Shown = MyRequestItem & { status: 'pending' | 'inReview' | 'rejected' };
const isShown = (item: MyRequestItem): item is Shown => ['pending', 'inReview', 'rejected'].includes(item.status);

/** The person's registrations that are still waiting or were rejected, newest first. */
const openOrRejectedRegistrations = async (ctx: AppContext, personId: string) => {
  const pages = await Promise.all(
    RegistrationKind.options.map((role) => listMine({ ctx, personId, query: { kind: registrationRequestKinds[role], page: 1, pageSize: 20 } })),
  );
  return pages
    .flatMap((p) => p.items)
    .filter(isShown)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
};

const presentItem = (ctx: AppContext, item: Shown, reviewer: OrgRow): RegistrationLookupItem => {
  const role = roleOfKind(item.kind)!;
  const step = item.steps.find((s) => s.status === (item.status === 'rejected' ? 'rejected' : 'pending'));
  const until = item.decidedAt ? new Date(item.decidedAt) : ctx.clock.now();
  return {
    requestId: item.id,
    kind: role,
    kindLabel: registrationKindLabels[role],
    orgName: role === 'professional' ? reviewer.name : item.title,
    status: item.status,
    statusLabel: requestStatusLabels[item.status],
    submittedAt: item.createdAt,
    daysWaited: Math.max(0, Math.floor((until.getTime() - new Date(item.createdAt).getTime()) / DAY_MS)),
    reviewer: presentReviewer(reviewer),
    rejectReason: item.status === 'rejected' ? (step?.reason ?? null) : null,
    canWithdraw: item.canWithdraw,
  };
};

const reviewerOf = (item: Shown) => item.steps.find((s) => s.status === (item.status === 'rejected' ? 'rejected' : 'pending'))?.reviewerOrgId;

/**
 * 注册审核进度查询: name + ID number behind a single-use slider token and a per-IP limit. A name that does
 * not match answers like an unknown ID: an empty list.
 */
export const lookupRegistrations = async (ctx: AppContext, input: RegistrationLookupInput, origin: AuditOrigin) => {
  await hitRateLimit(ctx, { bucket: 'registration-lookup', key: origin.ip ?? '', limit: LOOKUPS_PER_IP_PER_MINUTE, origin });
  if (!(await consumeCaptchaToken(ctx, input.captchaToken))) throw new AppError('CAPTCHA_INVALID');
  const person = await findPersonByIdNumber(ctx.db, input.idNumber);
  await writeAudit(ctx.db, ctx.clock, {
    event: 'REGISTRATION_LOOKUP',
    origin,
    outcome: person && person.name === input.name ? 'success' : 'failure',
    target: person ? { type: 'person', id: person.id } : null,
    detail: { idNumberMasked: maskIdNumber(input.idNumber) },
  });
  if (!person || person.name !== input.name) return { items: [] };
  const items: RegistrationLookupItem[] = [];
  for (const item of await openOrRejectedRegistrations(ctx, person.id)) {
    const reviewerId = reviewerOf(item);
    const reviewer = reviewerId ? await findOrg(ctx.db, reviewerId) : undefined;
    if (reviewer) items.push(presentItem(ctx, item, reviewer));
  }
  return { items };
};

/** Checks name, ID number and password behind a fresh captcha; a wrong one counts toward that ID's login lockout. */
const verifyApplicant = async (ctx: AppContext, input: RegistrationWithdrawInput, origin: AuditOrigin) => {
  if (!(await consumeCaptchaToken(ctx, input.captchaToken))) throw new AppError('CAPTCHA_INVALID');
  const person = await provePerson(ctx, { ...input, origin, failureEvent: 'REGISTRATION_WITHDRAW', matches: (p) => p.name === input.name });
  if (!person) throw new AppError('WRONG_PASSWORD', WITHDRAW_CREDENTIALS_MESSAGE);
  return person;
};

/** 撤回申请: the applicant proves name, ID number and password; the engine withdraws and frees the slots. */
export const withdrawRegistration = async (ctx: AppContext, input: RegistrationWithdrawInput, origin: AuditOrigin) => {
  await hitRateLimit(ctx, { bucket: 'registration-withdraw', key: origin.ip ?? '', limit: LOOKUPS_PER_IP_PER_MINUTE, origin });
  const person = await verifyApplicant(ctx, input, origin);
  const mine = await openOrRejectedRegistrations(ctx, person.id);
  if (!mine.some((item) => item.id === input.requestId)) throw new AppError('NOT_FOUND', '未找到该注册申请，请重新查询');
  await withdrawRequest({ ctx, by: { personId: person.id }, requestId: input.requestId, origin });
  return { ok: true as const, message: '注册申请已撤回，您可以重新注册' };
};
