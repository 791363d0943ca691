import type { CopyPatch } from '../pages/boot/boot-copy-patch';
import type { Settings } from '../settings/defaults';
import { defaultView, type FeedSizes, type ViewId } from '../views/view-id';
import { getArxivStatus, type ArxivStatus } from './arxiv-store';
import { waitingBootPatches } from './boot-patches';
import type { PaperboyDb } from './db';
import { getFeedSizes, getView, type PaperView } from './papers';
import { getSyncStatus, type SyncStatus } from './sync-status';

/** The settings that decide which view a page opens on. */
export type ViewPrefs = Pick<Settings, 'defaultView' | 'liveFeeds'>;

/** What a page draws on its first screen: the feeds' sizes (they pick the default view), the status, and the view's papers. */
export interface PageData {
  sizes: FeedSizes;
  status: SyncStatus;
  arxiv: ArxivStatus;
  /** The view shown: the one asked for, else the default one for the feeds stored. */
  view: ViewId;
  papers: PaperView[];
  /** Changes of user state the saved first screens do not show yet (made in the background). */
  bootPatches: CopyPatch[];
}

/**
 * Everything a page's first screen needs, in one read transaction: one round trip to the
 * database between the app's start and its first render, however many papers are stored (every
 * read is a bounded index range or a row by key). The tabs' counts are read after (view-counts.ts).
 */
export function getPageData(db: PaperboyDb, now: number, chosen: ViewId | undefined, prefs?: ViewPrefs): Promise<PageData> {
  return db.transaction('r', [db.feeds, db.papers, db.userState, db.meta, db.history], async () => {
    const [sizes, status, arxiv, bootPatches] = await Promise.all([getFeedSizes(db), getSyncStatus(db), getArxivStatus(db), waitingBootPatches(db)]);
    const view = chosen ?? defaultView(sizes, prefs?.defaultView, prefs?.liveFeeds);
    return { sizes, status, arxiv, view, papers: await getView(db, view, now), bootPatches };
  });
}

/** A first screen read before the page's app rendered (readAhead), with the arguments it was read for. */
let ahead: { key: string; data: PageData } | undefined;

const aheadKey = (chosen: ViewId | undefined, prefs: ViewPrefs | undefined) => JSON.stringify([chosen ?? null, prefs?.defaultView ?? null, prefs?.liveFeeds ?? null]);

/**
 * Reads a page's first screen while its app's code still loads (utils/pages/boot/start-page.ts,
 * on a visit with no boot copy to show), so the app's first render draws the papers: one render
 * and one layout, not an empty page first and the papers a query later. A failure is left for
 * the page's own query to show.
 */
export async function readAhead(db: PaperboyDb, now: number, chosen: ViewId | undefined, prefs: ViewPrefs): Promise<void> {
  try {
    keepReadAhead(await getPageData(db, now, chosen, prefs), chosen, prefs);
  } catch {
    ahead = undefined;
  }
}

/** Keeps a first screen read elsewhere (by the entry script: first-screen.ts) as if `readAhead` had read it. */
export function keepReadAhead(data: PageData, chosen: ViewId | undefined, prefs: ViewPrefs): void {
  ahead = { key: aheadKey(chosen, prefs), data };
}

/** The first screen read ahead, if it was read for these arguments; handed out once. */
export function takeReadAhead(chosen: ViewId | undefined, prefs: ViewPrefs | undefined): PageData | undefined {
  const found = ahead?.key === aheadKey(chosen, prefs) ? ahead.data : undefined;
  ahead = undefined;
  return found;
}
