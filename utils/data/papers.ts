import Dexie from 'dexie';
import type { FeedEntry, Paper, PaperboyDb, UserState } from './db';
import { BUNDLED_FEED, LIVE_FEEDS, type FeedId, type FeedSizes } from '../views/view-id';
import { normaliseArxivId } from '../sync/sources/arxiv-id';
import { dropUndefined } from '../lib/drop-undefined';
import { LIMITS } from '../sync/sources/limits';
import type { ParsedPaper } from '../sync/sources/hf';
import { cleanText } from '../sync/sources/clean-text';

/** A paper as pages show it: synced metadata joined with the user's own state. */
export interface PaperView {
  paper: Paper;
  state: UserState | undefined;
  rank: number;
}

export type SyncErrorKind =
  | 'offline'
  | 'timeout'
  | 'rate-limited'
  | 'server'
  | 'http'
  | 'bad-body'
  | 'storage'
  | 'permission';

export interface FeedStatus {
  fetchedAt: number;
  count: number;
  skipped: number;
  /** hf-daily only: the featured day the membership belongs to. */
  day?: string;
}

/** The outcome of syncs so far, as the pages show it. */
export interface SyncStatus {
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  lastError?: { kind: SyncErrorKind; message: string; at: number };
  /** When the next early retry is due (rate limit or backoff); unset: the next periodic sync. */
  nextAttemptAt?: number;
  /** Hugging Face asked for no request before this time: nothing, not even "Sync now", sends one. */
  rateLimitedUntil?: number;
  /** Consecutive failed attempts, for backoff. */
  failures?: number;
  /** Set when a sync starts, cleared when it is stored: a sync the browser killed halfway. */
  pendingSince?: number;
  feeds: Partial<Record<FeedId, FeedStatus>>;
}

/** One feed's successful fetch, ready to store. */
export interface FeedFetch {
  feed: FeedId;
  papers: ParsedPaper[];
  skipped: number;
}

const SYNC_STATUS_KEY = 'sync-status';

export interface Snapshot {
  listing?: string;
  date_shown?: string;
  papers: { arxiv_id?: string; title: string; summary: string }[];
}

/** Reads the sync outcome record (empty when nothing was ever synced). */
export async function getSyncStatus(db: PaperboyDb): Promise<SyncStatus> {
  const row = await db.meta.get(SYNC_STATUS_KEY);
  return (row?.value as SyncStatus | undefined) ?? { feeds: {} };
}

/** Writes the sync outcome record; used inside and outside the sync transaction. */
export async function putSyncStatus(db: PaperboyDb, status: SyncStatus): Promise<void> {
  await db.meta.put({ key: SYNC_STATUS_KEY, value: dropUndefined(status) });
}

/**
 * Stores a sync in one transaction: upserts every fetched paper, replaces each non-empty
 * feed's membership (today's list merges within its featured day, since HF fills it in during
 * the day) and records the outcome. Read flags live in another table and are never touched.
 */
export async function applySync(
  db: PaperboyDb,
  fetched: FeedFetch[],
  status: SyncStatus,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.papers, db.feeds, db.meta, async () => {
    const feeds = { ...status.feeds };
    for (const { feed, papers, skipped } of fetched) {
      // An empty answer is not "all papers are gone": keep what the feed had.
      if (papers.length === 0) continue;
      await upsertPapers(db, papers, 'hf', now);
      const previous = feeds[feed];
      const day = feed === 'hf-daily' ? latestDay(papers) : undefined;
      // A cache or a replica can still serve yesterday's list after the day rolled over: an
      // older day never replaces a newer one (its papers are stored all the same).
      if (day !== undefined && previous?.day !== undefined && day < previous.day) continue;
      let ids = papers.filter((p) => !day || !p.featuredOn || p.featuredOn === day).map((p) => p.id);
      if (feed === 'hf-daily' && previous?.day !== undefined && previous.day === day) {
        const before = await feedIds(db, feed);
        ids = [...new Set([...ids, ...before])];
      }
      await replaceFeed(db, feed, ids);
      feeds[feed] = dropUndefined({ fetchedAt: now, count: ids.length, skipped, day });
    }
    await putSyncStatus(db, { ...status, feeds });
  });
}

/** Loads the bundled snapshot as the `bundled` feed, only into an empty database. */
export async function loadSnapshot(db: PaperboyDb, snapshot: Snapshot, now: number): Promise<boolean> {
  return db.transaction('rw', db.papers, db.feeds, async () => {
    if ((await db.feeds.limit(1).count()) > 0 || (await db.papers.limit(1).count()) > 0) return false;
    const papers: ParsedPaper[] = [];
    for (const item of snapshot.papers) {
      const id = normaliseArxivId(item.arxiv_id);
      if (!id || typeof item.title !== 'string' || typeof item.summary !== 'string') continue;
      papers.push({
        id,
        title: cleanText(item.title, LIMITS.title),
        summary: cleanText(item.summary, LIMITS.summary),
        authors: [],
        links: { arxiv: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}` },
      });
    }
    await upsertPapers(db, papers, 'snapshot', now);
    await replaceFeed(db, 'bundled', papers.map((p) => p.id));
    return true;
  });
}

/** Upserts parsed papers: new fields win, fields a payload lacks keep their stored value. */
async function upsertPapers(
  db: PaperboyDb,
  papers: ParsedPaper[],
  source: Paper['source'],
  now: number,
): Promise<void> {
  const existing = await db.papers.bulkGet(papers.map((p) => p.id));
  const rows = papers.map((paper, i): Paper => {
    const old = existing[i];
    if (!old) return { ...paper, source, firstSeenAt: now, lastSeenInFeedAt: now };
    return { ...old, ...paper, links: { ...old.links, ...paper.links }, source: 'hf', firstSeenAt: old.firstSeenAt, lastSeenInFeedAt: now };
  });
  await db.papers.bulkPut(rows);
}

async function replaceFeed(db: PaperboyDb, feed: FeedId, ids: string[]): Promise<void> {
  await feedRange(db, feed).delete();
  await db.feeds.bulkPut(ids.map((id, rank): FeedEntry => ({ feed, rank, id })));
}

function feedRange(db: PaperboyDb, feed: FeedId) {
  return db.feeds.where('[feed+rank]').between([feed, Dexie.minKey], [feed, Dexie.maxKey]);
}

async function feedIds(db: PaperboyDb, feed: FeedId): Promise<string[]> {
  return (await feedRange(db, feed).toArray()).map((entry) => entry.id);
}

function latestDay(papers: ParsedPaper[]): string | undefined {
  let latest: string | undefined;
  for (const { featuredOn } of papers) if (featuredOn && (!latest || featuredOn > latest)) latest = featuredOn;
  return latest;
}

/** The papers of one feed in rank order, joined with user state; dismissed papers left out. */
export async function getFeed(db: PaperboyDb, feed: FeedId, limit = Infinity): Promise<PaperView[]> {
  return db.transaction('r', db.feeds, db.papers, db.userState, async () => {
    let range = feedRange(db, feed);
    const entries = await (Number.isFinite(limit) ? range.limit(limit) : range).toArray();
    const ids = entries.map((e) => e.id);
    const [papers, states] = await Promise.all([db.papers.bulkGet(ids), db.userState.bulkGet(ids)]);
    const views: PaperView[] = [];
    entries.forEach((entry, i) => {
      const paper = papers[i];
      const state = states[i];
      if (paper && !state?.dismissedAt) views.push({ paper, state, rank: entry.rank + 1 });
    });
    return views;
  });
}

/** Which feeds hold any papers, to choose the default view and the tabs to show. */
export async function getFeedSizes(db: PaperboyDb): Promise<FeedSizes> {
  const feeds = [...LIVE_FEEDS, BUNDLED_FEED] as const;
  const counts = await Promise.all(feeds.map((feed) => feedRange(db, feed).count()));
  return Object.fromEntries(feeds.map((feed, i) => [feed, counts[i]])) as FeedSizes;
}

/** Unread papers in the live feeds, deduplicated by id: what the badge shows. */
export async function countUnreadLive(db: PaperboyDb): Promise<number> {
  return db.transaction('r', db.feeds, db.userState, async () => {
    const ids = new Set<string>();
    for (const feed of LIVE_FEEDS) for (const id of await feedIds(db, feed)) ids.add(id);
    const states = await db.userState.bulkGet([...ids]);
    return states.filter((s) => !s?.readAt && !s?.dismissedAt).length;
  });
}

/** Marks papers read (keeps an earlier read time). */
export async function markRead(db: PaperboyDb, ids: string[], now: number): Promise<void> {
  await db.transaction('rw', db.userState, async () => {
    const states = await db.userState.bulkGet(ids);
    const rows = ids.map((id, i): UserState => ({ ...states[i], id, readAt: states[i]?.readAt ?? now }));
    await db.userState.bulkPut(rows);
  });
}

/** Marks a paper unread; its other state (saved, dismissed) stays. */
export async function markUnread(db: PaperboyDb, id: string): Promise<void> {
  await db.transaction('rw', db.userState, async () => {
    const state = await db.userState.get(id);
    if (!state) return;
    const { readAt: _readAt, ...rest } = state;
    await db.userState.put(rest);
  });
}

/** Flips a paper's read flag; returns the new value. */
export async function toggleRead(db: PaperboyDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.userState, async () => {
    const state = await db.userState.get(id);
    if (state?.readAt) {
      await markUnread(db, id);
      return false;
    }
    await markRead(db, [id], now);
    return true;
  });
}
