import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedEntry, Paper, PaperboyDb, UserState } from '../../../utils/data/db';
import { getRetentionRun } from '../../../utils/data/retention-store';
import { DAY_MS, pruneIfDue, pruneOldPapers, RETENTION_INTERVAL_MS } from '../../../utils/data/retention';
import { KEEP_FOREVER, writeSetting } from '../../../utils/settings/settings';
import { createWorker } from '../../../utils/sync/background';
import { clock, countWrites, FakeHf, freshDb, item, json, ORIGIN, T0 } from '../../support/harness';

const NOW = T0;

function paper(id: string, lastSeenDaysAgo: number): Paper {
  const at = NOW - lastSeenDaysAgo * DAY_MS;
  return { id, title: `Paper ${id}`, summary: '', authors: [], links: {}, source: 'hf', firstSeenAt: at, lastSeenInFeedAt: at };
}

async function seed(db: PaperboyDb, papers: Paper[], states: UserState[] = [], feeds: FeedEntry[] = []) {
  await db.papers.bulkPut(papers);
  await db.userState.bulkPut(states);
  await db.feeds.bulkPut(feeds);
}

describe('retention', () => {
  it('prunes unread, unsaved papers no feed has listed for 90 days, and nothing else', async () => {
    const db = freshDb();
    await seed(
      db,
      [
        paper('2001.00001', 120), // old, unread: goes
        paper('2001.00002', 120), // old, read: stays
        paper('2001.00003', 120), // old, saved: stays
        paper('2001.00004', 120), // old, still in a feed: stays
        paper('2001.00005', 89), // recent: stays
        paper('2001.00006', 91), // old, dismissed only: goes (its state stays)
        paper('2001.00007', 91), // old, marked unread again: goes
      ],
      [
        { id: '2001.00002', readAt: 1 },
        { id: '2001.00003', savedAt: 1 },
        { id: '2001.00006', dismissedAt: 1 },
        { id: '2001.00007' },
      ],
      [{ feed: 'bundled', rank: 0, id: '2001.00004' }],
    );
    const states = await db.userState.toArray();

    expect(await pruneOldPapers(db, 90, NOW)).toBe(3);
    expect((await db.papers.toCollection().primaryKeys()).sort()).toEqual(['2001.00002', '2001.00003', '2001.00004', '2001.00005']);
    expect(await db.userState.toArray()).toEqual(states);
  });

  it('works in small batches, one short transaction each', async () => {
    const db = freshDb();
    await seed(db, Array.from({ length: 25 }, (_, i) => paper(`2001.${String(i).padStart(5, '0')}`, 200)));
    const writes = countWrites(db);
    expect(await pruneOldPapers(db, 90, NOW, 10)).toBe(25);
    expect(writes.papers).toBe(3);
    expect(await db.papers.count()).toBe(0);
  });

  it('keeps everything when the user chose to keep unread papers for ever', async () => {
    const db = freshDb();
    await seed(db, [paper('2001.00001', 5000)]);
    expect(await pruneOldPapers(db, KEEP_FOREVER, NOW)).toBe(0);
    expect(await db.papers.count()).toBe(1);
  });

  it('runs at most once a day (90 days by default) and records each run', async () => {
    const db = freshDb();
    await seed(db, [paper('2001.00001', 100)]);
    expect(await pruneIfDue(db, NOW)).toBe(1);
    await seed(db, [paper('2001.00002', 100)]);
    expect(await pruneIfDue(db, NOW + RETENTION_INTERVAL_MS - 1)).toBeUndefined();
    expect(await db.papers.count()).toBe(1);
    expect(await pruneIfDue(db, NOW + RETENTION_INTERVAL_MS)).toBe(1);
    expect(await getRetentionRun(db)).toEqual({ at: NOW + RETENTION_INTERVAL_MS, deleted: 1 });
  });

  it('the worker runs it after a stored sync, with the user’s setting; a paper a feed lists again is young again', async () => {
    const db = freshDb();
    await seed(db, [paper('2001.00001', 40), paper('2001.00002', 40), paper('2606.40001', 40)]);
    const time = clock(NOW);
    const hf = new FakeHf(time.now, [item('2606.40001')], []);
    await writeSetting('keepUnreadDays', 30);
    const worker = createWorker({ db, fetch: hf.fetch, hfOrigin: ORIGIN, now: time.now });

    hf.next('daily', new Response('', { status: 500 }));
    hf.next('trending', new Response('', { status: 500 }));
    await worker.syncNow(true);
    expect(await db.papers.count()).toBe(3); // a failed sync prunes nothing

    hf.always('daily', () => json([item('2606.40001')]));
    await worker.syncNow(true);
    expect((await db.papers.toCollection().primaryKeys()).sort()).toEqual(['2606.40001']);
    expect((await db.papers.get('2606.40001'))?.lastSeenInFeedAt).toBe(NOW);
  });

  it('property: never deletes a read or saved paper, a paper in a feed, or a recent one; deletes every other old one; never touches user state', async () => {
    const entry = fc.record({
      age: fc.integer({ min: 0, max: 400 }),
      read: fc.boolean(),
      saved: fc.boolean(),
      dismissed: fc.boolean(),
      stateRow: fc.boolean(),
      inFeed: fc.constantFrom(undefined, 'hf-daily', 'hf-trending', 'bundled' as const),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 40 }), fc.constantFrom(30, 90, 180, 365), fc.integer({ min: 1, max: 50 }), async (entries, days, batch) => {
        const db = freshDb();
        const ids = entries.map((_, i) => `2101.${String(i).padStart(5, '0')}`);
        const states: UserState[] = [];
        const feeds: FeedEntry[] = [];
        entries.forEach((e, i) => {
          const id = ids[i]!;
          if (e.read || e.saved || e.dismissed || e.stateRow) {
            states.push({ id, ...(e.read && { readAt: 5 }), ...(e.saved && { savedAt: 6 }), ...(e.dismissed && { dismissedAt: 7 }) });
          }
          if (e.inFeed) feeds.push({ feed: e.inFeed, rank: i, id });
        });
        await seed(db, entries.map((e, i) => paper(ids[i]!, e.age)), states, feeds);
        const before = await db.userState.toArray();

        await pruneOldPapers(db, days, NOW, batch);
        const kept = new Set(await db.papers.toCollection().primaryKeys());
        entries.forEach((e, i) => {
          const keep = e.read || e.saved || e.inFeed !== undefined || e.age * DAY_MS <= days * DAY_MS;
          expect(kept.has(ids[i]!)).toBe(keep);
        });
        expect(await db.userState.toArray()).toEqual(before);
        db.close();
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
