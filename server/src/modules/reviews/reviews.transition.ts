import { REVIEW_CONFLICT_MESSAGE } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { Notification } from '../../platform/notify/notifier';
import type { AppContext } from '../../platform/context';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import type { RequestKindDefinition, HookArgs } from './reviews.registry';
import { isOpen, type WorkflowState } from './reviews.workflow';
import { transitionRequests, updateSteps, type RequestRow, type StepChange, type StepRow, type TransitionValues } from './reviews.repository';

export const stateOf = (row: RequestRow, steps: Pick<StepRow, 'status'>[]): WorkflowState => ({
  status: row.status,
  currentStep: row.currentStep,
  steps: steps.map((s) => s.status),
});

/** One request's move to a new workflow state. */
export type Transition = {
  row: RequestRow;
  steps: StepRow[];
  next: WorkflowState;
  /** Present for a reviewer's decision: recorded on the step that was current. */
  decision?: { actor: Actor; reason: string | null };
};

const stepChangesOf = (now: Date, { row, steps, next, decision }: Transition): StepChange[] =>
  steps
    .filter((step, i) => next.steps[i] !== step.status)
    .map((step) => {
      const status = next.steps[step.stepNo - 1]!;
      const decided = decision && step.stepNo === row.currentStep;
      return {
        requestId: row.id,
        stepNo: step.stepNo,
        status,
        decision: decided ? { accountId: decision.actor.accountId, personId: decision.actor.personId, at: now, reason: decision.reason } : undefined,
      };
    });

const valuesOf = (now: Date, { row, steps, next }: Transition): TransitionValues => {
  const open = isOpen(next.status);
  const current = steps[next.currentStep - 1];
  return {
    id: row.id,
    version: row.version,
    fromStatus: row.status,
    status: next.status,
    currentStep: next.currentStep,
    currentReviewerOrgId: open ? (current?.reviewerOrgId ?? null) : null,
    currentPermission: open ? (current?.permission ?? null) : null,
    updatedAt: now,
    decidedAt: open ? null : now,
  };
};

/**
 * Applies workflow states to requests and their steps, two statements for any number of them; returns the updated
 * rows in the order given. If any request changed meanwhile it gives 409, and the caller's transaction rolls back.
 */
export const applyTransitions = async (tx: Tx, ctx: AppContext, transitions: Transition[]): Promise<RequestRow[]> => {
  const now = ctx.clock.now();
  const updated = await transitionRequests(
    tx,
    transitions.map((t) => valuesOf(now, t)),
  );
  if (updated.length !== transitions.length) throw new AppError('CONFLICT', REVIEW_CONFLICT_MESSAGE);
  await updateSteps(
    tx,
    transitions.flatMap((t) => stepChangesOf(now, t)),
  );
  const byId = new Map(updated.map((row) => [row.id, row]));
  return transitions.map((t) => byId.get(t.row.id)!);
};

export const hookArgsOf = (tx: Tx, ctx: AppContext, row: RequestRow, actor: Actor | null, reason: string | null): HookArgs<unknown> => ({
  tx,
  ctx,
  request: row,
  actor,
  reason,
});

/** What the applicant is told, in the transaction of the change, about what happened to their request. */
export const applicantNotice = (row: RequestRow, definition: RequestKindDefinition<unknown>, body: string): Notification => ({
  channel: 'inbox',
  personId: row.applicantPersonId,
  subject: `${definition.label}：${row.title}`,
  body,
});
