import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedId } from '../../../utils/views/view-id';
import type { PaperboyDb, UserState } from '../../../utils/data/db';
import { applySync, loadBundled, type FeedFetch, type BundledSnapshot } from '../../../utils/data/feed-store';
import { countUnreadLive, getFeed, getFeedSizes } from '../../../utils/data/papers';
import { getSyncStatus } from '../../../utils/data/sync-status';
import { markRead, markUnread, toggleRead } from '../../../utils/data/user-state';
import { dropUndefined, parseDailyPapers, type ParsedPaper } from '../../../utils/sync/sources/hf';
import { recordedHfDay as hfDay, seedSnapshotText } from '../../fixtures/recorded';
import { freshDb } from '../../support/harness';

const ORIGIN = 'https://huggingface.co';
const T0 = Date.UTC(2026, 5, 12, 12);
const HOUR = 3_600_000;

function parse(items: unknown[]): ParsedPaper[] {
  const result = parseDailyPapers(items, ORIGIN);
  if (!result.ok) throw new Error(result.reason);
  return result.papers;
}

const JUNE = parse(hfDay('2026-06-12')); // 30 papers featured on 2026-06-12
const AUGUST = parse(hfDay('2026-08-03')); // 3 papers featured on 2026-08-03
const POOL = [...JUNE, ...AUGUST];
const snapshot = (): BundledSnapshot => JSON.parse(seedSnapshotText()) as BundledSnapshot;

const opened: PaperboyDb[] = [];
function openDb(): PaperboyDb {
  const db = freshDb();
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

/** Stores a sync the way sync.ts does: on top of the stored status. */
async function store(db: PaperboyDb, fetched: FeedFetch[], now: number): Promise<void> {
  await applySync(db, fetched, await getSyncStatus(db), now);
}

const fetchOf = (feed: FeedId, papers: ParsedPaper[], skipped = 0): FeedFetch => ({ feed, papers, skipped });
const onDay = (paper: ParsedPaper, day: string | undefined): ParsedPaper => dropUndefined({ ...paper, featuredOn: day });

async function dump(db: PaperboyDb) {
  const [papers, userState, feeds, meta] = await Promise.all([
    db.papers.toArray(),
    db.userState.toArray(),
    db.feeds.toArray(),
    db.meta.toArray(),
  ]);
  return { papers, userState, feeds, meta };
}

async function feedIds(db: PaperboyDb, feed: FeedId): Promise<string[]> {
  return (await getFeed(db, feed)).map((view) => view.paper.id);
}

describe('applySync', () => {
  it('is idempotent: the same payload twice leaves the same database', async () => {
    const db = openDb();
    const fetched = [fetchOf('hf-daily', JUNE, 2), fetchOf('hf-trending', [...AUGUST, ...JUNE.slice(0, 5)])];
    const status = { feeds: {} };
    await applySync(db, fetched, status, T0);
    const once = await dump(db);
    await applySync(db, fetched, status, T0);
    expect(await dump(db)).toEqual(once);
    expect(once.papers).toHaveLength(33);
    expect(once.feeds).toHaveLength(30 + 8);

    // Later, on top of the stored status: feeds and read state do not move, and of the papers
    // only lastSeenInFeedAt (what retention ages by) moves forward, to the time of the sync.
    await store(db, fetched, T0 + HOUR);
    const later = await dump(db);
    expect(later.papers).toEqual(once.papers.map((paper) => ({ ...paper, lastSeenInFeedAt: T0 + HOUR })));
    expect(later.feeds).toEqual(once.feeds);
    expect(later.userState).toEqual(once.userState);
  });

  it('keeps firstSeenAt while updating what changed, and keeps fields a later payload lacks', async () => {
    const db = openDb();
    const paper = JUNE[0]!;
    await store(db, [fetchOf('hf-trending', [paper])], T0);
    const { aiSummary: _dropped, ...withoutAiSummary } = { ...paper, upvotes: 99 };
    await store(db, [fetchOf('hf-trending', [withoutAiSummary])], T0 + HOUR);
    const stored = await db.papers.get(paper.id);
    expect(stored).toMatchObject({ firstSeenAt: T0, upvotes: 99, aiSummary: paper.aiSummary, source: 'hf' });
  });

  it('never touches read flags', async () => {
    const db = openDb();
    await store(db, [fetchOf('hf-daily', JUNE)], T0);
    await markRead(db, [JUNE[0]!.id, JUNE[1]!.id], T0 + 1);
    await db.userState.put({ id: JUNE[2]!.id, savedAt: T0 + 2, dismissedAt: T0 + 3 });
    const before = await db.userState.toArray();
    await store(db, [fetchOf('hf-daily', JUNE), fetchOf('hf-trending', JUNE.slice(0, 3))], T0 + HOUR);
    expect(await db.userState.toArray()).toEqual(before);
  });

  it('replaces the membership of each fetched feed, leaving the others alone', async () => {
    const db = openDb();
    await store(db, [fetchOf('hf-trending', JUNE.slice(0, 3)), fetchOf('hf-daily', JUNE.slice(0, 10))], T0);
    await store(db, [fetchOf('hf-trending', [JUNE[2]!, AUGUST[0]!])], T0 + HOUR);
    expect(await feedIds(db, 'hf-trending')).toEqual([JUNE[2]!.id, AUGUST[0]!.id]);
    expect(await feedIds(db, 'hf-daily')).toEqual(JUNE.slice(0, 10).map((p) => p.id));
    // Papers that left a feed stay stored (their read flags still mean something).
    expect(await db.papers.count()).toBe(11);
    expect((await getSyncStatus(db)).feeds['hf-trending']).toEqual({ fetchedAt: T0 + HOUR, count: 2, skipped: 0 });
  });

  it('reads an empty fetch as "nothing new", not "all papers gone"', async () => {
    const db = openDb();
    await store(db, [fetchOf('hf-trending', AUGUST), fetchOf('hf-daily', JUNE)], T0);
    const before = await dump(db);
    await store(db, [fetchOf('hf-trending', []), fetchOf('hf-daily', [])], T0 + HOUR);
    const after = await dump(db);
    expect(after.papers).toEqual(before.papers);
    expect(after.feeds).toEqual(before.feeds);
    expect((await getSyncStatus(db)).feeds).toEqual((before.meta[0]!.value as { feeds: unknown }).feeds);
  });

  it('merges the daily list within one featured day, newest answer first', async () => {
    const db = openDb();
    const [a, b, c] = JUNE;
    await store(db, [fetchOf('hf-daily', [a!, b!])], T0);
    await store(db, [fetchOf('hf-daily', [c!, a!])], T0 + HOUR);
    expect(await feedIds(db, 'hf-daily')).toEqual([c!.id, a!.id, b!.id]);
    expect((await getSyncStatus(db)).feeds['hf-daily']).toMatchObject({ day: '2026-06-12', count: 3 });
  });

  it('replaces the daily list when a new featured day starts', async () => {
    const db = openDb();
    await store(db, [fetchOf('hf-daily', JUNE.slice(0, 5))], T0);
    const nextDay = JUNE.slice(5, 7).map((p) => onDay(p, '2026-06-13'));
    await store(db, [fetchOf('hf-daily', nextDay)], T0 + 24 * HOUR);
    expect(await feedIds(db, 'hf-daily')).toEqual(nextDay.map((p) => p.id));
    expect((await getSyncStatus(db)).feeds['hf-daily']).toMatchObject({ day: '2026-06-13', count: 2 });
  });

  it('keeps only the latest featured day of a mixed daily answer in the feed, but stores every paper', async () => {
    const db = openDb();
    const mixed = [...AUGUST, ...JUNE.slice(0, 4)];
    await store(db, [fetchOf('hf-daily', mixed)], T0);
    expect(await feedIds(db, 'hf-daily')).toEqual(AUGUST.map((p) => p.id));
    expect(await db.papers.count()).toBe(7);
  });

  it('keeps 2024-era daily papers (no featured day) and replaces them wholesale', async () => {
    const db = openDb();
    const undated = JUNE.slice(0, 3).map((p) => onDay(p, undefined));
    await store(db, [fetchOf('hf-daily', undated)], T0);
    await store(db, [fetchOf('hf-daily', undated.slice(1))], T0 + HOUR);
    expect(await feedIds(db, 'hf-daily')).toEqual(undated.slice(1).map((p) => p.id));
  });
});

describe('countUnreadLive', () => {
  it('counts the union of the live feeds once each, minus read and dismissed papers', async () => {
    const db = openDb();
    const daily = JUNE.slice(0, 10);
    const trending = [...AUGUST, ...JUNE.slice(5, 12)]; // overlaps daily on JUNE[5..9]
    await store(db, [fetchOf('hf-daily', daily), fetchOf('hf-trending', trending)], T0);
    expect(await countUnreadLive(db)).toBe(10 + 3 + 2);

    await markRead(db, [JUNE[5]!.id, AUGUST[0]!.id], T0 + 1); // one shared, one trending-only
    expect(await countUnreadLive(db)).toBe(13);
    await db.userState.put({ id: JUNE[0]!.id, dismissedAt: T0 + 2 });
    expect(await countUnreadLive(db)).toBe(12);
    await db.userState.put({ id: JUNE[1]!.id, savedAt: T0 + 3 }); // saved but unread still counts
    expect(await countUnreadLive(db)).toBe(12);
    // A read flag on a paper outside the live feeds changes nothing.
    await markRead(db, ['1706.03762'], T0 + 4);
    expect(await countUnreadLive(db)).toBe(12);
  });

  it('never counts the bundled snapshot', async () => {
    const db = openDb();
    expect(await loadBundled(db, snapshot(), T0)).toBe(true);
    expect(await countUnreadLive(db)).toBe(0);
    await store(db, [fetchOf('hf-trending', AUGUST)], T0 + HOUR);
    expect(await countUnreadLive(db)).toBe(3);
  });

  it('is 0 on an empty database', async () => {
    expect(await countUnreadLive(openDb())).toBe(0);
  });
});

describe('loadBundled', () => {
  it('loads the 88 bundled papers as the bundled feed, in listing order', async () => {
    const db = openDb();
    const seed = snapshot();
    expect(await loadBundled(db, seed, T0)).toBe(true);
    expect(await db.papers.count()).toBe(88);
    const views = await getFeed(db, 'bundled');
    expect(views.map((v) => v.paper.id)).toEqual(seed.papers.map((p) => p.arxiv_id));
    expect(views.map((v) => v.rank)).toEqual(seed.papers.map((_, i) => i + 1));
    const first = views[0]!.paper;
    expect(first).toMatchObject({
      id: '2202.11847',
      title: 'CAISE: Conversational Agent for Image Search and Editing',
      source: 'bundled',
      firstSeenAt: T0,
      authors: [],
      links: { arxiv: 'https://arxiv.org/abs/2202.11847', pdf: 'https://arxiv.org/pdf/2202.11847' },
    });
    for (const { paper } of views) expect(paper.title).not.toMatch(/\n| {2}/);
    expect(await getFeedSizes(db)).toEqual({ bundled: 88, 'hf-daily': 0, 'hf-trending': 0 });
  });

  it('only loads into an empty database', async () => {
    const db = openDb();
    await store(db, [fetchOf('hf-trending', AUGUST)], T0);
    expect(await loadBundled(db, snapshot(), T0)).toBe(false);
    expect(await db.papers.count()).toBe(3);
    expect((await getFeedSizes(db)).bundled).toBe(0);

    const again = openDb();
    expect(await loadBundled(again, snapshot(), T0)).toBe(true);
    expect(await loadBundled(again, snapshot(), T0 + HOUR)).toBe(false);
    expect(await again.papers.count()).toBe(88);
    expect((await again.papers.toArray()).every((p) => p.firstSeenAt === T0)).toBe(true);
  });

  it('skips snapshot entries without a usable arXiv id', async () => {
    const db = openDb();
    const seed: BundledSnapshot = {
      papers: [
        { title: 'No id', summary: 'x' },
        { arxiv_id: 'not-an-id', title: 'Bad id', summary: 'x' },
        { arxiv_id: '2202.11847v2', title: ' Wrapped\n  title ', summary: 'Abstract' },
      ],
    };
    expect(await loadBundled(db, seed, T0)).toBe(true);
    expect(await feedIds(db, 'bundled')).toEqual(['2202.11847']);
    expect((await db.papers.get('2202.11847'))?.title).toBe('Wrapped title');
  });

  it('keeps read flags on snapshot papers when a live sync brings the same paper', async () => {
    const db = openDb();
    const seed = snapshot();
    seed.papers[0]!.arxiv_id = JUNE[0]!.id;
    await loadBundled(db, seed, T0);
    await markRead(db, [JUNE[0]!.id], T0 + 1);
    await store(db, [fetchOf('hf-trending', [JUNE[0]!])], T0 + HOUR);
    expect(await db.userState.get(JUNE[0]!.id)).toEqual({ id: JUNE[0]!.id, readAt: T0 + 1 });
    expect(await db.papers.get(JUNE[0]!.id)).toMatchObject({ firstSeenAt: T0, title: JUNE[0]!.title, authors: JUNE[0]!.authors });
    expect(await countUnreadLive(db)).toBe(0);
  });
});

describe('read state', () => {
  const id = JUNE[0]!.id;

  it('markRead keeps an earlier read time and the other state', async () => {
    const db = openDb();
    await db.userState.put({ id, savedAt: 5 });
    await markRead(db, [id], 10);
    await markRead(db, [id], 20);
    expect(await db.userState.get(id)).toEqual({ id, savedAt: 5, readAt: 10 });
  });

  it('markUnread drops only the read time', async () => {
    const db = openDb();
    await db.userState.put({ id, savedAt: 5, readAt: 10, dismissedAt: 15 });
    await markUnread(db, [id], 20);
    expect(await db.userState.get(id)).toEqual({ id, savedAt: 5, dismissedAt: 15, cleared: { readAt: 20 } });
    await markUnread(db, ['never-seen'], 20);
    expect(await db.userState.get('never-seen')).toBeUndefined();
  });

  it('toggleRead flips the flag, returns the new value and keeps savedAt', async () => {
    const db = openDb();
    await db.userState.put({ id, savedAt: 5 });
    expect((await toggleRead(db, id, 10)).on).toBe(true);
    expect(await db.userState.get(id)).toEqual({ id, savedAt: 5, readAt: 10 });
    expect((await toggleRead(db, id, 20)).on).toBe(false);
    expect(await db.userState.get(id)).toEqual({ id, savedAt: 5, cleared: { readAt: 20 } });
    expect((await toggleRead(db, id, 30)).on).toBe(true);
    expect(await db.userState.get(id)).toEqual({ id, savedAt: 5, readAt: 30 });
  });

  it('marks many papers read at once', async () => {
    const db = openDb();
    await store(db, [fetchOf('hf-daily', JUNE)], T0);
    await markRead(db, JUNE.map((p) => p.id), T0 + 1);
    expect(await countUnreadLive(db)).toBe(0);
    expect((await getFeed(db, 'hf-daily')).every((v) => v.state?.readAt === T0 + 1)).toBe(true);
  });
});

describe('getFeed', () => {
  it('returns the feed in rank order joined with user state, without dismissed papers', async () => {
    const db = openDb();
    const trending = [AUGUST[2]!, JUNE[3]!, AUGUST[0]!, JUNE[1]!];
    await store(db, [fetchOf('hf-trending', trending)], T0);
    await markRead(db, [JUNE[3]!.id], T0 + 1);
    await db.userState.put({ id: AUGUST[0]!.id, dismissedAt: T0 + 2 });
    const views = await getFeed(db, 'hf-trending');
    expect(views.map((v) => [v.paper.id, v.rank, v.state?.readAt])).toEqual([
      [AUGUST[2]!.id, 1, undefined],
      [JUNE[3]!.id, 2, T0 + 1],
      [JUNE[1]!.id, 4, undefined],
    ]);
    expect(views[0]!.paper.title).toBe(AUGUST[2]!.title);
  });

  it('reads a bounded slice with a limit, and nothing from an unknown or empty feed', async () => {
    const db = openDb();
    await store(db, [fetchOf('hf-daily', JUNE)], T0);
    expect((await getFeed(db, 'hf-daily', 5)).map((v) => v.paper.id)).toEqual(JUNE.slice(0, 5).map((p) => p.id));
    expect(await getFeed(db, 'hf-trending')).toEqual([]);
    expect(await getFeedSizes(db)).toEqual({ bundled: 0, 'hf-daily': 30, 'hf-trending': 0 });
  });
});

// ---- Properties ----

const day = fc.constantFrom<string | undefined>(undefined, '2026-06-12', '2026-06-13', '2026-06-14');
const paperArb = fc
  .record({ base: fc.constantFrom(...POOL), featuredOn: day, upvotes: fc.nat(1000), title: fc.option(fc.string({ minLength: 1 }), { nil: undefined }) })
  .map(({ base, featuredOn, upvotes, title }) => dropUndefined({ ...base, featuredOn, upvotes, title: title ?? base.title }));
const fetchArb = fc.record({
  feed: fc.constantFrom<FeedId>('hf-daily', 'hf-trending'),
  papers: fc.uniqueArray(paperArb, { selector: (p) => p.id, maxLength: 8 }),
  skipped: fc.nat(5),
});
const syncsArb = fc.array(fc.array(fetchArb, { maxLength: 2 }), { minLength: 1, maxLength: 4 });
const time = fc.option(fc.integer({ min: 1, max: 2 ** 42 }), { nil: undefined });
const statesArb = fc
  .uniqueArray(
    fc.record({ id: fc.oneof(fc.constantFrom(...POOL.map((p) => p.id)), fc.constant('hep-th/9901001')), readAt: time, savedAt: time, dismissedAt: time }),
    { selector: (s) => s.id, maxLength: 12 },
  )
  .map((states) => states.map((s) => dropUndefined(s) as UserState));

describe('properties', () => {
  it('no sequence of syncs changes userState', async () => {
    await fc.assert(
      fc.asyncProperty(statesArb, syncsArb, async (states, syncs) => {
        const db = openDb();
        try {
          await db.userState.bulkPut(states);
          const before = await db.userState.toArray();
          let now = T0;
          for (const fetched of syncs) await store(db, fetched, (now += HOUR));
          expect(await db.userState.toArray()).toEqual(before);
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('ingest is idempotent: applying a sync again changes nothing but when its papers were last listed', async () => {
    await fc.assert(
      fc.asyncProperty(syncsArb, async (syncs) => {
        const db = openDb();
        try {
          let now = T0;
          for (const fetched of syncs) await store(db, fetched, (now += HOUR));
          const last = syncs[syncs.length - 1]!;
          const once = await dump(db);
          // Again at the same time: every table identical, the sync status included.
          await store(db, last, now);
          expect(await dump(db)).toEqual(once);
          // Again an hour later: no feed and no read state moves; of the papers, only those the
          // sync lists get a later lastSeenInFeedAt, and nothing else about them changes.
          await store(db, last, now + HOUR);
          const twice = await dump(db);
          const listed = new Set(last.flatMap((fetched) => fetched.papers.map((p) => p.id)));
          expect(twice.papers).toEqual(once.papers.map((p) => (listed.has(p.id) ? { ...p, lastSeenInFeedAt: now + HOUR } : p)));
          expect(twice.feeds).toEqual(once.feeds);
          expect(twice.userState).toEqual(once.userState);
          // Feeds never list a paper twice, and never list one that is not stored.
          const stored = new Set(twice.papers.map((p) => p.id));
          for (const feed of ['hf-daily', 'hf-trending'] as const) {
            const ids = twice.feeds.filter((e) => e.feed === feed).map((e) => e.id);
            expect(new Set(ids).size).toBe(ids.length);
            for (const id of ids) expect(stored.has(id)).toBe(true);
          }
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 40 },
    );
  });
});
