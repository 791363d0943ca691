import { browser } from 'wxt/browser';
import { isPeriodFeed, type PeriodFeed } from '../views/view-id';
import { type SyncStatus } from '../data/sync-status';
import type { FeedSyncResult } from './period-sync';

/**
 * Messages pages send the worker: only work that must outlive a closing popup. `flags-changed`:
 * the user changed a flag and cross-device sync is on. `index-search`: papers wait in the search
 * queue and a page found nobody indexing them.
 */
export type WorkerMessage = { type: 'sync-now' } | { type: 'sync-feed'; feed: PeriodFeed } | { type: 'flags-changed' } | { type: 'rank-for-you' } | { type: 'index-search' };

const PLAIN = new Set(['sync-now', 'flags-changed', 'rank-for-you', 'index-search']);

export function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; feed?: unknown };
  return PLAIN.has(message.type as string) || (message.type === 'sync-feed' && isPeriodFeed(message.feed));
}

/** Asks the worker to fetch this week's or this month's papers (it honours HF's rate limits). */
export async function requestFeedSync(feed: PeriodFeed): Promise<FeedSyncResult> {
  const message: WorkerMessage = { type: 'sync-feed', feed };
  return (await browser.runtime.sendMessage(message)) as FeedSyncResult;
}

/** Asks the worker to sync now (skipping a backoff wait, never a rate limit). */
export async function requestSyncNow(): Promise<SyncStatus> {
  const message: WorkerMessage = { type: 'sync-now' };
  return (await browser.runtime.sendMessage(message)) as SyncStatus;
}

/** Asks the worker to bring the For-you ranking up to date (it ranks only if its inputs changed). */
export async function requestForYou(): Promise<void> {
  const message: WorkerMessage = { type: 'rank-for-you' };
  await browser.runtime.sendMessage(message);
}

/** Asks the worker to index what the search queue holds (the indexer takes a lock: a second ask waits, then finds nothing). */
export async function requestIndexing(): Promise<void> {
  const message: WorkerMessage = { type: 'index-search' };
  await browser.runtime.sendMessage(message);
}
