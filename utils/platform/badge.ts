import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { createQueue } from '../lib/serial';
import type { PaperboyDb } from '../data/db';
import { countUnreadLive } from '../data/papers';
import { getLatestVisit } from '../data/visits';
import { readSettings } from '../settings/settings';

const BADGE_COLOR = '#d9480f';
const BADGE_LOCK = 'paperboy-badge';

/** Badge text for a count of unread live papers: empty at 0, at most 4 characters. */
export function badgeText(count: number): string {
  const whole = Math.floor(count);
  if (!Number.isFinite(whole) || whole <= 0) return '';
  return whole > 999 ? '999+' : String(whole);
}

/**
 * What the badge counts in the user's badge mode: unread papers in the live feeds the user keeps
 * (`unread`), those of them first stored since the last visit to a Paperboy page (`new`; all of
 * them before the first visit), or nothing (`off`).
 */
async function badgeCount(db: PaperboyDb): Promise<number> {
  const { badgeMode, liveFeeds } = await readSettings();
  if (badgeMode === 'off') return 0;
  const since = badgeMode === 'new' ? await getLatestVisit(db) : undefined;
  return countUnreadLive(db, liveFeeds, since);
}

/** Recomputes the badge from the database. The only code that touches the action badge. */
export async function refreshBadge(db: PaperboyDb): Promise<string> {
  // Outside any transaction the caller may be in: a refresh queued from inside one (a write that
  // lands during a sync) must not run its count in that transaction once it has committed.
  return oneAtATime(() => Dexie.ignoreTransaction(async () => {
    const text = badgeText(await badgeCount(db));
    await Promise.all([
      browser.action.setBadgeText({ text }),
      browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }),
    ]);
    return text;
  }));
}

/** After a visit is recorded: a badge that counts what is new since the last visit is recounted. */
export async function refreshBadgeAfterVisit(db: PaperboyDb): Promise<void> {
  if ((await readSettings()).badgeMode === 'new') await refreshBadge(db);
}

const queue = createQueue();

/**
 * Runs badge refreshes one at a time. Pages and the worker each refresh after their own writes;
 * without this, a count taken before a page's write could be set after that page's fresher
 * count, and the badge would lie until the next change. A Web Lock spans every context of the
 * extension (they share one origin); where there is none, this context's refreshes still queue.
 */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(BADGE_LOCK, task) as Promise<T>;
  return queue(task);
}
