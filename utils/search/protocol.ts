/** Messages between a page and its search worker. */
export type SearchRequest = { type: 'query'; seq: number; query: string; limit: number };

export type SearchResponse =
  | { type: 'ready'; size: number }
  | { type: 'results'; seq: number; ids: string[] }
  | { type: 'error'; message: string };
