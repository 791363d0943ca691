import { describe, expect, it } from 'vitest';
import type { SearchQueueRow } from '../../../utils/data/db';
import { countQueued, dropTaken, QUEUE_ROW_IDS, queueForIndex, takeQueued } from '../../../utils/data/search-queue';
import { applySync } from '../../../utils/data/feed-store';
import { freshDb, T0 } from '../../support/harness';

const idOf = (n: number) => `2606.${String(n).padStart(5, '0')}`;
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => idOf(from + i));

/** Takes and drops the whole queue, as the indexer does; returns what each batch named. */
async function drain(db: ReturnType<typeof freshDb>, size = 500): Promise<string[][]> {
  const batches: string[][] = [];
  for (;;) {
    const taken = await takeQueued(db, size);
    if (taken.rows.length === 0) return batches;
    batches.push(taken.ids);
    await dropTaken(db, taken);
  }
}

describe('search queue: papers the index must (re)read, in a few rows', () => {
  it('queues a large write in rows of QUEUE_ROW_IDS papers, and gives every paper back once, in order', async () => {
    const db = freshDb();
    const queued = ids(0, QUEUE_ROW_IDS * 2 + 500);
    await db.transaction('rw', db.searchQueue, () => queueForIndex(db, queued, T0));
    expect(await db.searchQueue.count()).toBe(3);
    expect(await countQueued(db)).toBe(queued.length);
    const batches = await drain(db);
    expect(batches.map((b) => b.length)).toEqual([QUEUE_ROW_IDS, QUEUE_ROW_IDS, 500]);
    expect(batches.flat()).toEqual(queued);
    expect(await countQueued(db)).toBe(0);
  });

  it('a sync of 2,500 new papers writes 3 rows to the queue, not one per paper', async () => {
    const db = freshDb();
    const papers = ids(0, 2500).map((id) => ({ id, title: `Paper ${id}`, summary: 'An abstract.', authors: [], links: {} }));
    await applySync(db, [{ feed: 'hf-daily', papers, skipped: 0 }], { feeds: {} }, T0);
    expect(await db.searchQueue.count()).toBe(3);
    expect(await countQueued(db)).toBe(2500);
  });

  it('keeps writes apart: two writes at the same time make two rows, oldest taken first', async () => {
    const db = freshDb();
    await queueForIndex(db, ids(0, 3), T0);
    await queueForIndex(db, ids(3, 2), T0);
    await queueForIndex(db, [], T0);
    await queueForIndex(db, ids(10, 1), T0 - 1);
    expect(await db.searchQueue.count()).toBe(3);
    expect(await countQueued(db)).toBe(6);
    const [batch, ...rest] = await drain(db);
    expect(rest).toEqual([]);
    expect(batch![0]).toEqual(idOf(10));
    expect(batch!.slice(1).sort()).toEqual(ids(0, 5));
  });

  it('gathers the rows of many small writes (a backlog of syncs) into batches of about the size asked', async () => {
    const db = freshDb();
    // 25 rows a batch: more than one read of rows.
    for (let sync = 0; sync < 60; sync++) await queueForIndex(db, ids(sync * 40, 40), T0 + sync);
    const batches = await drain(db, 1000);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 400]);
    expect(batches.flat()).toEqual(ids(0, 2400));
  });

  it('takes rows of one paper (older versions, the schema 4 upgrade) first, up to the batch size, then the batches', async () => {
    const db = freshDb();
    await db.searchQueue.bulkPut(ids(100, 5).map((id): SearchQueueRow => ({ id, at: 0 })));
    await queueForIndex(db, ids(0, 2), T0);
    expect(await countQueued(db)).toBe(7);
    expect(await drain(db, 3)).toEqual([ids(100, 3), ids(103, 2), ids(0, 2)]);
  });

  it('names a paper once per batch, and counts it once per write that queued it', async () => {
    const db = freshDb();
    await queueForIndex(db, [idOf(1), idOf(2), idOf(1)], T0);
    expect((await takeQueued(db, 10)).ids).toEqual([idOf(1), idOf(2)]);
  });

  it('leaves a paper queued again while it was being indexed for the next batch', async () => {
    const db = freshDb();
    await db.searchQueue.put({ id: idOf(1), at: 0 });
    await queueForIndex(db, [idOf(2)], T0);
    const first = await takeQueued(db, 10);
    // The paper's text changed again before the indexer wrote: as an older version would have queued it.
    await db.searchQueue.put({ id: idOf(1), at: T0 + 1 });
    await dropTaken(db, first);
    expect(await drain(db)).toEqual([[idOf(1)], [idOf(2)]]);
    // A batch row is never rewritten: a paper queued again is in a new row, which stays.
    await queueForIndex(db, [idOf(3)], T0);
    const third = await takeQueued(db, 10);
    await queueForIndex(db, [idOf(3)], T0 + 2);
    await dropTaken(db, third);
    expect(await drain(db)).toEqual([[idOf(3)]]);
  });
});
