import type { LoginRole } from '@cep/contracts';

export type AssistantEntry = {
  id: string;
  title: string;
  answer: string;
  variants: readonly string[];
  topic: string;
  roles: readonly string[];
  handoff?: boolean;
};
export type AssistantAnswer = { id: string; title: string; answer: string; score: number };
export type AssistantReply = { handoff: boolean; confidence: number; answers: AssistantAnswer[] };
export type AskOptions = { role?: LoginRole };

/** The knobs the evaluation compares; the defaults are the measured winner on the dev set (docs/HELPDESK.md). */
export type AssistantOptions = {
  useWords: boolean;
  useBigrams: boolean;
  /** Weight of the bigram BM25 score against the word BM25 score. */
  bigramWeight: number;
  /** Where bigrams come from: the canonical-synonym rewrite of the text, or the text itself. */
  bigramSource: 'text' | 'canonical';
  /** BM25 length normalisation. */
  b: number;
  /** How much the signed-in role moves scores (0 = ignore roles). */
  roleStrength: number;
  /** How much a role the question states ("我是单位管理员") moves scores. */
  statedRoleStrength: number;
  /** Confidence = query coverage^alpha * variant coverage^(1-alpha), both IDF-weighted. */
  alpha: number;
  /** Order candidates by BM25 score, by confidence (coverage), or by their product. */
  rankBy: 'score' | 'confidence' | 'product';
  /** Below this confidence the assistant offers a hand-off. */
  threshold: number;
  /** Alternatives are shown only when their confidence reaches this share of the threshold. */
  alternativeShare: number;
  /** Weight of the BM25 score over the answer text (0 = answers not indexed). */
  answerWeight: number;
  /** Discount on the confidence coming from the answer text alone. */
  answerConfidence: number;
  /** Reorder the first N candidates by score x confidence (0 or 1 = off). */
  rerankTop: number;
  /** Confidence factor per foreign-topic word (社保, 驾照, ...) in the question that the variant lacks (1 = off). */
  foreignPenalty: number;
};

export const defaultAssistantOptions: AssistantOptions = {
  useWords: true,
  useBigrams: true,
  bigramWeight: 1,
  bigramSource: 'canonical',
  b: 0.75,
  roleStrength: 0.3,
  statedRoleStrength: 0.6,
  alpha: 0.35,
  rankBy: 'score',
  threshold: 0.27,
  alternativeShare: 0.6,
  foreignPenalty: 0.35,
  rerankTop: 0,
  answerWeight: 0.3,
  answerConfidence: 0.6,
};
