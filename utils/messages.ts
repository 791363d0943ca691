import { browser } from 'wxt/browser';
import type { SyncStatus } from './papers';

/** Messages pages send the worker: only work that must outlive a closing popup. */
export type WorkerMessage = { type: 'sync-now' };

export function isWorkerMessage(value: unknown): value is WorkerMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'sync-now';
}

/** Asks the worker to sync now (skipping a backoff wait, never a rate limit). */
export async function requestSyncNow(): Promise<SyncStatus> {
  const message: WorkerMessage = { type: 'sync-now' };
  return (await browser.runtime.sendMessage(message)) as SyncStatus;
}
