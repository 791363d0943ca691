import Dexie from 'dexie';
import type { PaperboyDb, SearchQueueRow } from './db';

// The search index's to-do list (utils/search/indexer.ts): which papers' searchable text changed.
// Writers queue the papers of one write in a few rows of many ids, not a row per paper: IndexedDB
// pays for every row written, and a first sync of 10,000 papers spent 1.7 s of its 5.5 on the
// queue's 10,000 rows (bench ingest, one row per paper against one per batch).

/** Ids per batch row: one row is about what the indexer takes in one transaction (INDEX_BATCH). */
export const QUEUE_ROW_IDS = 1000;
/**
 * Batch rows' keys start with this, which sorts after every paper id (arXiv ids are digits, dots,
 * letters and slashes), so rows of one paper, queued before batches existed, are taken first.
 */
const BATCH = '~';

/**
 * Queues `ids` for the index, in the writer's transaction (which must include `db.searchQueue`).
 * Not an async function: it hands back Dexie's own promise, which keeps the caller's transaction
 * alive through its awaits (a native one nested this deep let it commit early).
 */
export function queueForIndex(db: PaperboyDb, ids: readonly string[], at: number): PromiseLike<unknown> {
  if (ids.length === 0) return Dexie.Promise.resolve();
  const rows: SearchQueueRow[] = [];
  // Oldest write first, and a write's rows in its order; the random part keeps writes apart.
  const write = `${BATCH}${String(at).padStart(15, '0')}:${crypto.randomUUID()}`;
  for (let start = 0; start < ids.length; start += QUEUE_ROW_IDS) {
    rows.push({ id: `${write}:${String(start / QUEUE_ROW_IDS).padStart(6, '0')}`, at, ids: ids.slice(start, start + QUEUE_ROW_IDS) });
  }
  return db.searchQueue.bulkAdd(rows);
}

/** Rows taken from the queue and the papers they name (each once). */
export interface Taken {
  rows: SearchQueueRow[];
  ids: string[];
}

/** Batch rows read at a time while `takeQueued` gathers a batch. */
const ROWS_PER_READ = 16;

/**
 * The next papers to index, about `size` of them: rows of one paper each first, else the oldest
 * batch rows (at least one). Hourly syncs each leave a row of about 100 papers; a backlog of them
 * (a first install seeded by months of history, a restore) is indexed `size` papers a
 * transaction, not a row a transaction, since each transaction saves the whole document table.
 */
export async function takeQueued(db: PaperboyDb, size: number): Promise<Taken> {
  const single = await db.searchQueue.where(':id').below(BATCH).limit(size).toArray();
  if (single.length > 0) return takenOf(single);
  const rows: SearchQueueRow[] = [];
  let count = 0;
  for (let after = BATCH; count < size; ) {
    const next = await db.searchQueue.where(':id').above(after).limit(ROWS_PER_READ).toArray();
    for (const row of next) {
      if (count >= size) break;
      rows.push(row);
      count += row.ids?.length ?? 1;
    }
    if (next.length < ROWS_PER_READ) break;
    after = next.at(-1)!.id;
  }
  return takenOf(rows);
}

const takenOf = (rows: SearchQueueRow[]): Taken => ({ rows, ids: [...new Set(rows.flatMap((row) => row.ids ?? [row.id]))] });

/**
 * Removes what was indexed, in the indexer's write transaction. A paper queued again meanwhile (its
 * text changed once more) stays for the next batch: a batch queues it in a new row, and a row of
 * one paper is rewritten in place with a new time, so a row goes only if its time is the one taken.
 */
export async function dropTaken(db: PaperboyDb, taken: Taken): Promise<void> {
  const now = await db.searchQueue.bulkGet(taken.rows.map((row) => row.id));
  await db.searchQueue.bulkDelete(taken.rows.filter((row, i) => now[i]?.at === row.at).map((row) => row.id));
}

/** How many papers wait for the index (one counted twice when two writes queued it). */
export async function countQueued(db: PaperboyDb): Promise<number> {
  const [single, batches] = await Promise.all([db.searchQueue.where(':id').below(BATCH).count(), db.searchQueue.where(':id').aboveOrEqual(BATCH).toArray()]);
  return batches.reduce((sum, row) => sum + (row.ids?.length ?? 1), single);
}
