/** Messages between a page and its search worker. */
export type SearchRequest = { type: 'query'; seq: number; query: string; limit: number };

export type SearchResponse =
  /** The index changed (or the worker has loaded it): `size` papers searchable, `pending` not yet. */
  | { type: 'ready'; size: number; pending: number }
  | { type: 'results'; seq: number; ids: string[]; pending: number }
  | { type: 'error'; message: string };
