// The rows of the persisted search index (utils/search/index-store.ts), declared in db.ts's schema.

/**
 * Papers whose searchable text changed (or that went) since the search index last saw them
 * (utils/data/search-queue.ts). A write queues its papers in rows of up to `QUEUE_ROW_IDS` ids,
 * keyed apart from any paper id; a row without `ids` is one paper, keyed by its id (as older
 * versions queued them, and the upgrade to schema version 4).
 */
export interface SearchQueueRow {
  id: string;
  /** When it was queued: a paper queued again while being indexed is indexed again. */
  at: number;
  /** The papers of a batch row. */
  ids?: string[];
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
