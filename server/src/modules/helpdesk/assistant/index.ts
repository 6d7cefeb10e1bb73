import { defaultAssistantOptions, type AskOptions, type AssistantEntry, type AssistantOptions, type AssistantReply } from './options';
import { buildIndex, rankEntries, type Candidate } from './rank';
import { roleInQuestion } from './roles';
import { normalizeText, warmUp } from './text';

export * from './options';
export { normalizeText } from './text';

const round = (x: number) => Math.round(x * 1000) / 1000;

const toReply = (ranked: Candidate[], entries: readonly AssistantEntry[], opts: AssistantOptions): AssistantReply => {
  const top = ranked[0];
  const confidence = round(top?.confidence ?? 0);
  const floor = opts.threshold * opts.alternativeShare;
  const handoff = !top || confidence < opts.threshold || Boolean(entries[top.entry]!.handoff);
  // score is the confidence, kept non-increasing so that the order shown reads as the order meant
  let previous = 1;
  const answers = ranked.slice(0, 3).filter((c) => c.confidence >= floor).map((c) => {
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
