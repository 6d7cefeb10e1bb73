/** A small Okapi BM25 index over short documents (the question variants), with an inverted index. */
export type Bm25Index = {
  docCount: number;
  /** IDF of a term; a term no document has gets the highest IDF. */
  idf: (term: string) => number;
  /** BM25 score and the summed IDF of the matched query terms, for every document that matches a term. */
  search: (terms: string[]) => Map<number, { score: number; matchedIdf: number }>;
  /** The summed IDF of a document's own distinct terms (how much there is to match). */
  docIdf: (doc: number) => number;
};

export type Bm25Options = { k1?: number; b?: number };

export const createBm25 = (docs: string[][], { k1 = 1.2, b = 0.75 }: Bm25Options = {}): Bm25Index => {
  const postings = new Map<string, [number, number][]>();
  const lengths = docs.map((d) => d.length);
  const avgdl = lengths.reduce((a, n) => a + n, 0) / Math.max(1, docs.length);
  docs.forEach((doc, i) => {
    const tf = new Map<string, number>();
    for (const t of doc) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const list = postings.get(t) ?? [];
      list.push([i, n]);
      postings.set(t, list);
    }
  });
  const N = docs.length;
  const idfOf = (df: number) => Math.log(1 + (N - df + 0.5) / (df + 0.5));
  const idf = (term: string) => idfOf(postings.get(term)?.length ?? 0);
  const docIdfs = docs.map((doc) => [...new Set(doc)].reduce((sum, t) => sum + idf(t), 0));
  const search = (terms: string[]) => {
    const hits = new Map<number, { score: number; matchedIdf: number }>();
    for (const term of new Set(terms)) {
      const list = postings.get(term);
      if (!list) continue;
      const w = idfOf(list.length);
      for (const [doc, tf] of list) {
        const norm = tf + k1 * (1 - b + (b * lengths[doc]!) / avgdl);
        const hit = hits.get(doc) ?? { score: 0, matchedIdf: 0 };
        hit.score += (w * tf * (k1 + 1)) / norm;
        hit.matchedIdf += w;
        hits.set(doc, hit);
      }
    }
    return hits;
  };
  return { docCount: N, idf, search, docIdf: (doc) => docIdfs[doc] ?? 0 };
};
