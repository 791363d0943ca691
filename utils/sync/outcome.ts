import type { SyncStatus } from '../data/sync-status';
import type { SyncError } from './hf-fetch';
import { backoffDelay, MAX_RATE_LIMIT_WAIT_MS } from './retry';
import { t } from '../lib/i18n';

/** Failed syncs retried early (with backoff) before waiting for the periodic alarm. */
export const MAX_EARLY_RETRIES = 3;
/** A 429 that does not say how long to wait backs off from HF's 5-minute rate-limit window. */
export const RATE_LIMIT_BASE_MS = 5 * 60_000;

/** How long to wait after a failed attempt; undefined hands over to the periodic alarm. */
export function waitAfter(failure: SyncError, failures: number, random: () => number): number | undefined {
  if (failure.kind === 'rate-limited') {
    // Never before the time HF asked for; a repeated 429, or one asking for no wait at all,
    // still backs off exponentially, so a misbehaving header cannot cause a retry storm.
    if (failure.askedWaitMs === undefined) return backoffDelay(failures, random, RATE_LIMIT_BASE_MS);
    return Math.max(Math.min(failure.askedWaitMs, MAX_RATE_LIMIT_WAIT_MS), backoffDelay(failures, random));
  }
  return failures <= MAX_EARLY_RETRIES ? backoffDelay(failures, random) : undefined;
}

/**
 * The status after an attempt that started at `start`: stored or not, failed or not. A failure
 * counts toward backoff and sets the next early try; a rate limit also holds every request back
 * until then.
 */
export function outcome(before: SyncStatus, start: number, stored: boolean, failure: SyncError | undefined, random: () => number): SyncStatus {
  const failures = failure ? (before.failures ?? 0) + 1 : 0;
  const wait = failure ? waitAfter(failure, failures, random) : undefined;
  const next = wait === undefined ? undefined : start + wait;
  return {
    ...before,
    pendingSince: undefined,
    lastAttemptAt: start,
    lastSuccessAt: stored ? start : before.lastSuccessAt,
    lastError: failure ? { kind: failure.kind, message: failure.message, at: start } : undefined,
    failures,
    nextAttemptAt: next,
    rateLimitedUntil: failure?.kind === 'rate-limited' ? next : undefined,
  };
}

/** Whether a (possibly Dexie-wrapped) storage error is the quota running out. */
export function isQuotaError(error: unknown): boolean {
  const names = [error, (error as { inner?: unknown })?.inner, ...((error as { failures?: unknown[] })?.failures ?? [])].map(
    (e) => (e as { name?: unknown } | undefined)?.name,
  );
  return names.includes('QuotaExceededError');
}

/** A failed write in plain words. */
export function storageMessage(error: unknown): string {
  if (isQuotaError(error)) return t('sync.error.quota');
  const name = (error as { inner?: { name?: string } })?.inner?.name ?? (error as Error)?.name;
  return t('sync.error.saveFailed', [name ?? t('common.unknownError')]);
}

/** Runs a write; when it hits the storage quota, lets `makeRoom` free space and tries once more. */
export async function withRoom(write: () => Promise<void>, makeRoom: (() => Promise<number>) | undefined): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isQuotaError(error) || !makeRoom) throw error;
    const freed = await makeRoom().catch(() => 0);
    if (freed === 0) throw error;
    await write();
  }
}
