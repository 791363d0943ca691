import type { PaperboyDb } from '../data/db';
import { getSearchResults } from '../data/papers';
import type { SearchRequest, SearchResponse } from './protocol';
import { lowerBound, postingNumbers, readPostings, type IndexDocs } from './index-store';
import { liveNumbers, rankPostings, type WordMatch } from './rank';
import { matchesPrefix, processTerm, tokenize, typosAllowed } from './search-doc';

// A query on the persisted index (index-store.ts): the vocabulary says which terms the query may
// stand for (as typed, by prefix, with a typo), only those terms' postings are read, and they are
// ranked with MiniSearch's own formula and the whole index's counts, straight from the postings'
// typed arrays. So ranking and typo tolerance are MiniSearch's, exactly as over an index held whole
// in memory (tests/utils/search/index-store.test.ts compares every score), while a query reads a
// few rows instead of every paper and builds no index of its own.

/** Whether a[ai..] and b[bi..] are the same text. */
function sameTail(a: string, ai: number, b: string, bi: number): boolean {
  if (a.length - ai !== b.length - bi) return false;
  for (; ai < a.length; ai++, bi++) if (a.charCodeAt(ai) !== b.charCodeAt(bi)) return false;
  return true;
}

/** One edit at most (the only distance search-doc.ts allows), with no allocation: the vocabulary scan's fast path. */
function withinOneEdit(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length && i === b.length) return true;
  return sameTail(a, i + 1, b, i + 1) || sameTail(a, i + 1, b, i) || sameTail(a, i, b, i + 1);
}

/** The edit distance of `a` and `b` (Levenshtein, as MiniSearch's fuzzy match), or -1 when it is more than `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return -1;
  if (max === 1) return withinOneEdit(a, b) ? 1 : -1;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, next[j]!);
    }
    if (best > max) return -1;
    row = next;
  }
  return row[b.length]! <= max ? row[b.length]! : -1;
}

const weights = { fuzzy: 0.45, prefix: 0.375 }; // MiniSearch 7's defaults

/** Whether `a` and `b` are at most `max` edits apart. */
export const withinEdits = (a: string, b: string, max: number): boolean => editDistance(a, b, max) >= 0;

/**
 * What each word of a query matches in the vocabulary, as MiniSearch looks it up in a whole index:
 * the word as typed (weight 1), longer words it starts (the last word, from 4 letters), words one
 * typo away (from 5 letters), weighted by how far they are from it.
 */
export function matchWords(vocab: readonly string[], query: string): WordMatch[] {
  const words = tokenize(query).map(processTerm).filter((t): t is string => t !== null && t !== '');
  return words.map((word, i) => {
    const terms: [string, number][] = [];
    const start = lowerBound(vocab, word);
    if (vocab[start] === word) terms.push([word, 1]);
    const prefix = matchesPrefix(word, i, words);
    if (prefix) {
      for (let j = start; j < vocab.length && vocab[j]!.startsWith(word); j++) {
        const term = vocab[j]!;
        if (term !== word) terms.push([term, (weights.prefix * term.length) / (term.length + 0.3 * (term.length - word.length))]);
      }
    }
    const max = typosAllowed(word);
    if (max !== false && max > 0) {
      for (const term of vocab) {
        const distance = editDistance(word, term, max);
        if (distance > 0 && !(prefix && term.startsWith(word))) terms.push([term, (weights.fuzzy * term.length) / (term.length + distance)]);
      }
    }
    return { word, terms };
  });
}

/** Every indexed term these words stand for, once each: the postings a query reads. */
const termsOf = (matches: readonly WordMatch[]): string[] => [...new Set(matches.flatMap((match) => match.terms.map(([term]) => term)))];

/** Every indexed term a query may match. */
export const expandQuery = (vocab: readonly string[], query: string): string[] => termsOf(matchWords(vocab, query));

/** At most this many numbers (4 bytes each: 4 MB) of postings are kept per document table. */
export const KEPT_POSTINGS = 1 << 20;

/** Postings already read for one document table, by term, oldest use first. */
interface KeptPostings {
  terms: Map<string, Uint32Array[]>;
  numbers: number;
}

const kept = new WeakMap<IndexDocs, KeptPostings>();

/**
 * The postings of `terms`, each read from the database once per document table: a word typed
 * letter by letter asks for the same terms again and again ("arogyas", "arogyasu", …), and each
 * read is a round trip whose time varies (1 to 28 ms for the same 600 postings, one bench run).
 * The postings belong to the table they were read with: every change of the index writes a new
 * table (indexer.ts, one transaction), which a page loads as a new object, and the old one's
 * postings go with it. The least recently used terms go first beyond `KEPT_POSTINGS`.
 */
export async function postingsOf(db: PaperboyDb, docs: IndexDocs, terms: readonly string[], limit = KEPT_POSTINGS): Promise<Map<string, Uint32Array[]>> {
  let cache = kept.get(docs);
  if (!cache) kept.set(docs, (cache = { terms: new Map(), numbers: 0 }));
  const known = cache.terms;
  const missing = terms.filter((term) => !known.has(term));
  const read = missing.length > 0 ? await readPostings(db, missing, docs.vocab) : new Map<string, Uint32Array[]>();
  const found = new Map(terms.map((term): [string, Uint32Array[]] => [term, read.get(term) ?? known.get(term) ?? []]));
  for (const [term, blocks] of found) {
    // Moved to the end: the most recently used. A term kept already is counted already (the same
    // table's postings, whichever call read them).
    if (!known.delete(term)) cache.numbers += postingNumbers(blocks);
    known.set(term, blocks);
  }
  for (const [term, blocks] of known) {
    if (cache.numbers <= limit) break;
    known.delete(term);
    cache.numbers -= postingNumbers(blocks);
  }
  return found;
}

/** Papers matching a query with MiniSearch's scores, the best `limit` of them, best first, and how many matched in all. */
export async function searchIndex(db: PaperboyDb, docs: IndexDocs, query: string, limit = Infinity): Promise<{ hits: { id: string; score: number }[]; total: number }> {
  const none = { hits: [], total: 0 };
  if (query.trim().length < 2) return none;
  const matches = matchWords(docs.vocab, query);
  if (matches.length === 0 || matches.some((match) => match.terms.length === 0)) return none;
  const { hits, total } = rankPostings(docs, matches, await postingsOf(db, docs, termsOf(matches)), limit);
  return { hits: hits.map(({ n, score }) => ({ id: docs.ids[n]!, score })), total };
}

/** Papers matching a query with MiniSearch's scores, the best `limit` of them, best first. */
export async function queryHits(db: PaperboyDb, docs: IndexDocs, query: string, limit = Infinity): Promise<{ id: string; score: number }[]> {
  return (await searchIndex(db, docs, query, limit)).hits;
}

/**
 * Runs each step of a query once over a few documents, for a worker that has just loaded the
 * index: its first query otherwise compiles the vocabulary scan, the ranking and the papers' read
 * on the path of the page's first keystroke. Reads one block of one term (at most 64 documents of
 * it) and one paper, whatever the size of the index: a whole common word's postings at 100,000
 * papers would cost more than it saves. The ranking also runs once on made-up postings of up to
 * 2,048 documents (no read, about 10 ms): 64 are too few for the engine to compile its loops, and
 * at 100,000 papers a word met in 3 % of them then took 36 to 52 ms of the first keystroke, 10 to
 * 24 ms after (bench:visit --keystrokes, 4 to 5 new tabs each).
 */
export async function warmUpQuery(db: PaperboyDb, docs: IndexDocs, word = docs.vocab[docs.vocab.length >> 1]): Promise<void> {
  if (!word) return;
  liveNumbers(docs);
  const matches = matchWords(docs.vocab, `${word}q`);
  const row = await db.searchTerms.where('[term+block]').between([word, 0], [word, Infinity], true, true).first();
  if (!row) return;
  const { hits } = rankPostings(docs, [{ word, terms: [[word, 1], ...(matches[0]?.terms ?? [])] }], new Map([[word, [row.postings.subarray(0, 128)]]]));
  const made = new Uint32Array(Math.min(docs.nextId, 2048) * 2);
  for (let n = 0; n < made.length / 2; n++) (made[2 * n] = n), (made[2 * n + 1] = 1 << 2); // once in each title (field 0)
  rankPostings(docs, [{ word, terms: [[word, 1]] }, { word: `${word}q`, terms: [[word, 0.5]] }], new Map([[word, [made]]]), 10);
  await getSearchResults(db, hits.slice(0, 1).map((hit) => docs.ids[hit.n]!));
}

/**
 * The worker's answer to a page's query: the best `request.limit` ids, best first, how many papers
 * matched in all, and the papers of the first `request.head` ids, read as the page would read them
 * (bundled papers left out once live).
 */
export async function answerQuery(db: PaperboyDb, docs: IndexDocs, request: SearchRequest, pending: number): Promise<SearchResponse> {
  const { hits, total } = await searchIndex(db, docs, request.query, request.limit);
  const ids = hits.map((hit) => hit.id);
  const head = request.head ? await getSearchResults(db, ids.slice(0, request.head)) : undefined;
  return { type: 'results', seq: request.seq, ids, total, pending, head };
}

/** Paper ids matching a query, best first; every word must match (by prefix or with a typo). */
export async function queryIndex(db: PaperboyDb, docs: IndexDocs, query: string, limit = 500): Promise<string[]> {
  return (await queryHits(db, docs, query, limit)).map((hit) => hit.id);
}
