import { createBm25, type Bm25Index } from './bm25';
import { foreignWords } from './lexicon';
import type { AssistantEntry, AssistantOptions } from './options';
import { roleFactor, type AskerRole } from './roles';
import { bigrams, normalizeText, words } from './text';

export type Candidate = { entry: number; score: number; confidence: number };
type Hit = { score: number; matchedIdf: number };
export type SearchIndex = { docEntry: number[]; docWords: Set<string>[]; words: Bm25Index; bigrams: Bm25Index; answers: Bm25Index | null };

/** One document per title and per question variant, each remembering its entry. */
export const buildIndex = (entries: readonly AssistantEntry[], opts: AssistantOptions): SearchIndex => {
  const docEntry: number[] = [];
  const wordDocs: string[][] = [];
  const bigramDocs: string[][] = [];
  entries.forEach((e, entry) => {
    for (const text of [e.title, ...e.variants]) {
      const n = normalizeText(text);
      docEntry.push(entry);
      wordDocs.push(words(n));
      bigramDocs.push(bigrams(n, opts.bigramSource));
    }
  });
  const docWords = wordDocs.map((d) => new Set(d));
  const answers =
    opts.answerWeight > 0
      ? createBm25(
          entries.map((e) => words(normalizeText(e.answer))),
          { b: opts.b },
        )
      : null;
  return { docEntry, docWords, words: createBm25(wordDocs, { b: opts.b }), bigrams: createBm25(bigramDocs, { b: opts.b }), answers };
};

const none: Hit = { score: 0, matchedIdf: 0 };
const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);

/**
 * Scores every variant sharing a word or bigram with the question; an entry takes its best variant. The
 * confidence is the IDF share of the question that the variant covers and of the variant that the question
 * covers, so context sentences around a question lower it less than a question about something else.
 */
export const rankEntries = (
  index: SearchIndex,
  entries: readonly AssistantEntry[],
  opts: AssistantOptions,
  normalized: string,
  role: { role?: AskerRole; strength: number },
): Candidate[] => {
  const ww = opts.useWords ? 1 : 0;
  const wb = opts.useBigrams ? opts.bigramWeight : 0;
  const qWords = [...new Set(words(normalized))];
  const qBigrams = [...new Set(bigrams(normalized, opts.bigramSource))];
  const qIdf = ww * sum(qWords.map(index.words.idf)) + wb * sum(qBigrams.map(index.bigrams.idf));
  const foreign = qWords.filter((w) => foreignWords.has(w));
  const wHits = ww ? index.words.search(qWords) : new Map<number, Hit>();
  const bHits = wb ? index.bigrams.search(qBigrams) : new Map<number, Hit>();
  const best = new Map<number, Candidate>();
  for (const doc of new Set([...wHits.keys(), ...bHits.keys()])) {
    const w = wHits.get(doc) ?? none;
    const b = bHits.get(doc) ?? none;
    const matched = ww * w.matchedIdf + wb * b.matchedIdf;
    const docIdf = ww * index.words.docIdf(doc) + wb * index.bigrams.docIdf(doc);
    const missingForeign = foreign.filter((w) => !index.docWords[doc]!.has(w)).length;
    const coverage =
      qIdf > 0 && docIdf > 0 ? (matched / qIdf) ** opts.alpha * (matched / docIdf) ** (1 - opts.alpha) * opts.foreignPenalty ** missingForeign : 0;
    const entry = index.docEntry[doc]!;
    const factor = roleFactor(entries[entry]!.roles, role.role, role.strength);
    const candidate = { entry, score: (ww * w.score + wb * b.score) * factor, confidence: Math.min(1, coverage * factor) };
    const known = best.get(entry);
    if (!known || candidate.score > known.score) best.set(entry, candidate);
  }
  if (index.answers) addAnswerHits(index.answers, entries, opts, qWords, role, best);
  const key = (c: Candidate) => (opts.rankBy === 'score' ? c.score : opts.rankBy === 'confidence' ? c.confidence : c.score * c.confidence);
  return [...best.values()].sort((a, b) => key(b) - key(a));
};

/**
 * The answers' own words, as a weaker field: they name things users ask about that no variant says
 * (摄像头, 合并打印, 枣庄). Confidence from an answer alone is discounted.
 */
const addAnswerHits = (
  answers: Bm25Index,
  entries: readonly AssistantEntry[],
  opts: AssistantOptions,
  qWords: string[],
  role: { role?: AskerRole; strength: number },
  best: Map<number, Candidate>,
) => {
  const qIdf = sum(qWords.map(answers.idf));
  if (qIdf <= 0) return;
  for (const [entry, hit] of answers.search(qWords)) {
    const factor = roleFactor(entries[entry]!.roles, role.role, role.strength);
    const candidate = best.get(entry) ?? { entry, score: 0, confidence: 0 };
    candidate.score += opts.answerWeight * hit.score * factor;
    candidate.confidence = Math.max(candidate.confidence, Math.min(1, (hit.matchedIdf / qIdf) * opts.answerConfidence * factor));
    best.set(entry, candidate);
  }
};
