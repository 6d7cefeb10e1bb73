import { describe, expect, it } from 'vitest';
import { canWithdraw, initialState, nextState, type WorkflowAction, type WorkflowState } from './reviews.workflow';

const s = (status: WorkflowState['status'], currentStep: number, steps: string): WorkflowState => ({
  status,
  currentStep,
  steps: steps.split(',') as WorkflowState['steps'],
});

const states = {
  'pending, step 1 of 3': s('pending', 1, 'pending,waiting,waiting'),
  'inReview, step 2 of 3': s('inReview', 2, 'approved,pending,waiting'),
  'inReview, step 3 of 3': s('inReview', 3, 'approved,approved,pending'),
  'pending, single step': s('pending', 1, 'pending'),
  approved: s('approved', 3, 'approved,approved,approved'),
  rejected: s('rejected', 2, 'approved,rejected,skipped'),
  withdrawn: s('withdrawn', 1, 'skipped,skipped,skipped'),
} as const;

const actions: Record<string, WorkflowAction> = {
  approve: { type: 'approve' },
  reject: { type: 'reject' },
  revoke: { type: 'revoke' },
  'withdraw (until first approval)': { type: 'withdraw', withdrawableUntil: 'firstApproval' },
  'withdraw (until final)': { type: 'withdraw', withdrawableUntil: 'final' },
};

type Expected = { to: string; steps: string; isFinal: boolean } | { refused: RegExp };
const ok = (to: string, steps: string, isFinal: boolean): Expected => ({ to, steps, isFinal });
const no = (refused: RegExp): Expected => ({ refused });

/** Every (state, action) pair and its outcome. */
const table: [keyof typeof states, string, Expected][] = [
  ['pending, step 1 of 3', 'approve', ok('inReview@2', 'approved,pending,waiting', false)],
  ['pending, step 1 of 3', 'reject', ok('rejected@1', 'rejected,skipped,skipped', true)],
  ['pending, step 1 of 3', 'withdraw (until first approval)', ok('withdrawn@1', 'skipped,skipped,skipped', true)],
  ['pending, step 1 of 3', 'revoke', no(/只有审核通过的申请/)],
  ['pending, step 1 of 3', 'withdraw (until final)', ok('withdrawn@1', 'skipped,skipped,skipped', true)],
  ['inReview, step 2 of 3', 'approve', ok('inReview@3', 'approved,approved,pending', false)],
  ['inReview, step 2 of 3', 'reject', ok('rejected@2', 'approved,rejected,skipped', true)],
  ['inReview, step 2 of 3', 'withdraw (until first approval)', no(/不能撤回/)],
  ['inReview, step 2 of 3', 'revoke', no(/只有审核通过的申请/)],
  ['inReview, step 2 of 3', 'withdraw (until final)', ok('withdrawn@2', 'approved,skipped,skipped', true)],
  ['inReview, step 3 of 3', 'approve', ok('approved@3', 'approved,approved,approved', true)],
  ['inReview, step 3 of 3', 'reject', ok('rejected@3', 'approved,approved,rejected', true)],
  ['inReview, step 3 of 3', 'withdraw (until first approval)', no(/不能撤回/)],
  ['inReview, step 3 of 3', 'revoke', no(/只有审核通过的申请/)],
  ['inReview, step 3 of 3', 'withdraw (until final)', ok('withdrawn@3', 'approved,approved,skipped', true)],
  ['pending, single step', 'approve', ok('approved@1', 'approved', true)],
  ['pending, single step', 'reject', ok('rejected@1', 'rejected', true)],
  ['pending, single step', 'withdraw (until first approval)', ok('withdrawn@1', 'skipped', true)],
  ['pending, single step', 'revoke', no(/只有审核通过的申请/)],
  ['pending, single step', 'withdraw (until final)', ok('withdrawn@1', 'skipped', true)],
  ['approved', 'approve', no(/已审核通过/)],
  ['approved', 'reject', no(/已审核通过/)],
  ['approved', 'withdraw (until first approval)', no(/已审核通过/)],
  ['approved', 'revoke', ok('rejected@3', 'approved,approved,revoked', true)],
  ['approved', 'withdraw (until final)', no(/已审核通过/)],
  ['rejected', 'approve', no(/已被驳回/)],
  ['rejected', 'reject', no(/已被驳回/)],
  ['rejected', 'withdraw (until first approval)', no(/已被驳回/)],
  ['rejected', 'revoke', no(/只有审核通过的申请/)],
  ['rejected', 'withdraw (until final)', no(/已被驳回/)],
  ['withdrawn', 'approve', no(/已撤回/)],
  ['withdrawn', 'reject', no(/已撤回/)],
  ['withdrawn', 'withdraw (until first approval)', no(/已撤回/)],
  ['withdrawn', 'revoke', no(/只有审核通过的申请/)],
  ['withdrawn', 'withdraw (until final)', no(/已撤回/)],
];

describe('review workflow', () => {
  it('covers every (state, action) pair', () => {
    expect(table).toHaveLength(Object.keys(states).length * Object.keys(actions).length);
  });

  it.each(table)('%s + %s', (stateName, actionName, expected) => {
    const result = nextState(states[stateName], actions[actionName]!);
    if ('refused' in expected) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(expected.refused);
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(`${result.state.status}@${result.state.currentStep}`).toBe(expected.to);
    expect(result.state.steps.join(',')).toBe(expected.steps);
    expect(result.isFinal).toBe(expected.isFinal);
  });

  it('starts with the first step pending and the others waiting', () => {
    expect(initialState(3)).toEqual(states['pending, step 1 of 3']);
    expect(() => initialState(0)).toThrow();
  });

  it('reads steps older than the request (a concurrent decision) as a conflict', () => {
    expect(nextState(s('inReview', 2, 'pending,waiting,waiting'), { type: 'approve' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(nextState(s('inReview', 2, 'approved,waiting,waiting'), { type: 'withdraw', withdrawableUntil: 'final' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('walks a three-step chain to approval, one step at a time', () => {
    let state = initialState(3);
    for (let i = 0; i < 3; i++) {
      const r = nextState(state, { type: 'approve' });
      if (!r.ok) throw new Error(r.message);
      state = r.state;
    }
    expect(state.status).toBe('approved');
  });

  it('tells the progress view when withdrawal is still possible', () => {
    expect(canWithdraw(states['pending, step 1 of 3'], 'firstApproval')).toBe(true);
    expect(canWithdraw(states['inReview, step 2 of 3'], 'firstApproval')).toBe(false);
    expect(canWithdraw(states['inReview, step 2 of 3'], 'final')).toBe(true);
    expect(canWithdraw(states.approved, 'final')).toBe(false);
  });
});
