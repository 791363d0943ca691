import { BUNDLED_FEED, LIVE_FEEDS, PERIOD_FEEDS, type ViewId } from '../views/view-id';
import { getRows } from './bulk-get';
import type { PaperboyDb } from './db';
import { feedIds } from './papers';

/**
 * What each tab shows beside its name: in a feed, its unread papers (hidden ones left out), as
 * the badge counts them; in a user list, the papers it lists.
 */
export type TabCounts = Partial<Record<ViewId, number>>;

const COUNTED_FEEDS = [...LIVE_FEEDS, ...PERIOD_FEEDS, BUNDLED_FEED] as const;

/**
 * The tabs' numbers. Feeds are bounded lists (at most a thousand papers a month), so each is read
 * whole with its user state; the user lists are counted through their indexes. Off the first
 * paint's path: the page picks its view from `getFeedSizes`, which reads no rows.
 */
export async function getTabCounts(db: PaperboyDb): Promise<TabCounts> {
  return db.transaction('r', db.feeds, db.userState, async () => {
    const lists = await Promise.all(COUNTED_FEEDS.map((feed) => feedIds(db, feed)));
    const unread = await Promise.all(
      lists.map(async (ids) => (await getRows(db.userState, ids)).filter((s) => !s?.readAt && !s?.dismissedAt).length),
    );
    const [savedIds, hidden] = await Promise.all([db.userState.where('savedAt').above(0).primaryKeys(), db.userState.where('dismissedAt').above(0).count()]);
    const savedStates = await getRows(db.userState, savedIds);
    const counts: TabCounts = { saved: savedStates.filter((s) => !s?.dismissedAt).length, hidden };
    COUNTED_FEEDS.forEach((feed, i) => (counts[feed] = unread[i]));
    return counts;
  });
}
