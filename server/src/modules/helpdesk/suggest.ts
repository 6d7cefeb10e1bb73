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
 * equals, one line per distinct text (punctuation ignored), at most `limit`.
 */
export const suggestQuestions = (entries: readonly SuggestSource[], typed: string, limit = 8): SuggestionItem[] => {
  const q = normalize(typed);
  if (!q) return [];
  const scored: { entryId: string; text: string; key: string; score: number }[] = [];
  for (const e of entries) {
    for (const text of [e.title, ...e.variants]) {
      const key = normalize(text);
      const score = scoreOf(key, q);
      if (score > 0) scored.push({ entryId: e.id, text: text.replace(/[？?]$/, ''), key, score });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.text.length - b.text.length || a.text.localeCompare(b.text));
  const seen = new Set<string>();
  const out: SuggestionItem[] = [];
  for (const s of scored) {
    // "忘记登录密码" and "忘记登录密码？" are one suggestion.
    if (seen.has(s.key)) continue;
    seen.add(s.key);
    out.push({ entryId: s.entryId, text: s.text });
    if (out.length >= limit) break;
  }
  return out;
};
