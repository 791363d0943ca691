import type { IndexDocs } from './index-store';
import { FIELDS, SEARCH_OPTIONS } from './search-doc';

// Ranking a query's postings (index-store.ts) as MiniSearch ranks a whole index: BM25+ per field,
// boosted, weighted by how each term matched its word (index-query.ts), summed per word, words
// combined with AND. Straight from the postings' typed arrays: no index, map or object per posting.

/** One word of a query: the indexed terms it stands for, each with MiniSearch's weight for how it matched. */
export interface WordMatch {
  word: string;
  terms: [term: string, weight: number][];
}

const bm25 = { k: 1.2, b: 0.7, d: 0.5 }; // MiniSearch 7's defaults
const FIELD_BOOST = FIELDS.map((field) => SEARCH_OPTIONS.searchOptions?.boost?.[field] ?? 1);

const live = new WeakMap<readonly string[], Uint8Array>();

/**
 * 1 for each document number still indexed, 0 once discarded: the scoring loop's check, a byte
 * instead of a paper id's string. Made once per loaded document table (an update loads a new one).
 */
export function liveNumbers(docs: IndexDocs): Uint8Array {
  let numbers = live.get(docs.ids);
  if (!numbers) {
    numbers = new Uint8Array(docs.nextId);
    for (let n = 0; n < docs.ids.length; n++) numbers[n] = docs.ids[n] ? 1 : 0;
    live.set(docs.ids, numbers);
  }
  return numbers;
}

/** Scores of one word of a query by document number, and the documents it matched in the order it first met them. */
interface WordScores {
  score: Float64Array;
  met: number[];
}

/**
 * Adds one term's weighted scores to a word's: BM25+ per field as MiniSearch computes it (its
 * inverse document frequency once per field); discarded documents count for nothing. The scores
 * are added in one pass over the postings: a document's pairs are stored in field order
 * (indexer.ts), so its sum adds the same numbers in the same order as MiniSearch's loop by field.
 */
function scoreTerm(docs: IndexDocs, blocks: readonly Uint32Array[], weight: number, into: WordScores): void {
  const { lengths, documentCount, averageFieldLength } = docs;
  const indexed = liveNumbers(docs);
  const { k, b, d } = bm25;
  const width = FIELDS.length;
  const matching = FIELDS.map(() => 0); // documents with the term, per field
  for (const block of blocks) for (let i = 0; i < block.length; i += 2) if (indexed[block[i]!]) matching[block[i + 1]! & 3]!++;
  const idf = matching.map((count) => Math.log(1 + (documentCount - count + 0.5) / (count + 0.5)));
  const boost = FIELD_BOOST.map((fieldBoost) => weight * fieldBoost);
  const { score, met } = into;
  for (const block of blocks) {
    for (let i = 0; i < block.length; i += 2) {
      const n = block[i]!;
      if (!indexed[n]) continue;
      const packed = block[i + 1]!;
      const field = packed & 3;
      const tf = packed >>> 2;
      const length = lengths[n * width + field]!;
      if (score[n] === 0) met.push(n); // every score is > 0 (BM25+ and its weights are)
      score[n]! += boost[field]! * (idf[field]! * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / averageFieldLength[field]!))));
    }
  }
}

/** The k-th largest of `values` (k from 1), found by partitioning them in place (quickselect). */
export function kthLargest(values: Float64Array, k: number): number {
  const target = k - 1;
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}

/** The best `limit` hits, best first; equal scores keep the order the documents were met in. */
function best(hits: number[], scores: Float64Array, limit: number): { n: number; score: number }[] {
  let chosen = hits;
  if (hits.length > limit) {
    // Everything above the limit-th best score, and as many equal to it as fit.
    const values = new Float64Array(hits.length);
    for (let i = 0; i < hits.length; i++) values[i] = scores[hits[i]!]!;
    const bar = kthLargest(values, limit);
    let equal = limit;
    for (const n of hits) if (scores[n]! > bar) equal--;
    chosen = [];
    for (const n of hits) if (scores[n]! > bar || (scores[n] === bar && equal-- > 0)) chosen.push(n);
  }
  return chosen.map((n) => ({ n, score: scores[n]! })).sort((a, b) => b.score - a.score);
}

/** The best hits of a query (document numbers, best first) and how many documents matched in all. */
export interface Ranked {
  hits: { n: number; score: number }[];
  total: number;
}

/**
 * Documents matching every word, with MiniSearch's scores (BM25+ per field, boosted, weighted by
 * how each term matched, summed per word, words combined with AND, times the number of distinct
 * words), the best `limit` of them, best first, and how many matched. Each document's sum adds
 * MiniSearch's numbers in MiniSearch's order, on typed arrays: no index, map or object per
 * posting, so a word matching most of 100,000 papers costs milliseconds.
 */
export function rankPostings(docs: IndexDocs, matches: readonly WordMatch[], postings: ReadonlyMap<string, readonly Uint32Array[]>, limit = Infinity): Ranked {
  let sum: Float64Array | undefined;
  let hits: number[] = [];
  // How many words each document has matched so far (a query of one word needs no count).
  const matched = matches.length > 1 ? new Uint16Array(docs.nextId) : undefined;
  for (let w = 0; w < matches.length; w++) {
    const word: WordScores = { score: new Float64Array(docs.nextId), met: [] };
    for (const [term, weight] of matches[w]!.terms) scoreTerm(docs, postings.get(term) ?? [], weight, word);
    if (!sum) {
      sum = word.score;
      hits = word.met;
    } else {
      const both: number[] = [];
      for (const n of word.met) if (matched![n] === w) (sum[n]! += word.score[n]!, both.push(n));
      hits = both;
    }
    if (hits.length === 0) return { hits: [], total: 0 };
    if (matched) for (const n of hits) matched[n] = w + 1;
  }
  const quality = new Set(matches.map((match) => match.word)).size;
  for (const n of hits) sum![n]! *= quality;
  return { hits: best(hits, sum!, limit), total: hits.length };
}

