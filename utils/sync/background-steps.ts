import type { Browser } from 'wxt/browser';
import type { PaperboyDb } from '../data/db';
import { getForYouRanking } from '../data/for-you-store';
import { pruneIfDue } from '../data/retention';
import type { SyncStatus } from '../data/sync-status';
import { notifyMatches } from '../notify/notify';
import { updateSearchIndex } from '../search/indexer';
import type { PeriodFeed } from '../views/view-id';
import { isWorkerMessage } from './messages';
import type { FeedSyncResult } from './period-sync';

// The steps background.ts composes: what follows a sync, how page messages are routed.

/**
 * Brings the search index up to date with the papers just written: here, where the papers were
 * written and the background is awake anyway, so no page ever rebuilds it.
 */
export function indexNewPapers(db: PaperboyDb): Promise<unknown> {
  return updateSearchIndex(db).catch((error) => console.error('Paperboy: search index not updated', error));
}

type StorageListener = (changes: Record<string, Browser.storage.StorageChange>, area: string) => unknown;

/** One `storage.onChanged` listener that runs two. */
export function both(a: StorageListener, b: StorageListener) {
  return async (changes: Record<string, Browser.storage.StorageChange>, area: string): Promise<void> => {
    await Promise.all([a(changes, area), b(changes, area)]);
  };
}

/** What each page message asks the background for; anything else is not for it (undefined). */
export function routeMessages(handlers: { syncNow: () => Promise<SyncStatus>; syncFeed: (feed: PeriodFeed) => Promise<FeedSyncResult>; flagsChanged: () => void; rankForYou: () => Promise<unknown>; indexSearch: () => Promise<unknown> }) {
  return (message: unknown) => {
    if (!isWorkerMessage(message)) return undefined;
    if (message.type === 'flags-changed') return void handlers.flagsChanged();
    if (message.type === 'rank-for-you') return handlers.rankForYou();
    if (message.type === 'index-search') return handlers.indexSearch();
    return message.type === 'sync-feed' ? handlers.syncFeed(message.feed) : handlers.syncNow();
  };
}

/**
 * What follows a sync that stored papers: a notification about new matches, retention when due,
 * and For you ranked again once the user has opened it (until then nobody needs it ranked).
 */
async function afterStoredSync(db: PaperboyDb, now: number, rankForYou: () => Promise<unknown>): Promise<void> {
  await notifyMatches(db, now).catch((error) => console.error('Paperboy: notification failed', error));
  await pruneIfDue(db, now).catch((error) => console.error('Paperboy: retention failed', error));
  if (await getForYouRanking(db).catch(() => undefined)) void rankForYou();
}

/** What follows every sync that ran: the steps of a stored one, then the search index. */
export async function afterSync(db: PaperboyDb, status: SyncStatus, now: number, rankForYou: () => Promise<unknown>): Promise<void> {
  if (status.lastSuccessAt === status.lastAttemptAt) await afterStoredSync(db, now, rankForYou);
  await indexNewPapers(db);
}
