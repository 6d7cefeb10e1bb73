/**
 * Compares retrieval methods on the dev and test sets and prints a markdown table (kept in docs/HELPDESK.md).
 * Choices were made on the dev columns; the test columns are reported, not tuned on.
 *   npx tsx src/modules/helpdesk/eval/compare.ts
 */
import type { AssistantOptions } from '../assistant';
import { loadQuestions, metricsOf, profiles, runAll } from './evaluate';

export const methods: [string, Partial<AssistantOptions>][] = [
  ['jieba words only (BM25, max over variants)', { useBigrams: false }],
  ['character bigrams of the raw text only', { useWords: false, bigramSource: 'text' }],
  ['character bigrams of the canonical text only', { useWords: false }],
  ['words + raw-text bigrams', { bigramSource: 'text' }],
  ['words + canonical bigrams, bigram weight 0.5', { bigramWeight: 0.5 }],
  ['words + canonical bigrams, no role preference', { roleStrength: 0, statedRoleStrength: 0 }],
  ['words + canonical bigrams, no foreign-topic penalty', { foreignPenalty: 1 }],
  ['words + canonical bigrams, ranked by coverage', { rankBy: 'confidence' }],
  ['words + canonical bigrams, BM25 b = 0.3', { b: 0.3 }],
  ['words + canonical bigrams, answers not indexed', { answerWeight: 0 }],
  ['words + canonical bigrams, top 3 re-ranked by score x coverage', { rerankTop: 3 }],
  ['words + canonical bigrams, hand-off threshold 0.30', { threshold: 0.3 }],
  ['default: words + canonical bigrams + roles + foreign-topic penalty', {}],
];

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const row = (label: string, options: Partial<AssistantOptions>) => {
  const cells = (['dev', 'test'] as const).flatMap((set) => {
    const results = runAll(loadQuestions(set), options);
    const m = metricsOf(profiles.flatMap((p) => results[p]));
    return [pct(m.top1), pct(m.top3), pct(m.handoffPrecision), pct(m.handoffRecall)];
  });
  return `| ${label} | ${cells.join(' | ')} |`;
};

console.log('| method | dev top-1 | dev top-3 | dev hand-off P | dev hand-off R | test top-1 | test top-3 | test hand-off P | test hand-off R |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [label, options] of methods) console.log(row(label, options));
