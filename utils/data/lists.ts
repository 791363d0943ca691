import Dexie from 'dexie';
import type { FeedEntry, Paper, PaperboyDb, UserState } from './db';
import { arxivFeed } from '../views/view-id';
import type { PaperView } from './papers';
import type { ArxivPaper } from '../sync/sources/arxiv';

// Queries and mutations for triage: saved and read lists, dismissals, visits, arXiv feeds.
// A sibling of papers.ts; like it, the only code that reads or writes these rows.

const LAST_VISIT_KEY = 'last-visit';
const ARXIV_STATUS_KEY = 'arxiv-status';
/** arXiv's terms of use: at most one request every 3 seconds. */
export const ARXIV_MIN_GAP_MS = 3000;

/** The arXiv feeds the user added, and what their latest fetches did. */
export interface ArxivStatus {
  categories: string[];
  feeds: Record<string, { fetchedAt?: number; count?: number; error?: { message: string; at: number } }>;
  /** When the latest request to arXiv was (or is scheduled to be) sent, from any page. */
  lastRequestAt?: number;
}

/** Joins papers with user state in the given order; dismissed and unknown ids left out. */
export async function getPapersByIds(db: PaperboyDb, ids: readonly string[]): Promise<PaperView[]> {
  return db.transaction('r', db.papers, db.userState, async () => {
    const [papers, states] = await Promise.all([db.papers.bulkGet([...ids]), db.userState.bulkGet([...ids])]);
    return joinViews(papers, states);
  });
}

function joinViews(papers: (Paper | undefined)[], states: (UserState | undefined)[]): PaperView[] {
  const views: PaperView[] = [];
  papers.forEach((paper, i) => {
    const state = states[i];
    if (paper && !state?.dismissedAt) views.push({ paper, state, rank: views.length + 1 });
  });
  return views;
}

/** Papers by a user-state time index (savedAt or readAt), newest first, bounded. */
async function byStateTime(db: PaperboyDb, index: 'savedAt' | 'readAt', limit?: number): Promise<PaperView[]> {
  return db.transaction('r', db.papers, db.userState, async () => {
    const newest = db.userState.where(index).above(0).reverse();
    const states = await (limit === undefined ? newest : newest.limit(limit)).toArray();
    const papers = await db.papers.bulkGet(states.map((s) => s.id));
    return joinViews(papers, states);
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

/** How many papers are saved (an index count, no rows read). */
export function countSaved(db: PaperboyDb): Promise<number> {
  return db.userState.where('savedAt').above(0).count();
}

/** Saves or unsaves a paper; returns whether it is saved now. Other state stays. */
export async function toggleSaved(db: PaperboyDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.userState, async () => {
    const { savedAt, ...rest } = (await db.userState.get(id)) ?? { id };
    await db.userState.put(savedAt ? rest : { ...rest, savedAt: now });
    return !savedAt;
  });
}

/** Hides papers everywhere ("not interested"). */
export async function dismiss(db: PaperboyDb, ids: readonly string[], now: number): Promise<void> {
  await db.transaction('rw', db.userState, async () => {
    const states = await db.userState.bulkGet([...ids]);
    await db.userState.bulkPut(ids.map((id, i): UserState => ({ ...states[i], id, dismissedAt: states[i]?.dismissedAt ?? now })));
  });
}

/** Brings dismissed papers back (undo). */
export async function undismiss(db: PaperboyDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.userState, async () => {
    const states = await db.userState.bulkGet([...ids]);
    const rows = states.filter((s): s is UserState => s !== undefined).map(({ dismissedAt: _gone, ...rest }) => rest);
    await db.userState.bulkPut(rows);
  });
}

/** When the user last opened a Paperboy page (undefined on the very first visit). */
export async function getLastVisit(db: PaperboyDb): Promise<number | undefined> {
  const row = await db.meta.get(LAST_VISIT_KEY);
  return typeof row?.value === 'number' ? row.value : undefined;
}

/** Records a visit; returns the previous one, which decides what counts as new in this visit. */
export async function recordVisit(db: PaperboyDb, now: number): Promise<number | undefined> {
  return db.transaction('rw', db.meta, async () => {
    const previous = await getLastVisit(db);
    await db.meta.put({ key: LAST_VISIT_KEY, value: Math.max(now, previous ?? 0) });
    return previous;
  });
}

/** Every stored paper, for the search index (read once, off the page's critical path). */
export function getAllPapers(db: PaperboyDb): Promise<Paper[]> {
  return db.papers.toArray();
}

/** All saved papers with their save times, for export. */
export async function getSavedForExport(db: PaperboyDb): Promise<{ papers: Paper[]; savedAt: Map<string, number> }> {
  const views = await byStateTime(db, 'savedAt');
  return { papers: views.map((v) => v.paper), savedAt: new Map(views.map((v) => [v.paper.id, v.state?.savedAt ?? 0])) };
}

/** Papers in a period feed (`hf-week`, `hf-month`) or arXiv feed: a bounded feed-range count. */
export function countFeed(db: PaperboyDb, feed: FeedEntry['feed']): Promise<number> {
  return feedRange(db, feed).count();
}

function feedRange(db: PaperboyDb, feed: FeedEntry['feed']) {
  return db.feeds.where('[feed+rank]').between([feed, Dexie.minKey], [feed, Dexie.maxKey]);
}

/** The arXiv feeds the user added and their fetch outcomes. */
export async function getArxivStatus(db: PaperboyDb): Promise<ArxivStatus> {
  const row = await db.meta.get(ARXIV_STATUS_KEY);
  return (row?.value as ArxivStatus | undefined) ?? { categories: [], feeds: {} };
}

async function updateArxivStatus(db: PaperboyDb, change: (status: ArxivStatus) => ArxivStatus): Promise<ArxivStatus> {
  return db.transaction('rw', db.meta, async () => {
    const next = change(await getArxivStatus(db));
    await db.meta.put({ key: ARXIV_STATUS_KEY, value: next });
    return next;
  });
}

/** Adds an arXiv category feed (idempotent). */
export async function addArxivCategory(db: PaperboyDb, category: string): Promise<void> {
  await updateArxivStatus(db, (s) => (s.categories.includes(category) ? s : { ...s, categories: [...s.categories, category] }));
}

/** Removes an arXiv category feed and its membership; its papers stay (they may be saved). */
export async function removeArxivCategory(db: PaperboyDb, category: string): Promise<void> {
  await db.transaction('rw', db.meta, db.feeds, async () => {
    await feedRange(db, arxivFeed(category)).delete();
    await updateArxivStatus(db, ({ feeds: { [category]: _gone, ...feeds }, ...s }) => ({
      ...s,
      categories: s.categories.filter((c) => c !== category),
      feeds,
    }));
  });
}

/**
 * Reserves the next slot for an arXiv request, at least 3 s after the previous one from any
 * page (IndexedDB transactions serialise the reservations); returns how long to wait for it.
 */
export async function reserveArxivSlot(db: PaperboyDb, now: number): Promise<number> {
  const status = await updateArxivStatus(db, (s) => ({ ...s, lastRequestAt: Math.max(now, (s.lastRequestAt ?? -Infinity) + ARXIV_MIN_GAP_MS) }));
  return status.lastRequestAt! - now;
}

/** Records a failed arXiv fetch; the feed keeps what it had. */
export async function recordArxivError(db: PaperboyDb, category: string, message: string, now: number): Promise<void> {
  await updateArxivStatus(db, (s) => ({ ...s, feeds: { ...s.feeds, [category]: { ...s.feeds[category], error: { message, at: now } } } }));
}

/**
 * Stores one arXiv category fetch in one transaction: merges papers by versionless id (HF's
 * richer copy wins, arXiv adds categories and fills gaps), replaces the feed's membership.
 */
export async function storeArxivFeed(db: PaperboyDb, category: string, papers: readonly ArxivPaper[], now: number): Promise<void> {
  const feed = arxivFeed(category);
  await db.transaction('rw', db.papers, db.feeds, db.meta, async () => {
    const existing = await db.papers.bulkGet(papers.map((p) => p.id));
    const rows = papers.map((paper, i): Paper => {
      const old = existing[i];
      if (!old) return { ...paper, source: 'arxiv', firstSeenAt: now };
      return {
        ...paper,
        ...old,
        summary: old.summary || paper.summary,
        authors: old.authors.length ? old.authors : paper.authors,
        publishedAt: old.publishedAt ?? paper.publishedAt,
        links: { ...paper.links, ...old.links },
        categories: paper.categories,
        primaryCategory: paper.primaryCategory ?? old.primaryCategory,
      };
    });
    await db.papers.bulkPut(rows);
    await feedRange(db, feed).delete();
    await db.feeds.bulkPut(papers.map((p, rank): FeedEntry => ({ feed, rank, id: p.id })));
    await updateArxivStatus(db, (s) => ({
      ...s,
      categories: s.categories.includes(category) ? s.categories : [...s.categories, category],
      feeds: { ...s.feeds, [category]: { fetchedAt: now, count: papers.length } },
    }));
  });
}
