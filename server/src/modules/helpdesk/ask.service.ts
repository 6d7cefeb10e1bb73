import {
  kbTopicLabel,
  kbTopicLabels,
  type AskInput,
  type AskResult,
  type HelpTopics,
  type LoginRole,
  type PublicKbEntry,
  type SuggestResult,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import type { AuditOrigin } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { hitRateLimit } from '../identity';
import { currentRuntime } from './assistant-runtime';
import { helpdeskLimits } from './helpdesk.limits';
import { suggestQuestions } from './suggest';
import { insertAsk, setAskFeedback } from './ask.repository';

/** The signed-in account's role is the better hint; the platform's own staff ask without one. */
const roleHint = (actor: Actor | null, asked: LoginRole | undefined) => {
  const role = actor?.role ?? asked;
  return role && role !== 'platform' ? role : undefined;
};

const limitAsk = (ctx: AppContext, origin: AuditOrigin) =>
  hitRateLimit(ctx, { bucket: 'helpdesk.ask', key: origin.ip ?? 'unknown', limit: helpdeskLimits.askPerIpPerMinute, origin });

/** Answers a question from the current knowledge base and logs the ask (question, role hint, outcome) for feedback. */
export const askAssistant = async (ctx: AppContext, input: { actor: Actor | null; origin: AuditOrigin; body: AskInput }): Promise<AskResult> => {
  await limitAsk(ctx, input.origin);
  const role = roleHint(input.actor, input.body.role);
  const { assistant, entries } = await currentRuntime(ctx);
  const result = assistant.answer(input.body.question, role ? { role } : {});
  const answers = result.answers.slice(0, 3).map((a) => ({ id: a.id, title: a.title, answer: a.answer, score: a.score }));
  // An entry whose reply itself says "转人工" is still the answer; otherwise a hand-off means no answer was good enough.
  const topSaysHandoff = Boolean(answers[0] && entries.find((e) => e.id === answers[0]!.id)?.handoff);
  const answerId = answers[0] && (!result.handoff || topSaysHandoff) ? answers[0].id : null;
  const askId = await insertAsk(ctx.db, {
    question: input.body.question,
    role: role ?? null,
    conversationId: input.body.conversationId ?? null,
    answerId,
    confidence: result.confidence,
    handoff: result.handoff,
    helpful: null,
    askedAt: ctx.clock.now(),
    feedbackAt: null,
  });
  return { askId, answerId, handoff: result.handoff, confidence: result.confidence, answers };
};

export const recordFeedback = async (ctx: AppContext, input: { origin: AuditOrigin; askId: string; helpful: boolean }) => {
  await limitAsk(ctx, input.origin);
  const row = await setAskFeedback(ctx.db, input.askId, { helpful: input.helpful, at: ctx.clock.now() });
  if (!row) throw new AppError('NOT_FOUND', '该问答记录不存在');
  return { ok: true as const };
};

export const suggest = async (ctx: AppContext, typed: string): Promise<SuggestResult> => {
  const { entries } = await currentRuntime(ctx);
  return { items: suggestQuestions(entries, typed) };
};

const topicOrder = Object.keys(kbTopicLabels);

/** Topics in a fixed reading order (unknown topics last), each with its entries' titles. */
export const listTopics = async (ctx: AppContext): Promise<HelpTopics> => {
  const { entries } = await currentRuntime(ctx);
  const byTopic = new Map<string, { id: string; title: string }[]>();
  for (const e of entries) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), { id: e.id, title: e.title }]);
  const rank = (t: string) => (topicOrder.includes(t) ? topicOrder.indexOf(t) : topicOrder.length);
  const topics = [...byTopic.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return {
    items: topics.map((topic) => ({
      topic,
      label: kbTopicLabel(topic),
      entries: byTopic.get(topic)!.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN')),
    })),
  };
};

export const getPublicEntry = async (ctx: AppContext, id: string): Promise<PublicKbEntry> => {
  const { entries } = await currentRuntime(ctx);
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new AppError('NOT_FOUND', '该问题不存在或已下线');
  return { id: entry.id, title: entry.title, answer: entry.answer, topic: entry.topic, topicLabel: kbTopicLabel(entry.topic) };
};
