import { REVIEW_CONFLICT_MESSAGE } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { AppContext } from '../../platform/context';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import type { RequestKindDefinition, HookArgs } from './reviews.registry';
import { isOpen, type WorkflowState } from './reviews.workflow';
import { transitionRequest, updateSteps, type RequestRow, type StepChange, type StepRow } from './reviews.repository';

export const stateOf = (row: RequestRow, steps: Pick<StepRow, 'status'>[]): WorkflowState => ({
  status: row.status,
  currentStep: row.currentStep,
  steps: steps.map((s) => s.status),
});

export type TransitionOptions = {
  tx: Tx;
  ctx: AppContext;
  row: RequestRow;
  steps: StepRow[];
  next: WorkflowState;
  /** Present for a reviewer's decision: recorded on the step that was current. */
  decision?: { actor: Actor; reason: string | null };
};

const stepChangesOf = ({ ctx, row, steps, next, decision }: TransitionOptions): StepChange[] =>
  steps
    .filter((step, i) => next.steps[i] !== step.status)
    .map((step) => {
      const status = next.steps[step.stepNo - 1]!;
      const decided = decision && step.stepNo === row.currentStep;
      return {
        stepNo: step.stepNo,
        status,
        decision: decided
          ? { accountId: decision.actor.accountId, personId: decision.actor.personId, at: ctx.clock.now(), reason: decision.reason }
          : undefined,
      };
    });

/** Applies a workflow state to the request and its steps; a request changed meanwhile gives 409 and changes nothing. */
export const applyTransition = async (options: TransitionOptions): Promise<RequestRow> => {
  const { tx, ctx, row, steps, next } = options;
  const open = isOpen(next.status);
  const current = steps[next.currentStep - 1];
  const now = ctx.clock.now();
  const updated = await transitionRequest(tx, row.id, row.version, {
    status: next.status,
    currentStep: next.currentStep,
    currentReviewerOrgId: open ? (current?.reviewerOrgId ?? null) : null,
    currentPermission: open ? (current?.permission ?? null) : null,
    updatedAt: now,
    decidedAt: open ? null : now,
  });
  if (!updated) throw new AppError('CONFLICT', REVIEW_CONFLICT_MESSAGE);
  await updateSteps(tx, row.id, stepChangesOf(options));
  return updated;
};

export const hookArgsOf = (tx: Tx, ctx: AppContext, row: RequestRow, actor: Actor | null, reason: string | null): HookArgs<unknown> => ({
  tx,
  ctx,
  request: row,
  actor,
  reason,
});

/** Tells the applicant, in the same transaction, what happened to their request. */
export const notifyApplicant = async (ctx: AppContext, tx: Tx, row: RequestRow, definition: RequestKindDefinition<unknown>, body: string) => {
  await ctx.notifier.send(tx, { channel: 'inbox', personId: row.applicantPersonId, subject: `${definition.label}：${row.title}`, body });
};
