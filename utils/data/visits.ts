import { AWAY_MIN_MS, type Away } from '../discover/rising';
import type { PaperboyDb } from './db';

/** The pages that mark what is new since their last visit, each on its own. */
export type VisitedPage = 'popup' | 'newtab';
const AWAY_KEY = 'last-away';

// Before each page kept its own, one visit covered both: it still stands for a page's first visit
// after the update.
const SHARED_KEY = 'last-visit';
const keyOf = (page: VisitedPage) => `${SHARED_KEY}:${page}`;

/** When the user last opened `page` (undefined on its very first visit). */
export async function getLastVisit(db: PaperboyDb, page: VisitedPage): Promise<number | undefined> {
  const [own, shared] = await db.meta.bulkGet([keyOf(page), SHARED_KEY]);
  const value = own?.value ?? shared?.value;
  return typeof value === 'number' ? value : undefined;
}

/**
 * Records a visit to `page`; returns its previous one, which decides what counts as new in this
 * visit. Each page keeps its own: a glance at the popup does not clear the new tab's markers. A gap
 * of `AWAY_MIN_MS` or more since the previous visit is recorded as the last time away (Catch-up).
 */
export async function recordVisit(db: PaperboyDb, page: VisitedPage, now: number): Promise<number | undefined> {
  return db.transaction('rw', db.meta, async () => {
    const previous = await getLastVisit(db, page);
    await db.meta.put({ key: keyOf(page), value: Math.max(now, previous ?? 0) });
    if (previous !== undefined && now - previous >= AWAY_MIN_MS) await db.meta.put({ key: AWAY_KEY, value: { from: previous, to: now } satisfies Away });
    return previous;
  });
}

/** The user's last absence (catch-up shows what trended since it began), if there was one. */
export async function getLastAway(db: PaperboyDb): Promise<Away | undefined> {
  const value = (await db.meta.get(AWAY_KEY))?.value as Partial<Away> | undefined;
  return typeof value?.from === 'number' && typeof value.to === 'number' ? { from: value.from, to: value.to } : undefined;
}

/** The latest visit to any page (undefined before the first): what "new since I last looked" on the badge counts from. */
export async function getLatestVisit(db: PaperboyDb): Promise<number | undefined> {
  const visits = (await Promise.all([getLastVisit(db, 'popup'), getLastVisit(db, 'newtab')])).filter((t): t is number => t !== undefined);
  return visits.length > 0 ? Math.max(...visits) : undefined;
}
