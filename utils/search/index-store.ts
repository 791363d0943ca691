import type { PaperboyDb, SearchTermRow } from '../data/db';
import { FIELDS } from './search-doc';

// The search index, kept in the database: MiniSearch's own index (search-doc.ts has its options),
// cut into rows so that neither an update nor a query ever reads all of it.
//
// - `searchTerms`: one row per term and block of 4,096 document numbers, holding pairs of
//   (document number, term frequency × 4 + field number). New documents get new numbers, so an
//   update appends to the last block of each of its terms and never rewrites a long list.
// - `searchState`: the document table (paper id, field lengths and text fingerprint per document
//   number, the counts and average field lengths BM25 needs) and the sorted vocabulary, which
//   finds the terms a prefix or a typo may stand for.
//
// A paper that changes or goes is discarded (its id blanked) and, when it changed, added again
// under a new number; its old postings stay until read, and every read skips them.

export const BLOCK_SIZE = 4096;
const DOCS_KEY = 'docs';
const PRINTS_KEY = 'prints';
const VOCAB_KEY = 'vocab';

/** What a query needs of the document table. */
export interface IndexDocs {
  documentCount: number;
  nextId: number;
  /** MiniSearch's average length per field number, over indexed documents. */
  averageFieldLength: number[];
  /** Paper id per document number; '' once discarded. */
  ids: string[];
  /** Field lengths, FIELDS.length per document number. */
  lengths: Uint16Array;
  /** Every indexed term, sorted. */
  vocab: string[];
}

/** What an update needs besides: each document's text fingerprint and each paper's number. */
export interface IndexState extends IndexDocs {
  prints: Uint32Array;
  numberOf: Map<string, number>;
}

interface StoredDocs {
  documentCount: number;
  nextId: number;
  averageFieldLength: number[];
  ids: string;
  lengths: Uint16Array;
}

const split = (text: string | undefined) => (text ? text.split('\n') : []);

/** The document table and vocabulary (an empty index before the first update). */
export async function loadIndexDocs(db: PaperboyDb): Promise<IndexDocs> {
  const [docs, vocab] = await db.searchState.bulkGet([DOCS_KEY, VOCAB_KEY]);
  const stored = docs?.value as StoredDocs | undefined;
  return {
    documentCount: stored?.documentCount ?? 0,
    nextId: stored?.nextId ?? 0,
    averageFieldLength: stored?.averageFieldLength ?? FIELDS.map(() => 0),
    ids: stored?.nextId ? stored.ids.split('\n') : [],
    lengths: stored?.lengths ?? new Uint16Array(0),
    vocab: split(vocab?.value as string | undefined),
  };
}

/** Everything an update needs. */
export async function loadIndexState(db: PaperboyDb): Promise<IndexState> {
  const [docs, prints] = await Promise.all([loadIndexDocs(db), db.searchState.get(PRINTS_KEY)]);
  const numberOf = new Map<string, number>();
  docs.ids.forEach((id, n) => id && numberOf.set(id, n));
  return { ...docs, prints: (prints?.value as Uint32Array | undefined) ?? new Uint32Array(0), numberOf };
}

/** Writes the document table and vocabulary. */
export async function saveIndexState(db: PaperboyDb, state: IndexState): Promise<void> {
  const { documentCount, nextId, averageFieldLength, ids, lengths, prints, vocab } = state;
  const docs: StoredDocs = { documentCount, nextId, averageFieldLength, ids: ids.join('\n'), lengths };
  await db.searchState.bulkPut([
    { key: DOCS_KEY, value: docs },
    { key: PRINTS_KEY, value: prints },
    { key: VOCAB_KEY, value: vocab.join('\n') },
  ]);
}

/** How many numbers a term's postings blocks hold: two per (document, field) pair. */
export function postingNumbers(blocks: readonly Uint32Array[]): number {
  let numbers = 0;
  for (const block of blocks) numbers += block.length;
  return numbers;
}

/** Appends postings (term → flat pairs, document numbers ascending) to the last blocks of their terms. */
export async function appendPostings(db: PaperboyDb, added: Map<string, number[]>): Promise<void> {
  const byBlock = new Map<string, { term: string; block: number; pairs: number[] }>();
  for (const [term, pairs] of added) {
    for (let i = 0; i < pairs.length; i += 2) {
      const block = Math.floor(pairs[i]! / BLOCK_SIZE);
      const key = `${block}\u0000${term}`;
      let entry = byBlock.get(key);
      if (!entry) byBlock.set(key, (entry = { term, block, pairs: [] }));
      entry.pairs.push(pairs[i]!, pairs[i + 1]!);
    }
  }
  const entries = [...byBlock.values()];
  const existing = await db.searchTerms.bulkGet(entries.map((e): [string, number] => [e.term, e.block]));
  const rows = entries.map(({ term, block, pairs }, i): SearchTermRow => {
    const old = existing[i]?.postings;
    const postings = new Uint32Array((old?.length ?? 0) + pairs.length);
    if (old) postings.set(old);
    postings.set(pairs, old?.length ?? 0);
    return { term, block, postings };
  });
  await db.searchTerms.bulkPut(rows);
}

/**
 * Every block of each term, in block order. Terms next to each other in the sorted vocabulary (a
 * prefix's expansions: "pres" → present, presented, preserve, …) are read as one key range, so a
 * query costs a request per run of neighbouring terms, not one per term.
 */
export async function readPostings(db: PaperboyDb, terms: readonly string[], vocab: readonly string[]): Promise<Map<string, Uint32Array[]>> {
  const found = await Promise.all(
    vocabRuns(vocab, terms).map(([first, last]) => db.searchTerms.where('[term+block]').between([first, 0], [last, Infinity], true, true).toArray()),
  );
  const postings = new Map(terms.map((term): [string, Uint32Array[]] => [term, []]));
  for (const rows of found) for (const row of rows) postings.get(row.term)?.push(row.postings);
  return postings;
}

/** `terms` as runs of neighbours in the sorted vocabulary, each as its first and last term (a term not in it is a run alone). */
export function vocabRuns(vocab: readonly string[], terms: readonly string[]): [string, string][] {
  const at = [...new Set(terms)].map((term) => {
    const n = lowerBound(vocab, term);
    return { term, n: vocab[n] === term ? n : -1 };
  });
  at.sort((a, b) => (a.n === b.n ? compare(a.term, b.term) : a.n - b.n));
  const runs: [string, string][] = [];
  let previous = -2;
  for (const { term, n } of at) {
    const last = runs.at(-1);
    if (last && n >= 0 && n === previous + 1) last[1] = term;
    else runs.push([term, term]);
    previous = n >= 0 ? n : -2;
  }
  return runs;
}

/** Inserts new terms into a sorted vocabulary (returns the same array when none is new). */
export function mergeVocab(vocab: string[], terms: Iterable<string>): string[] {
  const fresh = [...terms].filter((term) => !hasTerm(vocab, term));
  if (fresh.length === 0) return vocab;
  return [...vocab, ...new Set(fresh)].sort(compare);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The position of the first term ≥ `term` in a sorted vocabulary. */
export function lowerBound(vocab: readonly string[], term: string): number {
  let lo = 0;
  let hi = vocab.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vocab[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function hasTerm(vocab: readonly string[], term: string): boolean {
  return vocab[lowerBound(vocab, term)] === term;
}
