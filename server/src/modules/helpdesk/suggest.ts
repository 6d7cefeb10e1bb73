export type SuggestSource = { id: string; title: string; variants: readonly string[] };
export type SuggestionItem = { entryId: string; text: string };

const normalize = (s: string) => s.toLowerCase().replace(/[\s，。？！、,.?!：:；;（）()【】"“”'‘’]/g, '');

/** 3: starts with what was typed; 2: contains it; 1: contains every typed character in order. */
const scoreOf = (candidate: string, typed: string) => {
  if (candidate.startsWith(typed)) return 3;
  if (candidate.includes(typed)) return 2;
  let at = 0;
  for (const ch of typed) {
    at = candidate.indexOf(ch, at);
    if (at < 0) return 0;
    at += 1;
  }
  return 1;
};

/**
 * Type-ahead over entry titles and question variants: best matches first, shorter phrasings first among
 * equals, one line per distinct text, at most `limit`.
 */
export const suggestQuestions = (entries: readonly SuggestSource[], typed: string, limit = 8): SuggestionItem[] => {
  const q = normalize(typed);
  if (!q) return [];
  const scored: { entryId: string; text: string; score: number }[] = [];
  for (const e of entries) {
    for (const text of [e.title, ...e.variants]) {
      const score = scoreOf(normalize(text), q);
      if (score > 0) scored.push({ entryId: e.id, text, score });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.text.length - b.text.length || a.text.localeCompare(b.text));
  const seen = new Set<string>();
  const out: SuggestionItem[] = [];
  for (const s of scored) {
    if (seen.has(s.text)) continue;
    seen.add(s.text);
    out.push({ entryId: s.entryId, text: s.text });
    if (out.length >= limit) break;
  }
  return out;
};
