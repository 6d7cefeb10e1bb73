import { z } from 'zod';
import { closureReasonLabels, ClosureReason } from '@cep/contracts';
import { endSessionsOfPerson } from '../../platform/auth/sessions';
import { AppError } from '../../platform/errors/app-error';
import { defineRequestKind, type RequestKindDefinition } from '../reviews';
import { bureauOfEmployer, refuseWhileFiled } from './people.rules';
import { moveAccount } from './people.repository';

export const CLOSURE_KIND = 'people.closure';

export const ClosurePayload = z.object({
  personId: z.string(),
  accountId: z.string(),
  employerId: z.string(),
  personName: z.string(),
  idNumberMasked: z.string(),
  reason: ClosureReason,
  explanation: z.string(),
  filedBy: z.enum(['person', 'employer']),
});
export type ClosurePayload = z.infer<typeof ClosurePayload>;

/**
 * 注销 of a professional account (seed 002 FAQ 21, 审核注销人员): for retirement or death, filed by the person or their
 * employer; the employer, then the bureau of its region, approve; the account closes (no more login, nothing more
 * filed), its hours records and certificates stay. A person who changed employer transfers instead.
 */
export const closureKind = defineRequestKind<ClosurePayload>({
  kind: CLOSURE_KIND,
  label: '人员注销',
  permission: 'reviews.closures',
  payloadSchema: ClosurePayload,
  participants: (p) => [p.personId],
  holdsParticipants: { message: '有账号注销申请正在审核中，不能再提交其他申请' },
  withdrawableUntil: 'final',
  validate: ({ tx, payload }) => refuseWhileFiled(tx, payload, `${payload.personName}有待审核的信息，请先撤回或等待审核完成后再申请注销`),
  route: async ({ tx, payload }) => {
    const bureau = await bureauOfEmployer(tx, payload.employerId);
    // Filed by the employer, its step is done: the bureau decides (an admin does not review what their org filed).
    const employerStep = payload.filedBy === 'person' || !bureau ? [payload.employerId] : [];
    return bureau ? [...employerStep, bureau.id] : employerStep;
  },
  summarize: async ({ payload }) => ({
    title: `人员注销：${payload.personName}（${closureReasonLabels[payload.reason]}）`,
    subjectOrgId: payload.employerId,
    searchText: `注销 ${closureReasonLabels[payload.reason]}`,
  }),
  effect: async ({ tx, request }) => {
    const p = request.payload;
    if (!(await moveAccount(tx, p.accountId, 'active', 'disabled'))) throw new AppError('CONFLICT', '该账号已不可用，本次注销不能生效，请驳回');
    await endSessionsOfPerson(tx, p.personId);
  },
  present: (p) => [
    { label: '姓名', value: `${p.personName}（${p.idNumberMasked}）` },
    { label: '注销原因', value: closureReasonLabels[p.reason] },
    { label: '情况说明', value: p.explanation },
    { label: '申请人', value: p.filedBy === 'person' ? '本人' : '所在单位' },
  ],
} satisfies RequestKindDefinition<ClosurePayload>);
