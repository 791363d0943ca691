import type { PaperView } from '../data/papers';

/** Messages between a page and its search (client.ts). `head`: how many of the results' papers to send along. */
export type SearchRequest = { type: 'query'; seq: number; query: string; limit: number; head?: number };

export type SearchResponse =
  /** The index changed (or the worker has loaded it): `size` papers searchable, `pending` not yet. */
  | { type: 'ready'; size: number; pending: number }
  /**
   * `ids`: the best matches (at most the query's `limit`), best first; `total`: how many matched
   * in all. `head`: the papers of the first `head` ids, read as the page would (data/papers.ts getSearchResults).
   */
  | { type: 'results'; seq: number; ids: string[]; total: number; pending: number; head?: PaperView[] }
  | { type: 'error'; message: string };
