import { defaultAssistantOptions, type AskOptions, type AssistantEntry, type AssistantOptions, type AssistantReply } from './options';
import { buildIndex, rankEntries, type Candidate } from './rank';
import { roleInQuestion } from './roles';
import { normalizeText, warmUp } from './text';

export * from './options';
export { normalizeText } from './text';

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The first few by score, reordered by score x confidence: a much better covered runner-up wins. */
const rerank = (ranked: Candidate[], n: number): Candidate[] => {
  if (n <= 1) return ranked;
  const head = ranked.slice(0, n).sort((a, b) => b.score * b.confidence - a.score * a.confidence);
  return [...head, ...ranked.slice(n)];
};

const toReply = (ranked: Candidate[], entries: readonly AssistantEntry[], opts: AssistantOptions): AssistantReply => {
  const floor = opts.threshold * opts.alternativeShare;
  const shown = rerank(ranked, opts.rerankTop)
    .slice(0, 3)
    .filter((c) => c.confidence >= floor);
  const top = shown[0];
  const confidence = round(top?.confidence ?? ranked[0]?.confidence ?? 0);
  const handoff = !top || confidence < opts.threshold || Boolean(entries[top.entry]!.handoff);
  // score is the confidence, kept non-increasing so that the order shown reads as the order meant
  let previous = 1;
  const answers = shown.map((c) => {
    const e = entries[c.entry]!;
    previous = Math.min(previous, round(c.confidence));
    return { id: e.id, title: e.title, answer: e.answer, score: previous };
  });
  return { handoff, confidence, answers };
};

/**
 * Builds the in-process index once (jieba loads its dictionary on the first call, about 0.2 s); `answer` is
 * pure and synchronous. The question's own role words ("我是单位管理员") win over the signed-in role hint.
 */
export const createAssistant = (entries: readonly AssistantEntry[], overrides: Partial<AssistantOptions> = {}) => {
  const opts = { ...defaultAssistantOptions, ...overrides };
  warmUp();
  const index = buildIndex(entries, opts);
  const answer = (question: string, ask: AskOptions = {}): AssistantReply => {
    const normalized = normalizeText(question);
    const stated = roleInQuestion(normalized);
    const hint = ask.role && ask.role !== 'platform' ? ask.role : undefined;
    const role = stated ? { role: stated, strength: opts.statedRoleStrength } : { role: hint, strength: opts.roleStrength };
    return toReply(rankEntries(index, entries, opts, normalized, role), entries, opts);
  };
  return { answer, size: entries.length };
};

export type Assistant = ReturnType<typeof createAssistant>;
