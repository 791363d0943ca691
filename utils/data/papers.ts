import Dexie from 'dexie';
import { feedSizesOf, isDiscoverView, isMatchesView, LIVE_FEEDS, matchedIds, SIZED_FEEDS, type FeedId, type FeedSizes, type LiveFeed, type ViewId } from '../views/view-id';
import { getRows } from './bulk-get';
import { getDiscoverView } from './discover';
import type { Paper, PaperboyDb, UserState } from './db';
import { getSyncStatus } from './sync-status';
import type { UserFlag } from './user-state';

// Every query the pages need, read-only. Writes live in feed-store.ts (sync), user-state.ts (the
// user), arxiv-store.ts and retention-store.ts.

/** A paper as pages show it: synced metadata joined with the user's own state. */
export interface PaperView {
  paper: Paper;
  state: UserState | undefined;
  /** Its place (1 = first) in the list it was read from: the feed's order, or the list's. */
  rank: number;
  /** Why a worked-out list (For you, Rising, Catch-up) shows it: "because you read …". */
  reason?: string;
}

/** The index range of one feed's entries, in rank order. */
export function feedRange(db: PaperboyDb, feed: FeedId) {
  return db.feeds.where('[feed+rank]').between([feed, Dexie.minKey], [feed, Dexie.maxKey]);
}

/** The ids one feed lists, in rank order. */
export async function feedIds(db: PaperboyDb, feed: FeedId): Promise<string[]> {
  return (await feedRange(db, feed).toArray()).map((entry) => entry.id);
}

/**
 * Joins ids with their papers and user state, in order; papers not stored and (unless `hidden`)
 * hidden papers are left out, and each keeps its place in the list (`ranks[i]`, else its position).
 */
export async function joinViews(db: PaperboyDb, ids: readonly string[], ranks?: readonly number[], states?: (UserState | undefined)[], hidden = false): Promise<PaperView[]> {
  const [papers, known] = await Promise.all([getRows(db.papers, ids), states ?? getRows(db.userState, ids)]);
  const views: PaperView[] = [];
  ids.forEach((_id, i) => {
    const paper = papers[i];
    const state = known[i];
    if (paper && (hidden || !state?.dismissedAt)) views.push({ paper, state, rank: ranks?.[i] ?? i + 1 });
  });
  return views;
}

/** The papers of one feed in rank order, joined with user state; hidden papers left out. */
export async function getFeed(db: PaperboyDb, feed: FeedId, limit = Infinity): Promise<PaperView[]> {
  return db.transaction('r', db.feeds, db.papers, db.userState, async () => {
    const range = feedRange(db, feed);
    const entries = await (Number.isFinite(limit) ? range.limit(limit) : range).toArray();
    return joinViews(
      db,
      entries.map((e) => e.id),
      entries.map((e) => e.rank + 1),
    );
  });
}

/** Papers by id, in the given order (search results); hidden and unknown ids left out. */
export async function getPapersByIds(db: PaperboyDb, ids: readonly string[]): Promise<PaperView[]> {
  return db.transaction('r', db.papers, db.userState, () => joinViews(db, ids));
}

/** Papers by a user-state time (savedAt, readAt or dismissedAt), newest first, bounded. */
async function byStateTime(db: PaperboyDb, index: UserFlag, limit?: number): Promise<PaperView[]> {
  return db.transaction('r', db.papers, db.userState, async () => {
    const newest = db.userState.where(index).above(0).reverse();
    const states = await (limit === undefined ? newest : newest.limit(limit)).toArray();
    return joinViews(
      db,
      states.map((s) => s.id),
      undefined,
      states,
      index === 'dismissedAt',
    );
  });
}

/** Saved papers, most recently saved first. */
export function getSaved(db: PaperboyDb, limit = 1000): Promise<PaperView[]> {
  return byStateTime(db, 'savedAt', limit);
}

/** Read history: papers opened or marked read, most recent first. */
export function getHistory(db: PaperboyDb, limit = 300): Promise<PaperView[]> {
  return byStateTime(db, 'readAt', limit);
}

/** Hidden ("not interested") papers, most recently hidden first: where they can be restored. */
export function getHidden(db: PaperboyDb, limit = 1000): Promise<PaperView[]> {
  return byStateTime(db, 'dismissedAt', limit);
}

/** All saved papers with their save times, for export. */
export async function getSavedForExport(db: PaperboyDb): Promise<{ papers: Paper[]; savedAt: Map<string, number> }> {
  const views = await byStateTime(db, 'savedAt');
  return { papers: views.map((v) => v.paper), savedAt: new Map(views.map((v) => [v.paper.id, v.state?.savedAt ?? 0])) };
}

/** How many papers are saved (an index count, no rows read). */
export function countSaved(db: PaperboyDb): Promise<number> {
  return db.userState.where('savedAt').above(0).count();
}

/** How many entries a feed has (an index count, no rows read). */
export function countFeed(db: PaperboyDb, feed: FeedId): Promise<number> {
  return feedRange(db, feed).count();
}

/** Which fixed feeds hold any papers, to choose the default view and the tabs to show. */
export async function getFeedSizes(db: PaperboyDb): Promise<FeedSizes> {
  return feedSizesOf(await Promise.all(SIZED_FEEDS.map((feed) => countFeed(db, feed))));
}

/**
 * Unread papers in the given live feeds, deduplicated by id, hidden ones left out: what the badge
 * shows. With `since`, only papers first stored after that time count.
 */
export async function countUnreadLive(db: PaperboyDb, feeds: readonly LiveFeed[] = LIVE_FEEDS, since?: number): Promise<number> {
  return db.transaction('r', db.feeds, db.userState, db.papers, async () => {
    const ids = new Set<string>();
    for (const feed of feeds) for (const id of await feedIds(db, feed)) ids.add(id);
    const list = [...ids];
    const [states, papers] = await Promise.all([getRows(db.userState, list), since === undefined ? [] : getRows(db.papers, list)]);
    return states.filter((s, i) => !s?.readAt && !s?.dismissedAt && (since === undefined || (papers[i]?.firstSeenAt ?? 0) > since)).length;
  });
}

/**
 * Search results by id, in order (utils/search answers with ids): hidden and unknown ids left out,
 * and, once a live sync has succeeded, papers only the bundled snapshot supplied unless the user
 * read or saved one. Reads only the papers asked for, never the whole table.
 */
export async function getSearchResults(db: PaperboyDb, ids: readonly string[]): Promise<PaperView[]> {
  return db.transaction('r', db.papers, db.userState, db.meta, async () => {
    const views = await joinViews(db, ids);
    if (!views.some((v) => v.paper.source === 'bundled') || (await getSyncStatus(db)).lastSuccessAt === undefined) return views;
    return views.filter((v) => v.paper.source !== 'bundled' || v.state?.readAt || v.state?.savedAt);
  });
}

/** The papers of any view: a feed in rank order, one of the user's lists, or a worked-out list. */
export function getView(db: PaperboyDb, view: ViewId, now = Date.now()): Promise<PaperView[]> {
  if (view === 'saved') return getSaved(db);
  if (view === 'history') return getHistory(db);
  if (isMatchesView(view)) return getPapersByIds(db, matchedIds(view) ?? []);
  if (view === 'hidden') return getHidden(db);
  if (isDiscoverView(view)) return getDiscoverView(db, view, now);
  return getFeed(db, view);
}
