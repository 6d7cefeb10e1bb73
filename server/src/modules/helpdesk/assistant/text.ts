import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { domainWords, fillerPhrases, foreignWords, stopWords, synonyms, textFixes } from './lexicon';

/** Domain words, foreign-topic words and every multi-character synonym, so that jieba keeps them whole. */
const userDictionary = [...new Set([...domainWords, ...foreignWords, ...[...synonyms.keys()].filter((w) => w.length > 1)])];

const fixes = [...textFixes].sort((a, b) => b[0].length - a[0].length);
const fillers = [...fillerPhrases].sort((a, b) => b.length - a.length);

/**
 * Normalises what a user typed: full-width to half-width (NFKC), lower case, typo and homophone fixes
 * (登陆 -> 登录, 帐号 -> 账号, ...), and punctuation and spaces removed.
 */
export const normalizeText = (text: string): string => {
  let s = text.normalize('NFKC').toLowerCase();
  for (const [from, to] of fixes) s = s.split(from).join(to);
  return s.replace(/[^\p{Script=Han}a-z0-9]+/gu, ' ').trim();
};

let jieba: Jieba | null = null;

/**
 * jieba with the common words of its default dictionary (common-dict.build.ts) plus ours; loaded once per
 * process, in 10-40 ms (the full dictionary took 0.2-1.0 s for the same accuracy).
 */
const segmenter = (): Jieba => {
  if (jieba) return jieba;
  jieba = Jieba.withDict(readFileSync(new URL('./common-words.dict.txt', import.meta.url)));
  jieba.loadDict(Buffer.from(userDictionary.map((w) => `${w} 100000 n`).join('\n')));
  return jieba;
};

/** Loads the dictionaries now rather than on the first question. */
export const warmUp = () => void segmenter();

/** Meaningful words of a normalised text, each mapped to its canonical synonym. */
export const words = (normalized: string): string[] => {
  const out: string[] = [];
  for (const raw of segmenter().cutForSearch(normalized, true)) {
    const w = raw.trim();
    if (!w) continue;
    const canonical = synonyms.get(w) ?? w;
    if (stopWords.has(canonical) || stopWords.has(w)) continue;
    out.push(canonical);
  }
  return out;
};

const bigramsOfRuns = (runs: string[]): string[] => {
  const out: string[] = [];
  for (const run of runs.filter(Boolean)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    if (chars.length === 1) out.push(chars[0]!);
  }
  return out;
};

/** Runs of the text with synonyms replaced by their canonical word and stop words cut out. */
const canonicalRuns = (normalized: string): string[] => {
  const runs = [''];
  for (const raw of segmenter().cut(normalized, true)) {
    const w = raw.trim();
    const canonical = synonyms.get(w) ?? w;
    if (!w || stopWords.has(w) || stopWords.has(canonical)) runs.push('');
    else runs[runs.length - 1] += canonical;
  }
  return runs;
};

/**
 * Character bigrams: robust to segmentation differences and one-character typos. `canonical` takes them from
 * the text rewritten with canonical synonyms (so 保存不了 and 无法保存 share bigrams); `text` from the raw text
 * with question words cut out.
 */
export const bigrams = (normalized: string, source: 'text' | 'canonical' = 'canonical'): string[] => {
  if (source === 'canonical') return bigramsOfRuns(canonicalRuns(normalized));
  let text = normalized;
  for (const filler of fillers) text = text.split(filler).join(' ');
  return bigramsOfRuns(text.split(' '));
};
