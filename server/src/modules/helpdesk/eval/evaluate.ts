import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '@cep/profiles';
import { LoginRole } from '@cep/contracts';
import { z } from 'zod';
import { createAssistant, type AssistantOptions, type AssistantReply } from '../assistant';

export type ProfileName = 'henan' | 'shandong';
export const profiles: ProfileName[] = ['henan', 'shandong'];

const EvalQuestion = z.object({
  question: z.string().min(1),
  role: LoginRole.optional(),
  expected: z.array(z.string()).min(1).nullable(),
  profile: z.enum(['henan', 'shandong']),
});
export type EvalQuestion = z.infer<typeof EvalQuestion>;

/** `dev` may be looked at and tuned on; `test` was written before the assistant and is only reported. */
export const loadQuestions = (set: 'dev' | 'test'): EvalQuestion[] => {
  const file = fileURLToPath(new URL(`./questions.${set}.jsonl`, import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => EvalQuestion.parse(JSON.parse(l)));
};

export type Outcome = { q: EvalQuestion; reply: AssistantReply; top1: boolean; top3: boolean; shouldHandoff: boolean };

export type Metrics = {
  inScope: number;
  outOfScope: number;
  top1: number;
  top3: number;
  handoffPrecision: number;
  handoffRecall: number;
  falseHandoffs: number;
};

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export const metricsOf = (outcomes: Outcome[]): Metrics => {
  const inScope = outcomes.filter((o) => o.q.expected);
  const oos = outcomes.filter((o) => !o.q.expected);
  const handedOff = outcomes.filter((o) => o.reply.handoff);
  return {
    inScope: inScope.length,
    outOfScope: oos.length,
    top1: ratio(inScope.filter((o) => o.top1).length, inScope.length),
    top3: ratio(inScope.filter((o) => o.top3).length, inScope.length),
    handoffPrecision: ratio(handedOff.filter((o) => o.shouldHandoff).length, handedOff.length),
    handoffRecall: ratio(oos.filter((o) => o.reply.handoff).length, oos.length),
    falseHandoffs: handedOff.filter((o) => !o.shouldHandoff).length,
  };
};

/**
 * Runs every question of one profile. Top-1 counts only an answer actually given (a hand-off counts as a
 * miss unless the expected entry is itself a hand-off); top-3 counts the expected entry among the answers shown.
 */
export const runProfile = (profile: ProfileName, questions: EvalQuestion[], options: Partial<AssistantOptions> = {}): Outcome[] => {
  const kb = loadKnowledgeBase(profile);
  const handoffIds = new Set(kb.filter((e) => e.handoff).map((e) => e.id));
  const assistant = createAssistant(kb, options);
  return questions
    .filter((q) => q.profile === profile)
    .map((q) => {
      const reply = assistant.answer(q.question, q.role ? { role: q.role } : {});
      const ids = reply.answers.map((a) => a.id);
      const expectsHandoff = q.expected?.some((id) => handoffIds.has(id)) ?? false;
      const hit = (id: string | undefined) => id !== undefined && (q.expected?.includes(id) ?? false);
      return {
        q,
        reply,
        top1: hit(ids[0]) && (!reply.handoff || expectsHandoff),
        top3: ids.slice(0, 3).some(hit),
        shouldHandoff: !q.expected || expectsHandoff,
      };
    });
};

export const runAll = (questions: EvalQuestion[], options: Partial<AssistantOptions> = {}) =>
  Object.fromEntries(profiles.map((p) => [p, runProfile(p, questions, options)])) as Record<ProfileName, Outcome[]>;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export const formatMetrics = (label: string, m: Metrics) =>
  `${label.padEnd(9)} in-scope ${String(m.inScope).padStart(3)}  top-1 ${pct(m.top1).padStart(6)}  top-3 ${pct(m.top3).padStart(6)}  ` +
  `out-of-scope ${String(m.outOfScope).padStart(2)}  hand-off precision ${pct(m.handoffPrecision).padStart(6)}  recall ${pct(m.handoffRecall).padStart(6)}`;
