import { dropUndefined } from '../lib/drop-undefined';
import type { FeedId } from '../views/view-id';
import type { PaperboyDb } from './db';
import { SYNC_STATUS_KEY, syncStatusOf } from './meta-rows';

export type SyncErrorKind = 'offline' | 'timeout' | 'rate-limited' | 'server' | 'http' | 'bad-body' | 'storage' | 'permission';

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

/** Reads the sync outcome record (empty when nothing was ever synced). */
export async function getSyncStatus(db: PaperboyDb): Promise<SyncStatus> {
  return syncStatusOf(await db.meta.get(SYNC_STATUS_KEY));
}

/** Writes the sync outcome record; used inside and outside the sync transaction. */
export async function putSyncStatus(db: PaperboyDb, status: SyncStatus): Promise<void> {
  await db.meta.put({ key: SYNC_STATUS_KEY, value: dropUndefined(status) });
}
