import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { Paper } from '../data/db';

/** What the index holds of a paper: the text fields people search by. */
interface SearchDoc {
  id: string;
  title: string;
  summary: string;
  authors: string;
  keywords: string;
}

/** A full-text index over papers, plus what each paper looked like when indexed. */
export interface SearchIndex {
  mini: MiniSearch<SearchDoc>;
  /** A cheap fingerprint per indexed paper, to re-index only papers whose text changed. */
  prints: Map<string, string>;
}

// Words too common to narrow a search: indexing them costs memory and time, finds nothing.
const STOPWORDS = new Set(
  'a an and are as at be been but by can do for from has have how in into is it its of on or our over such than that the their then there these this those to under via was we were what when where which while who will with within without'.split(' '),
);

/** Lower case, accents folded ("Müller" finds "muller"), stop words and single letters dropped. */
function processTerm(term: string): string | null {
  const folded = term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return folded.length < 2 || STOPWORDS.has(folded) ? null : folded;
}

const OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'keywords', 'authors', 'summary'],
  storeFields: [],
  processTerm,
  searchOptions: {
    boost: { title: 3, keywords: 2, authors: 2 },
    combineWith: 'AND',
    // Results as you type: the word being typed (the last) may be the start of a longer one once
    // it has 4 letters. Measured (bench/search-libs.ts, 10,000 papers): a 3-letter prefix such
    // as "con" expands to most of the vocabulary and put p95 at ~1.5× the 4-letter one; short
    // words (GAN, ViT, RL) still match whole. Earlier words are complete: as typed or one typo.
    prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 4,
    // Typo tolerance: one edit from 5 letters; short words must match as typed. One edit, never
    // two: a distance-2 walk of the term tree costs tens of milliseconds on a long word.
    fuzzy: (term) => (term.length >= 5 ? 1 : false),
    maxFuzzy: 1,
  } satisfies SearchOptions,
};

function toDoc(paper: Paper): SearchDoc {
  return {
    id: paper.id,
    title: paper.title,
    summary: paper.summary,
    authors: paper.authors.join(', '),
    keywords: paper.aiKeywords?.join(', ') ?? '',
  };
}

function fingerprint(paper: Paper): string {
  return `${paper.title.length}:${paper.title.slice(0, 24)}|${paper.summary.length}|${paper.authors.length}|${paper.aiKeywords?.join('|') ?? ''}`;
}

/** Builds an index over papers (title, abstract, authors, AI keywords). */
export function createSearchIndex(papers: readonly Paper[]): SearchIndex {
  const mini = new MiniSearch<SearchDoc>(OPTIONS);
  const prints = new Map<string, string>();
  const docs: SearchDoc[] = [];
  for (const paper of papers) {
    if (prints.has(paper.id)) continue;
    prints.set(paper.id, fingerprint(paper));
    docs.push(toDoc(paper));
  }
  mini.addAll(docs);
  return { mini, prints };
}

/**
 * Brings an index up to date with the papers now stored: adds new ones, re-indexes those whose
 * text changed (HF adds AI keywords hours after a paper appears), drops those no longer stored.
 */
export function updateSearchIndex(index: SearchIndex, papers: readonly Paper[]): { added: number; changed: number; removed: number } {
  const { mini, prints } = index;
  const seen = new Set<string>();
  let added = 0;
  let changed = 0;
  for (const paper of papers) {
    seen.add(paper.id);
    const print = fingerprint(paper);
    const before = prints.get(paper.id);
    if (before === print) continue;
    if (before === undefined) {
      mini.add(toDoc(paper));
      added++;
    } else {
      mini.replace(toDoc(paper));
      changed++;
    }
    prints.set(paper.id, print);
  }
  let removed = 0;
  for (const id of [...prints.keys()]) {
    if (seen.has(id)) continue;
    mini.discard(id);
    prints.delete(id);
    removed++;
  }
  return { added, changed, removed };
}

/** Paper ids matching a query, best first; every word must match (by prefix or with a typo). */
export function search(index: SearchIndex, query: string, limit = 500): string[] {
  if (query.trim().length < 2) return [];
  const hits = index.mini.search(query);
  const ids: string[] = [];
  for (let i = 0; i < hits.length && i < limit; i++) ids.push(hits[i]!.id as string);
  return ids;
}
