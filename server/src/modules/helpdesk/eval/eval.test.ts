import { describe, expect, it } from 'vitest';
import { loadQuestions, metricsOf, profiles, runAll } from './evaluate';

/** The bar of the help-desk issue, checked on the held-out test set so that a regression turns CI red. */
const bar = { top1: 0.9, top3: 0.97, handoffRecall: 0.85 };

describe('help-desk assistant on the held-out test set', () => {
  const results = runAll(loadQuestions('test'));

  it('has at least 150 in-scope and 30 out-of-scope questions over both profiles', () => {
    const m = metricsOf(profiles.flatMap((p) => results[p]));
    expect(m.inScope).toBeGreaterThanOrEqual(150);
    expect(m.outOfScope).toBeGreaterThanOrEqual(30);
  });

  for (const scope of [...profiles, 'overall'] as const) {
    it(`meets the bar: ${scope}`, () => {
      const m = metricsOf(scope === 'overall' ? profiles.flatMap((p) => results[p]) : results[scope]);
      expect(m.top1).toBeGreaterThanOrEqual(bar.top1);
      expect(m.top3).toBeGreaterThanOrEqual(bar.top3);
      expect(m.handoffRecall).toBeGreaterThanOrEqual(bar.handoffRecall);
    });
  }
});
