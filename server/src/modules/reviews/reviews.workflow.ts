import { REVIEW_CONFLICT_MESSAGE, type RequestStatus, type StepStatus } from '@cep/contracts';

/** How long the applicant may take a request back: until a reviewer approves a step, or until the final decision. */
export type WithdrawableUntil = 'firstApproval' | 'final';

export type WorkflowState = {
  status: RequestStatus;
  /** 1-based index of the step that decides next (the last decided step once final). */
  currentStep: number;
  steps: readonly StepStatus[];
};

export type WorkflowAction =
  | { type: 'approve' }
  | { type: 'reject' }
  | { type: 'revoke' }
  | { type: 'withdraw'; withdrawableUntil: WithdrawableUntil };

export type WorkflowRefusal = { ok: false; code: 'INVALID_STATE' | 'CONFLICT'; message: string };
export type WorkflowResult = { ok: true; state: WorkflowState; isFinal: boolean } | WorkflowRefusal;

const OPEN: readonly RequestStatus[] = ['pending', 'inReview'];

export const isOpen = (status: RequestStatus) => OPEN.includes(status);

/** A new request: the first step decides, the others wait. */
export const initialState = (stepCount: number): WorkflowState => {
  if (stepCount < 1) throw new Error('a request needs at least one reviewer');
  return { status: 'pending', currentStep: 1, steps: Array.from({ length: stepCount }, (_, i) => (i === 0 ? 'pending' : 'waiting')) };
};

const refuse = (message: string, code: WorkflowRefusal['code'] = 'INVALID_STATE'): WorkflowRefusal => ({ ok: false, code, message });

const closedMessage: Record<RequestStatus, string> = {
  pending: '',
  inReview: '',
  approved: '该申请已审核通过，不能再操作',
  rejected: '该申请已被驳回，不能再操作',
  withdrawn: '该申请已撤回，不能再操作',
};

const withSteps = (steps: readonly StepStatus[], changes: Record<number, StepStatus>) => steps.map((s, i) => changes[i + 1] ?? s);

/** Steps not reached (or still pending) are closed as skipped when the request ends early. */
const skipOpenSteps = (steps: readonly StepStatus[]) => steps.map((s) => (s === 'waiting' || s === 'pending' ? 'skipped' : s));

const approve = (state: WorkflowState): WorkflowResult => {
  const step = state.currentStep;
  if (step >= state.steps.length) {
    return { ok: true, isFinal: true, state: { status: 'approved', currentStep: step, steps: withSteps(state.steps, { [step]: 'approved' }) } };
  }
  const steps = withSteps(state.steps, { [step]: 'approved', [step + 1]: 'pending' });
  return { ok: true, isFinal: false, state: { status: 'inReview', currentStep: step + 1, steps } };
};

const reject = (state: WorkflowState): WorkflowResult => {
  const steps = skipOpenSteps(withSteps(state.steps, { [state.currentStep]: 'rejected' }));
  return { ok: true, isFinal: true, state: { status: 'rejected', currentStep: state.currentStep, steps } };
};

const withdraw = (state: WorkflowState, until: WithdrawableUntil): WorkflowResult => {
  if (until === 'firstApproval' && state.steps.some((s) => s === 'approved')) {
    return refuse('该申请已有审核单位审核通过，不能撤回，如需撤销请联系审核单位驳回');
  }
  return { ok: true, isFinal: true, state: { status: 'withdrawn', currentStep: state.currentStep, steps: skipOpenSteps(state.steps) } };
};

/**
 * 审验不通过: the last reviewer takes back its approval of a finished request (seed 001 学时申报 4); the request ends
 * rejected at that step, and its kind undoes the effect.
 */
const revoke = (state: WorkflowState): WorkflowResult => {
  if (state.status !== 'approved') return refuse('只有审核通过的申请可以撤销审核通过');
  const steps = withSteps(state.steps, { [state.currentStep]: 'revoked' });
  return { ok: true, isFinal: true, state: { status: 'rejected', currentStep: state.currentStep, steps } };
};

/** The state after `action`, or why it is refused. Pure: the service applies it with one conditional UPDATE. */
export const nextState = (state: WorkflowState, action: WorkflowAction): WorkflowResult => {
  if (action.type === 'revoke') return revoke(state);
  if (!isOpen(state.status)) return refuse(closedMessage[state.status]);
  // A current step that is not pending means the steps were read before someone else's decision.
  if (state.steps[state.currentStep - 1] !== 'pending') return refuse(REVIEW_CONFLICT_MESSAGE, 'CONFLICT');
  switch (action.type) {
    case 'approve':
      return approve(state);
    case 'reject':
      return reject(state);
    case 'withdraw':
      return withdraw(state, action.withdrawableUntil);
  }
};

/** Whether the applicant may still withdraw (for the progress view's button). */
export const canWithdraw = (state: WorkflowState, until: WithdrawableUntil) => nextState(state, { type: 'withdraw', withdrawableUntil: until }).ok;
