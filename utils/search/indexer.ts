import MiniSearch from 'minisearch';
import type { Paper, PaperboyDb } from '../data/db';
import { dropTaken, takeQueued } from '../data/search-queue';
import { createQueue } from '../lib/serial';
import { appendPostings, loadIndexState, mergeVocab, saveIndexState, type IndexState } from './index-store';
import { FIELDS, SEARCH_OPTIONS, textPrint, toDoc, type SearchDoc } from './search-doc';

// Brings the persisted search index (index-store.ts) up to date with the papers the writers
// queued (utils/data/feed-store.ts, retention-store.ts): a batch per transaction, only the
// papers whose text changed, tokenised and weighed by MiniSearch itself. Runs wherever papers
// were written (the background after a sync, or when a page finds papers still queued), one
// context at a time.

/** Papers per batch: about a second of work on a slow machine, so a batch never holds others up for long. */
export const INDEX_BATCH = 1000;
const LOCK = 'paperboy-search-index';

/** MiniSearch over this batch only, seeded with the index's counts, so its weights continue them. */
function batchIndex(state: IndexState, discarded: number[]): MiniSearch<SearchDoc> {
  const documentIds: Record<number, string> = {};
  const fieldLength: Record<number, number[]> = {};
  for (const n of discarded) {
    documentIds[n] = state.ids[n]!;
    fieldLength[n] = [...state.lengths.subarray(n * FIELDS.length, (n + 1) * FIELDS.length)];
  }
  const fieldIds = Object.fromEntries(FIELDS.map((field, i) => [field, i]));
  const { documentCount, nextId, averageFieldLength } = state;
  return MiniSearch.loadJS(
    { documentCount, nextId, averageFieldLength, fieldIds, documentIds, fieldLength, storedFields: {}, index: [], serializationVersion: 2 },
    SEARCH_OPTIONS,
  );
}

/** Applies one batch of queued papers (`papers[i]` is the stored row of `queued[i]`, if any; each id once) to the state; returns the new postings. */
export function indexChanges(state: IndexState, queued: readonly string[], papers: readonly (Paper | undefined)[]): Map<string, number[]> {
  const discarded: number[] = [];
  const added: Paper[] = [];
  queued.forEach((id, i) => {
    const paper = papers[i];
    const n = state.numberOf.get(id);
    if (paper && n !== undefined && state.prints[n] === textPrint(paper)) return;
    if (n !== undefined) discarded.push(n);
    if (paper) added.push(paper);
  });
  const mini = batchIndex(state, discarded);
  for (const n of discarded) mini.discard(state.ids[n]!);
  mini.addAll(added.map(toDoc));
  const js = mini.toJSON();
  const ids = [...state.ids];
  for (const n of discarded) {
    state.numberOf.delete(ids[n]!);
    ids[n] = '';
  }
  const lengths = new Uint16Array(js.nextId * FIELDS.length);
  lengths.set(state.lengths);
  const prints = new Uint32Array(js.nextId);
  prints.set(state.prints);
  added.forEach((paper, i) => {
    const n = state.nextId + i;
    ids[n] = paper.id;
    state.numberOf.set(paper.id, n);
    prints[n] = textPrint(paper);
    lengths.set(js.fieldLength[n]!, n * FIELDS.length);
  });
  const postings = new Map<string, number[]>();
  for (const [term, byField] of js.index) {
    const pairs: number[] = [];
    for (const [field, docs] of Object.entries(byField)) for (const [n, tf] of Object.entries(docs)) pairs.push(Number(n), tf * 4 + Number(field));
    postings.set(term, pairs);
  }
  Object.assign(state, { documentCount: js.documentCount, nextId: js.nextId, averageFieldLength: js.averageFieldLength, ids, lengths, prints });
  state.vocab = mergeVocab(state.vocab, postings.keys());
  return postings;
}

/** Indexes one batch of the queue; returns how many papers it took (0: nothing was queued). */
async function indexBatch(db: PaperboyDb, state: IndexState, size: number): Promise<number> {
  const { taken, papers } = await db.transaction('r', db.searchQueue, db.papers, async () => {
    const taken = await takeQueued(db, size);
    return { taken, papers: await db.papers.bulkGet(taken.ids) };
  });
  if (taken.rows.length === 0) return 0;
  const postings = indexChanges(state, taken.ids, papers);
  await db.transaction('rw', db.searchQueue, db.searchTerms, db.searchState, async () => {
    await appendPostings(db, postings);
    await saveIndexState(db, state);
    await dropTaken(db, taken);
  });
  return taken.ids.length;
}

const local = createQueue();

/** Runs `task` alone among every context of the extension (a Web Lock; this context's queue where there is none). */
function alone<T>(task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  return locks ? (locks.request(LOCK, task) as Promise<T>) : local(task);
}

/** Indexes everything queued, a batch per transaction; returns how many papers it took. */
export function updateSearchIndex(db: PaperboyDb, batchSize = INDEX_BATCH): Promise<number> {
  return alone(async () => {
    if ((await db.searchQueue.limit(1).count()) === 0) return 0;
    const state = await loadIndexState(db);
    let total = 0;
    for (;;) {
      const taken = await indexBatch(db, state, batchSize);
      if (taken === 0) return total;
      total += taken;
    }
  });
}
