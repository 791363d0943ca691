import type { ArxivPaper } from '../sync/sources/arxiv';
import { arxivFeed } from '../views/view-id';
import type { PaperboyDb } from './db';
import { storeArxivPapers } from './feed-store';
import { ARXIV_STATUS_KEY, arxivStatusOf } from './meta-rows';
import { feedRange } from './papers';

// The arXiv category feeds the user added, and the record every page shares of what their
// fetches did (arXiv asks for one request every 3 s, from any page).

/** arXiv's terms of use: at most one request every 3 seconds. */
export const ARXIV_MIN_GAP_MS = 3000;

/** The arXiv feeds the user added, and what their latest fetches did. */
export interface ArxivStatus {
  categories: string[];
  feeds: Record<string, { fetchedAt?: number; count?: number; error?: { message: string; at: number } }>;
  /** When the latest request to arXiv was (or is scheduled to be) sent, from any page. */
  lastRequestAt?: number;
}

/** The arXiv feeds the user added and their fetch outcomes. */
export async function getArxivStatus(db: PaperboyDb): Promise<ArxivStatus> {
  return arxivStatusOf(await db.meta.get(ARXIV_STATUS_KEY));
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

/** Stores one category's fetch in one transaction: its papers, its membership, its outcome. */
export async function storeArxivFeed(db: PaperboyDb, category: string, papers: readonly ArxivPaper[], now: number): Promise<void> {
  await db.transaction('rw', db.papers, db.feeds, db.meta, db.searchQueue, async () => {
    await storeArxivPapers(db, arxivFeed(category), papers, now);
    await updateArxivStatus(db, (s) => ({
      ...s,
      categories: s.categories.includes(category) ? s.categories : [...s.categories, category],
      feeds: { ...s.feeds, [category]: { fetchedAt: now, count: papers.length } },
    }));
  });
}
