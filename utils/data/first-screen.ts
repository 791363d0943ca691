import { BUNDLED_FEED, defaultView, feedSizesOf, isLiveFeed, SIZED_FEEDS } from '../views/default-view';
import type { FeedEntry, Paper, UserState } from './db';
import { ARXIV_STATUS_KEY, arxivStatusOf, BOOT_PATCHES_KEY, bootPatchesOf, SYNC_STATUS_KEY, syncStatusOf } from './meta-rows';
import type { PageData, ViewPrefs } from './page-data';
import type { PaperView } from './papers';

// A page's first screen read by its entry script, with the browser's own IndexedDB, on a visit
// with no boot copy to show: the read no longer waits for the app's code (Dexie in it) to load.
// It is `getPageData` (page-data.ts) for the views a page opens on by default, a live feed or the
// bundled snapshot; any other view is left to `getPageData`. Both are kept the same by
// tests/utils/data/first-screen.test.ts, which compares them on generated databases.

/** What one request gives, as a promise (settled in the request's own event: the transaction stays active for the next request). */
function ask<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** One feed's entries, as Dexie's `[feed+rank]` range between its min and max keys reads them. */
const feedKeys = (feed: string) => IDBKeyRange.bound([feed, -Infinity], [feed, [[]]]);

/**
 * Opens the database at once (the browser then opens its files while the app's code loads) and,
 * once `prefs` are known, reads the first screen in one read transaction: the fixed feeds'
 * sizes and the meta rows, then the view's entries, then their papers and user state. Resolves
 * undefined where the app's own read must answer: no database yet (a first install: its creation
 * is aborted, so Dexie creates it with its schema), a view this does not read, no prefs, or any
 * failure. Never rejects; the connection is closed when done.
 */
export async function readFirstScreen(name: string, prefs: Promise<ViewPrefs | undefined>, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<PageData | undefined> {
  let db: IDBDatabase | undefined;
  try {
    const request = factory?.open(name);
    if (!request) return undefined;
    request.onupgradeneeded = () => request.transaction?.abort();
    const opened = new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      // The aborted creation (and any other failure) is expected: not an error for the console.
      request.onerror = (event) => {
        event.preventDefault();
        reject(request.error ?? new Error('IndexedDB open failed'));
      };
    });
    const [connection, chosen] = await Promise.all([opened, prefs]);
    db = connection;
    // An upgrade (an updated extension) must not wait for this read.
    db.onversionchange = () => db?.close();
    return chosen && (await read(db, chosen));
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

async function read(db: IDBDatabase, prefs: ViewPrefs): Promise<PageData | undefined> {
  const tx = db.transaction(['feeds', 'papers', 'userState', 'meta'], 'readonly');
  const feeds = tx.objectStore('feeds');
  const meta = tx.objectStore('meta');
  const [counts, status, arxiv, patches] = await Promise.all([
    Promise.all(SIZED_FEEDS.map((feed) => ask(feeds.count(feedKeys(feed))))),
    ask(meta.get(SYNC_STATUS_KEY)),
    ask(meta.get(ARXIV_STATUS_KEY)),
    ask(meta.get(BOOT_PATCHES_KEY)),
  ]);
  const sizes = feedSizesOf(counts);
  const view = defaultView(sizes, prefs.defaultView, prefs.liveFeeds);
  if (!isLiveFeed(view) && view !== BUNDLED_FEED) return undefined;
  const entries = (await ask(feeds.getAll(feedKeys(view)))) as FeedEntry[];
  const papers = tx.objectStore('papers');
  const states = tx.objectStore('userState');
  const [rows, known] = await Promise.all([
    Promise.all(entries.map((e) => ask(papers.get(e.id)) as Promise<Paper | undefined>)),
    Promise.all(entries.map((e) => ask(states.get(e.id)) as Promise<UserState | undefined>)),
  ]);
  const shown: PaperView[] = [];
  entries.forEach((entry, i) => {
    const paper = rows[i];
    const state = known[i];
    if (paper && !state?.dismissedAt) shown.push({ paper, state, rank: entry.rank + 1 });
  });
  return { sizes, status: syncStatusOf(status), arxiv: arxivStatusOf(arxiv), view, papers: shown, bootPatches: bootPatchesOf(patches) };
}
