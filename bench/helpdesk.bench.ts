import { loadKnowledgeBase } from '@cep/profiles';
import { createAssistant } from '../server/src/modules/helpdesk/assistant';
import { warmUp } from '../server/src/modules/helpdesk/assistant/text';
import { loadQuestions, profiles } from '../server/src/modules/helpdesk/eval/evaluate';

const ROUNDS = 20;

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
};

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (x: number) => `${x.toFixed(x < 1 ? 3 : 1)} ms`;

/** Answer times over every eval question (dev and test) of one profile, ROUNDS times each, after one warm-up pass. */
const answerTimes = (profile: (typeof profiles)[number]) => {
  const questions = [...loadQuestions('dev'), ...loadQuestions('test')].filter((q) => q.profile === profile);
  const [kb, loadMs] = time(() => loadKnowledgeBase(profile));
  const [assistant, buildMs] = time(() => createAssistant(kb));
  for (const q of questions) assistant.answer(q.question, q.role ? { role: q.role } : {});
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of questions) samples.push(time(() => assistant.answer(q.question, q.role ? { role: q.role } : {}))[1]);
  }
  samples.sort((a, b) => a - b);
  return {
    entries: kb.length,
    questions: questions.length,
    loadMs,
    buildMs,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    n: samples.length,
  };
};

/** Knowledge-base load, index build and per-question answer time of the help-desk assistant (in-process, no DB). */
export const run = async (): Promise<string> => {
  const [, jiebaMs] = time(warmUp);
  const rows = profiles.map((p) => {
    const r = answerTimes(p);
    return `| ${p} | ${r.entries} | ${ms(r.loadMs)} | ${ms(r.buildMs)} | ${ms(r.loadMs + r.buildMs)} | ${r.n} (${r.questions} questions x ${ROUNDS}) | ${ms(r.median)} | ${ms(r.p95)} |`;
  });
  return [
    '## Help-desk assistant',
    '',
    `jieba dictionary load (once per process, before the first index): ${ms(jiebaMs)}.`,
    '',
    '| profile | entries | KB load (read + validate) | index build | KB ready | answers timed | median answer | p95 answer |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Bar: one answer under 5 ms at the median, the knowledge base loaded in under a second (including the jieba load).',
  ].join('\n');
};
