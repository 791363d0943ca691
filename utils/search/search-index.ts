import MiniSearch from 'minisearch';
import type { Paper } from '../data/db';
import { SEARCH_OPTIONS, toDoc, type SearchDoc } from './search-doc';

// An index held whole in memory: the reference the persisted index (index-store.ts,
// index-query.ts) must rank exactly like, and what bench/search-libs.ts compares libraries with.

/** Builds an in-memory index over papers (title, abstract, authors, AI keywords). */
export function createSearchIndex(papers: readonly Paper[]): MiniSearch<SearchDoc> {
  const mini = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  const seen = new Set<string>();
  mini.addAll(papers.filter((paper) => !seen.has(paper.id) && seen.add(paper.id)).map(toDoc));
  return mini;
}

/** Paper ids matching a query, best first; every word must match (by prefix or with a typo). */
export function search(mini: MiniSearch<SearchDoc>, query: string, limit = 500): string[] {
  if (query.trim().length < 2) return [];
  return mini
    .search(query)
    .slice(0, limit)
    .map((hit) => hit.id as string);
}
