// The rows of the persisted search index (utils/search/index-store.ts), declared in db.ts's schema.

/** A paper whose searchable text changed (or that went) since the search index last saw it. */
export interface SearchQueueRow {
  id: string;
  /** When it was queued: a paper queued again while being indexed is indexed again. */
  at: number;
}

/**
 * One block of one term's postings in the persisted search index (utils/search/index-store.ts):
 * pairs of (document number, term frequency × 4 + field number), for documents numbered
 * `block × BLOCK_SIZE` up to the next block.
 */
export interface SearchTermRow {
  term: string;
  block: number;
  postings: Uint32Array;
}

/** The search index's document table and vocabulary (utils/search/index-store.ts). */
export interface SearchStateRow {
  key: string;
  value: unknown;
}
