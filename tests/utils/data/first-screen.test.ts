import Dexie from 'dexie';
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type Paper, type PaperboyDb, type UserState } from '../../../utils/data/db';
import { readFirstScreen } from '../../../utils/data/first-screen';
import { getPageData, type ViewPrefs } from '../../../utils/data/page-data';
import type { LiveFeed, ViewId } from '../../../utils/views/view-id';
import { freshDb } from '../../support/harness';

const opened: PaperboyDb[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

const IDS = Array.from({ length: 12 }, (_, i) => `2606.${String(10_000 + i * 7)}`);
const FEEDS = ['hf-trending', 'hf-daily', 'bundled', 'hf-week'] as const;

const paper = (id: string, i: number): Paper => ({ id, title: `Paper ${i}`, summary: `About ${id}`, authors: [`Author ${i}`], links: { hf: `https://huggingface.co/papers/${id}` }, source: 'hf', firstSeenAt: 1_000 + i, upvotes: i });

/** A database's contents: each feed's ids (in rank order, ranks with gaps), the papers stored, the user's flags, and the meta rows. */
interface Contents {
  feeds: Record<(typeof FEEDS)[number], string[]>;
  rankGap: number;
  stored: string[];
  states: { id: string; readAt?: number; savedAt?: number; dismissedAt?: number }[];
  meta: { status: boolean; arxiv: boolean; patches: boolean };
}
const contents: fc.Arbitrary<Contents> = fc.record({
  feeds: fc.record(Object.fromEntries(FEEDS.map((feed) => [feed, fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 8 })])) as Record<(typeof FEEDS)[number], fc.Arbitrary<string[]>>),
  rankGap: fc.integer({ min: 1, max: 3 }),
  stored: fc.subarray(IDS),
  states: fc.array(fc.record({ id: fc.constantFrom(...IDS), readAt: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }), savedAt: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }), dismissedAt: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }) }), { maxLength: 8 }),
  meta: fc.record({ status: fc.boolean(), arxiv: fc.boolean(), patches: fc.boolean() }),
});

/** What a page opens on: a live feed or the snapshot (read by the entry script), or any other view (left to the app). */
const prefs: fc.Arbitrary<ViewPrefs> = fc.record({
  defaultView: fc.constantFrom<ViewId>('hf-trending', 'hf-daily', 'bundled', 'saved', 'for-you', 'hf-week'),
  liveFeeds: fc.subarray<LiveFeed>(['hf-trending', 'hf-daily']),
});

async function fill(db: PaperboyDb, c: Contents): Promise<void> {
  await db.papers.bulkPut(c.stored.map((id) => paper(id, IDS.indexOf(id))));
  await db.userState.bulkPut(c.states.map((s) => JSON.parse(JSON.stringify(s)) as UserState));
  await db.feeds.bulkPut(Object.entries(c.feeds).flatMap(([feed, ids]) => ids.map((id, i) => ({ feed: feed as (typeof FEEDS)[number], rank: i * c.rankGap, id }))));
  if (c.meta.status) await db.meta.put({ key: 'sync-status', value: { lastSuccessAt: 5, feeds: { 'hf-daily': { fetchedAt: 5, count: 3, skipped: 0 } } } });
  if (c.meta.arxiv) await db.meta.put({ key: 'arxiv-status', value: { categories: ['cs.LG'], feeds: {} } });
  if (c.meta.patches) await db.meta.put({ key: 'boot-copy-patches', value: [{ id: IDS[0], read: true }] });
}

describe('readFirstScreen', () => {
  it('reads what getPageData reads for a page opening on a live feed or the snapshot, and leaves any other view to it', async () => {
    let read = 0;
    await fc.assert(
      fc.asyncProperty(contents, prefs, async (c, p) => {
        const db = freshDb();
        opened.push(db);
        await fill(db, c);
        const expected = await getPageData(db, Date.now(), undefined, p);
        const got = await readFirstScreen(db.name, Promise.resolve(p));
        if (['hf-trending', 'hf-daily', 'bundled'].includes(expected.view)) {
          read++;
          expect(got).toEqual(expected);
        } else expect(got).toBeUndefined();
      }),
      { numRuns: 150 },
    );
    // The generator reaches both cases.
    expect(read).toBeGreaterThan(20);
  });

  it('waits for the prefs, and reads nothing without them', async () => {
    const db = freshDb();
    opened.push(db);
    await fill(db, { feeds: { 'hf-trending': [IDS[1]!], 'hf-daily': [], bundled: [], 'hf-week': [] }, rankGap: 1, stored: [IDS[1]!], states: [], meta: { status: false, arxiv: false, patches: false } });
    let give!: (prefs: ViewPrefs) => void;
    const later = readFirstScreen(db.name, new Promise<ViewPrefs>((resolve) => (give = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    give({ defaultView: 'hf-trending', liveFeeds: ['hf-trending'] });
    expect((await later)?.papers.map((v) => v.paper.id)).toEqual([IDS[1]]);
    expect(await readFirstScreen(db.name, Promise.resolve(undefined))).toBeUndefined();
  });

  it('creates no database where there is none (a first install): Dexie then creates it with its schema', async () => {
    const factory = new IDBFactory();
    expect(await readFirstScreen('fresh', Promise.resolve({ defaultView: 'hf-trending', liveFeeds: ['hf-trending'] }), factory)).toBeUndefined();
    expect(await factory.databases()).toEqual([]);
    Dexie.dependencies.indexedDB = factory;
    try {
      const db = createDb('fresh');
      await db.open();
      expect(db.tables.map((t) => t.name)).toContain('papers');
      db.close();
    } finally {
      Dexie.dependencies.indexedDB = globalThis.indexedDB;
    }
  });

  it('closes its connection when done: an upgrade is never blocked by it', async () => {
    const db = freshDb();
    await fill(db, { feeds: { 'hf-trending': [IDS[2]!], 'hf-daily': [], bundled: [], 'hf-week': [] }, rankGap: 1, stored: [IDS[2]!], states: [], meta: { status: true, arxiv: false, patches: false } });
    const version = db.verno * 10;
    db.close();
    // The connection it opened, seen through the factory.
    let connection: IDBDatabase | undefined;
    const watching = { open: (name: string) => {
      const request = indexedDB.open(name);
      request.addEventListener('success', () => (connection = request.result));
      return request;
    } } as unknown as IDBFactory;
    expect(await readFirstScreen(db.name, Promise.resolve({ defaultView: 'hf-trending', liveFeeds: ['hf-trending'] }), watching)).toBeDefined();
    // Closed: a closed connection starts no transaction.
    expect(() => connection!.transaction('meta')).toThrow(/closed|InvalidState/i);
    const upgrade = indexedDB.open(db.name, version + 1);
    let blocked = false;
    upgrade.onblocked = () => (blocked = true);
    await new Promise((resolve, reject) => {
      upgrade.onsuccess = resolve;
      upgrade.onerror = reject;
    });
    expect(blocked).toBe(false);
    upgrade.result.close();
    await Dexie.delete(db.name);
  });

  it('never rejects: no IndexedDB at all, one that refuses, a database without the tables', async () => {
    const prefs = Promise.resolve<ViewPrefs>({ defaultView: 'hf-trending', liveFeeds: ['hf-trending'] });
    await expect(readFirstScreen('x', prefs, undefined)).resolves.toBeUndefined();
    const refusing = { open: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as IDBFactory;
    await expect(readFirstScreen('x', prefs, refusing)).resolves.toBeUndefined();
    const factory = new IDBFactory();
    const create = factory.open('other', 1);
    create.onupgradeneeded = () => create.result.createObjectStore('papers');
    await new Promise((resolve) => (create.onsuccess = resolve));
    create.result.close();
    await expect(readFirstScreen('other', prefs, factory)).resolves.toBeUndefined();
  });
});
