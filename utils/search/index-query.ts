import MiniSearch from 'minisearch';
import type { PaperboyDb } from '../data/db';
import { getSearchResults } from '../data/papers';
import type { SearchRequest, SearchResponse } from './protocol';
import { lowerBound, readPostings, type IndexDocs } from './index-store';
import { FIELDS, matchesPrefix, processTerm, SEARCH_OPTIONS, typosAllowed, type SearchDoc } from './search-doc';

// A query on the persisted index (index-store.ts): the vocabulary says which terms the query may
// stand for (as typed, by prefix, with a typo), only those terms' postings are read, and
// MiniSearch ranks them with the whole index's counts. So ranking and typo tolerance are
// MiniSearch's own, exactly as over an index held whole in memory, while a query reads a few
// rows instead of every paper.

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

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

/** Whether `a` and `b` are at most `max` edits apart (Levenshtein, as MiniSearch's fuzzy match). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (max === 1) return withinOneEdit(a, b);
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, next[j]!);
    }
    if (best > max) return false;
    row = next;
  }
  return row[b.length]! <= max;
}

/** Every indexed term a query may match, as MiniSearch would look them up in a whole index. */
export function expandQuery(vocab: readonly string[], query: string): string[] {
  const terms = tokenize(query).map(processTerm).filter((t): t is string => t !== null && t !== '');
  const found = new Set<string>();
  terms.forEach((term, i) => {
    const start = lowerBound(vocab, term);
    if (vocab[start] === term) found.add(term);
    if (matchesPrefix(term, i, terms)) for (let j = start; j < vocab.length && vocab[j]!.startsWith(term); j++) found.add(vocab[j]!);
    const distance = typosAllowed(term);
    if (distance !== false && distance > 0) for (const word of vocab) if (withinEdits(term, word, distance)) found.add(word);
  });
  return [...found];
}

/** A MiniSearch holding only `postings` (documents still indexed), with the whole index's counts. */
function partialIndex(docs: IndexDocs, postings: Map<string, Uint32Array[]>): MiniSearch<SearchDoc> {
  const index: [string, Record<number, Record<number, number>>][] = [];
  const documentIds: Record<number, string> = {};
  const fieldLength: Record<number, number[]> = {};
  const width = FIELDS.length;
  for (const [term, blocks] of postings) {
    const byField: Record<number, Record<number, number>> = {};
    for (const block of blocks) {
      for (let i = 0; i < block.length; i += 2) {
        const n = block[i]!;
        const id = docs.ids[n];
        if (!id) continue; // discarded since
        (byField[block[i + 1]! & 3] ??= {})[n] = block[i + 1]! >>> 2;
        if (documentIds[n] === undefined) {
          documentIds[n] = id;
          fieldLength[n] = Array.from(docs.lengths.subarray(n * width, (n + 1) * width));
        }
      }
    }
    index.push([term, byField]);
  }
  const fieldIds = Object.fromEntries(FIELDS.map((field, i) => [field, i]));
  const { documentCount, nextId, averageFieldLength } = docs;
  return MiniSearch.loadJS({ documentCount, nextId, averageFieldLength, fieldIds, documentIds, fieldLength, storedFields: {}, index, serializationVersion: 2 }, SEARCH_OPTIONS);
}

/** Papers matching a query with MiniSearch's scores, best first. */
export async function queryHits(db: PaperboyDb, docs: IndexDocs, query: string): Promise<{ id: string; score: number }[]> {
  if (query.trim().length < 2) return [];
  const terms = expandQuery(docs.vocab, query);
  if (terms.length === 0) return [];
  const postings = await readPostings(db, terms, docs.vocab);
  return partialIndex(docs, postings)
    .search(query)
    .map((hit) => ({ id: hit.id as string, score: hit.score }));
}

/**
 * Runs each step of a query once over a few documents, for a worker that has just loaded the
 * index: its first query otherwise compiles the vocabulary scan, the ranking and the papers' read
 * on the path of the page's first keystroke. Reads one block of one term (at most 64 documents of
 * it) and one paper, whatever the size of the index: a whole common word's postings at 100,000
 * papers would cost more than it saves.
 */
export async function warmUpQuery(db: PaperboyDb, docs: IndexDocs, word = docs.vocab[docs.vocab.length >> 1]): Promise<void> {
  if (!word) return;
  expandQuery(docs.vocab, `${word}q`);
  const row = await db.searchTerms.where('[term+block]').between([word, 0], [word, Infinity], true, true).first();
  if (!row) return;
  const hits = partialIndex(docs, new Map([[word, [row.postings.subarray(0, 128)]]])).search(word);
  await getSearchResults(db, hits.slice(0, 1).map((hit) => hit.id as string));
}

/**
 * The worker's answer to a page's query: the ids, best first, and the papers of the first
 * `request.head` of them, read as the page would read them (bundled papers left out once live).
 */
export async function answerQuery(db: PaperboyDb, docs: IndexDocs, request: SearchRequest, pending: number): Promise<SearchResponse> {
  const ids = await queryIndex(db, docs, request.query, request.limit);
  const head = request.head ? await getSearchResults(db, ids.slice(0, request.head)) : undefined;
  return { type: 'results', seq: request.seq, ids, pending, head };
}

/** Paper ids matching a query, best first; every word must match (by prefix or with a typo). */
export async function queryIndex(db: PaperboyDb, docs: IndexDocs, query: string, limit = 500): Promise<string[]> {
  const hits = await queryHits(db, docs, query);
  return hits.slice(0, limit).map((hit) => hit.id);
}
