import type { Options, SearchOptions } from 'minisearch';
import type { Paper } from '../data/db';

// What the search index holds of a paper and how it matches words: MiniSearch's options, shared by
// the persisted index (index-store.ts, index-query.ts) and the in-memory reference
// (search-index.ts). No MiniSearch code here: the data writers import this file.

/** What the index holds of a paper: the text fields people search by. */
export interface SearchDoc {
  id: string;
  title: string;
  summary: string;
  authors: string;
  keywords: string;
}

export const FIELDS = ['title', 'keywords', 'authors', 'summary'] as const;

// Words too common to narrow a search: indexing them costs memory and time, finds nothing.
const STOPWORDS = new Set(
  'a an and are as at be been but by can do for from has have how in into is it its of on or our over such than that the their then there these this those to under via was we were what when where which while who will with within without'.split(' '),
);

/** Words of a text: split at spaces and punctuation, as MiniSearch 7's default (here so a query needs no MiniSearch code). */
export const tokenize = (text: string): string[] => text.split(/[\n\r\p{Z}\p{P}]+/u);

/** Lower case, accents folded ("Müller" finds "muller"), stop words and single letters dropped. */
export function processTerm(term: string): string | null {
  const folded = term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return folded.length < 2 || STOPWORDS.has(folded) ? null : folded;
}

/**
 * Results as you type: the word being typed (the last) may be the start of a longer one once it
 * has 4 letters. Measured (bench/search-libs.ts, 10,000 papers): a 3-letter prefix such as "con"
 * expands to most of the vocabulary and put p95 at ~1.5× the 4-letter one; short words (GAN, ViT,
 * RL) still match whole. Earlier words are complete: as typed or one typo.
 */
export const matchesPrefix = (term: string, i: number, terms: string[]): boolean => i === terms.length - 1 && term.length >= 4;

/**
 * Typo tolerance: one edit from 5 letters; short words must match as typed. One edit, never two:
 * a distance-2 walk of the term tree costs tens of milliseconds on a long word.
 */
export const typosAllowed = (term: string): number | false => (term.length >= 5 ? 1 : false);

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: [...FIELDS],
  storeFields: [],
  tokenize,
  processTerm,
  // Documents that change are discarded and added again; the persisted index drops what was
  // discarded as it reads it (index-query.ts), so nothing needs vacuuming in memory.
  autoVacuum: false,
  searchOptions: {
    boost: { title: 3, keywords: 2, authors: 2 },
    combineWith: 'AND',
    prefix: matchesPrefix,
    fuzzy: typosAllowed,
    maxFuzzy: 1,
  } satisfies SearchOptions,
};

export function toDoc(paper: Paper): SearchDoc {
  return {
    id: paper.id,
    title: paper.title,
    summary: paper.summary,
    authors: paper.authors.join(', '),
    keywords: paper.aiKeywords?.join(', ') ?? '',
  };
}

/** Whether a write changes what the index holds of a paper (or stores a paper it has not seen). */
export function searchTextChanged(before: Paper | undefined, after: Paper): boolean {
  if (!before) return true;
  const a = toDoc(before);
  const b = toDoc(after);
  return a.title !== b.title || a.summary !== b.summary || a.authors !== b.authors || a.keywords !== b.keywords;
}

/** A 32-bit FNV-1a hash of a paper's searchable text: the index re-indexes a paper when it changes. */
export function textPrint(paper: Paper): number {
  const { title, keywords, authors, summary } = toDoc(paper);
  const text = `${title}\u0000${keywords}\u0000${authors}\u0000${summary}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
