import { dropUndefined } from '../lib/drop-undefined';
import { bulkGetStored } from './bulk-get';
import { queueForIndex } from './search-queue';
import { normaliseArxivId } from '../sync/sources/arxiv-id';
import type { ArxivPaper } from '../sync/sources/arxiv';
import { cleanText } from '../sync/sources/clean-text';
import type { ParsedPaper } from '../sync/sources/hf';
import { LIMITS } from '../sync/sources/limits';
import { BUNDLED_FEED, type FeedId } from '../views/view-id';
import { richerSource, type FeedEntry, type Paper, type PaperboyDb, type PaperSource } from './db';
import { recordHistory } from './history-store';
import { feedIds, feedRange } from './papers';
import { searchTextChanged } from '../search/search-doc';
import { putSyncStatus, type SyncStatus } from './sync-status';

// What the sources write: papers and feed membership. Never user state (user-state.ts).

/** One feed's successful fetch, ready to store. */
export interface FeedFetch {
  feed: FeedId;
  papers: ParsedPaper[];
  skipped: number;
}

/** The bundled snapshot file (assets/seed-papers.json). */
export interface BundledSnapshot {
  listing?: string;
  date_shown?: string;
  papers: { arxiv_id?: string; title: string; summary: string }[];
}

/**
 * Stores a sync in one transaction: upserts every fetched paper, appends its counts to its
 * history (Rising), replaces each non-empty feed's membership (today's list merges within its
 * featured day, since HF fills it in during the day) and records the outcome. Read flags live in
 * another table and are never touched.
 */
export async function applySync(db: PaperboyDb, fetched: FeedFetch[], status: SyncStatus, now: number): Promise<void> {
  await db.transaction('rw', [db.papers, db.feeds, db.meta, db.searchQueue, db.history], async () => {
    const feeds = { ...status.feeds };
    for (const { feed, papers, skipped } of fetched) {
      // An empty answer is not "all papers are gone": keep what the feed had.
      if (papers.length === 0) continue;
      // Two tables, one transaction: asked at once, so neither waits for the other's replies. Both
      // need the papers' rows as they were (a paper's first sample lives in its row).
      const before = bulkGetStored(db.papers, papers.map((p) => p.id));
      await Promise.all([upsertPapers(db, papers, 'hf', now, before), recordHistory(db, papers, before, now)]);
      const day = feed === 'hf-daily' ? latestDay(papers) : undefined;
      const ids = await membership(db, feed, papers, day, feeds[feed]?.day);
      if (ids === undefined) continue;
      await replaceFeed(db, feed, ids);
      feeds[feed] = dropUndefined({ fetchedAt: now, count: ids.length, skipped, day });
    }
    await putSyncStatus(db, { ...status, feeds });
  });
}

/**
 * The ids a feed lists after a fetch: the papers of the fetch's featured day (today's list is
 * merged with what it held for the same day), or undefined when the fetch is of an older day
 * than the one stored (a cache or replica still serving yesterday: its papers are kept all the
 * same, the list is not).
 */
async function membership(db: PaperboyDb, feed: FeedId, papers: ParsedPaper[], day: string | undefined, storedDay: string | undefined): Promise<string[] | undefined> {
  if (day !== undefined && storedDay !== undefined && day < storedDay) return undefined;
  const ids = papers.filter((p) => !day || !p.featuredOn || p.featuredOn === day).map((p) => p.id);
  if (feed !== 'hf-daily' || storedDay === undefined || storedDay !== day) return ids;
  return [...new Set([...ids, ...(await feedIds(db, feed))])];
}

/** Loads the bundled snapshot as the `bundled` feed, only into an empty database. */
export async function loadBundled(db: PaperboyDb, snapshot: BundledSnapshot, now: number): Promise<boolean> {
  return db.transaction('rw', db.papers, db.feeds, db.searchQueue, async () => {
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
    await upsertPapers(db, papers, 'bundled', now);
    await replaceFeed(
      db,
      BUNDLED_FEED,
      papers.map((p) => p.id),
    );
    return true;
  });
}

/** Upserts parsed papers: new fields win, fields a payload lacks keep their stored value. */
async function upsertPapers(db: PaperboyDb, papers: ParsedPaper[], source: PaperSource, now: number, before = bulkGetStored(db.papers, papers.map((p) => p.id))): Promise<void> {
  const existing = await before;
  const rows = papers.map((paper, i): Paper => {
    const old = existing[i];
    if (!old) return { ...paper, source, firstSeenAt: now, lastSeenInFeedAt: now };
    return { ...old, ...paper, links: { ...old.links, ...paper.links }, source: richerSource(old.source, source), firstSeenAt: old.firstSeenAt, lastSeenInFeedAt: now };
  });
  await Promise.all([db.papers.bulkPut(rows), queueForSearch(db, rows, existing, now)]);
}

/**
 * Tells the search index which of these papers it must (re)index: those new or whose searchable
 * text changed. In the writer's transaction, so no write is ever missed; the index itself is
 * updated afterwards, off the write path (utils/search/indexer.ts).
 */
function queueForSearch(db: PaperboyDb, rows: readonly Paper[], before: readonly (Paper | undefined)[], now: number): PromiseLike<unknown> {
  const changed = rows.filter((row, i) => searchTextChanged(before[i], row));
  return queueForIndex(
    db,
    changed.map((row) => row.id),
    now,
  );
}

/**
 * Stores one arXiv category fetch in one transaction: merges papers by versionless id (HF's
 * richer copy wins, arXiv adds categories and fills gaps), replaces the feed's membership.
 */
export async function storeArxivPapers(db: PaperboyDb, feed: FeedId, papers: readonly ArxivPaper[], now: number): Promise<void> {
  const existing = await bulkGetStored(db.papers, papers.map((p) => p.id));
  const rows = papers.map((paper, i): Paper => {
    const old = existing[i];
    if (!old) return { ...paper, source: 'arxiv', firstSeenAt: now };
    return {
      ...paper,
      ...old,
      source: richerSource(old.source, 'arxiv'),
      summary: old.summary || paper.summary,
      authors: old.authors.length ? old.authors : paper.authors,
      publishedAt: old.publishedAt ?? paper.publishedAt,
      links: { ...paper.links, ...old.links },
      categories: paper.categories,
      primaryCategory: paper.primaryCategory ?? old.primaryCategory,
    };
  });
  await db.papers.bulkPut(rows);
  await queueForSearch(db, rows, existing, now);
  await replaceFeed(
    db,
    feed,
    papers.map((p) => p.id),
  );
}

async function replaceFeed(db: PaperboyDb, feed: FeedId, ids: string[]): Promise<void> {
  await feedRange(db, feed).delete();
  await db.feeds.bulkPut(ids.map((id, rank): FeedEntry => ({ feed, rank, id })));
}

function latestDay(papers: ParsedPaper[]): string | undefined {
  let latest: string | undefined;
  for (const { featuredOn } of papers) if (featuredOn && (!latest || featuredOn > latest)) latest = featuredOn;
  return latest;
}
