import { postingNumbers, type IndexDocs } from './index-store';
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

/**
 * Scores of one word of a query by document number, and the documents it matched in the order it
 * first met them: the first `count` of `met`, which has room for every document the word can meet.
 */
interface WordScores {
  score: Float64Array;
  met: Uint32Array;
  count: number;
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
  // Typed arrays only, here and in the callers. To the engine an array of whole numbers and one of
  // fractions have different shapes (a weight of 1 or 0.45), and the compiled loops were thrown
  // away at the other one and compiled again (node --trace-deopt, every query). A first keystroke
  // at 100,000 papers spent 7 to 26 ms ranking 9,000 postings; 4 to 12 ms since.
  const matching = new Uint32Array(width); // documents with the term, per field
  for (const block of blocks) for (let i = 0; i < block.length; i += 2) if (indexed[block[i]!]) matching[block[i + 1]! & 3]!++;
  const idf = new Float64Array(width);
  const boost = new Float64Array(width);
  const average = new Float64Array(width);
  for (let f = 0; f < width; f++) {
    idf[f] = Math.log(1 + (documentCount - matching[f]! + 0.5) / (matching[f]! + 0.5));
    boost[f] = weight * FIELD_BOOST[f]!;
    average[f] = averageFieldLength[f]!;
  }
  const { score, met } = into;
  let count = into.count;
  for (const block of blocks) {
    for (let i = 0; i < block.length; i += 2) {
      const n = block[i]!;
      if (!indexed[n]) continue;
      const packed = block[i + 1]!;
      const field = packed & 3;
      const tf = packed >>> 2;
      const length = lengths[n * width + field]!;
      if (score[n] === 0) met[count++] = n; // every score is > 0 (BM25+ and its weights are)
      score[n]! += boost[field]! * (idf[field]! * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / average[field]!))));
    }
  }
  into.count = count;
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

/** The best `limit` hits, best first; equal scores keep the order the documents were met in (the sort is stable). */
function best(hits: Uint32Array, scores: Float64Array, limit: number): { n: number; score: number }[] {
  const chosen: { n: number; score: number }[] = [];
  // Everything above the limit-th best score, and as many equal to it as fit; all when they fit.
  let bar = -Infinity;
  let equal = 0;
  if (hits.length > limit) {
    const values = new Float64Array(hits.length);
    for (let i = 0; i < hits.length; i++) values[i] = scores[hits[i]!]!;
    bar = kthLargest(values, limit);
    equal = limit;
    for (let i = 0; i < hits.length; i++) if (scores[hits[i]!]! > bar) equal--;
  }
  for (let i = 0; i < hits.length; i++) {
    const n = hits[i]!;
    const score = scores[n]!;
    if (score > bar || (score === bar && equal-- > 0)) chosen.push({ n, score });
  }
  return chosen.sort((a, b) => b.score - a.score);
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
  let hits: Uint32Array = new Uint32Array(0);
  // How many words each document has matched so far (a query of one word needs no count).
  const matched = matches.length > 1 ? new Uint16Array(docs.nextId) : undefined;
  for (let w = 0; w < matches.length; w++) {
    const lists = matches[w]!.terms.map(([term, weight]) => ({ blocks: postings.get(term) ?? [], weight }));
    // Each document once: no more than its postings hold, nor than there are documents (a short prefix's terms).
    const room = Math.min(docs.nextId, lists.reduce((total, list) => total + (postingNumbers(list.blocks) >> 1), 0));
    const word: WordScores = { score: new Float64Array(docs.nextId), met: new Uint32Array(room), count: 0 };
    for (const { blocks, weight } of lists) scoreTerm(docs, blocks, weight, word);
    const met = word.met.subarray(0, word.count);
    if (!sum) {
      sum = word.score;
      hits = met;
    } else {
      let both = 0;
      for (let i = 0; i < met.length; i++) {
        const n = met[i]!;
        if (matched![n] === w) (sum[n]! += word.score[n]!), (met[both++] = n);
      }
      hits = met.subarray(0, both);
    }
    if (hits.length === 0) return { hits: [], total: 0 };
    if (matched) for (let i = 0; i < hits.length; i++) matched[hits[i]!] = w + 1;
  }
  const quality = new Set(matches.map((match) => match.word)).size;
  for (let i = 0; i < hits.length; i++) sum![hits[i]!]! *= quality;
  return { hits: best(hits, sum!, limit), total: hits.length };
}

