import { SYNC_PERIOD_MINUTES } from '../sync/schedule';
import { formatAgo, formatDateTime, formatWait } from '../lib/format';
import { type SyncStatus } from '../data/sync-status';

export interface StatusText {
  /** The headline: "Synced 5 minutes ago", "Offline — showing data from …". */
  text: string;
  tone: 'ok' | 'warn' | 'idle';
  /** What comes next, or what to know: "next try in 4 min", "2 unreadable items skipped". */
  detail?: string;
  /** Everything at once, for a tooltip: last success, last error, next attempt, skipped items. */
  title?: string;
}

/** Plain words for what the last syncs did, with the sync period in force. Pure, so pages and tests agree. */
export function describeSyncStatus(status: SyncStatus, syncing: boolean, now: number, periodMinutes = SYNC_PERIOD_MINUTES): StatusText {
  const title = describeInFull(status, now, periodMinutes);
  if (syncing) return { text: 'Syncing…', tone: 'idle', title };
  const { lastSuccessAt, lastError } = status;
  if (lastError && failedLast(status)) {
    const shown = lastSuccessAt === undefined ? 'showing the bundled snapshot' : `showing data from ${formatDateTime(lastSuccessAt)}`;
    const lead = lastError.kind === 'offline' ? 'Offline' : lastError.message;
    return { text: `${lead} — ${shown}`, tone: 'warn', detail: `next try ${nextTry(status, now, periodMinutes)}`, title };
  }
  const skipped = skippedItems(status);
  const detail = skipped > 0 ? `${skipped} unreadable ${skipped === 1 ? 'item' : 'items'} skipped` : undefined;
  if (lastSuccessAt !== undefined) return { text: `Synced ${formatAgo(lastSuccessAt, now)}`, tone: 'ok', detail, title };
  return { text: 'Not synced yet — showing the bundled snapshot', tone: 'idle', title };
}

/** When the next attempt after a failure comes: an early retry, or the periodic sync. */
function nextTry(status: SyncStatus, now: number, periodMinutes: number): string {
  const { nextAttemptAt } = status;
  if (nextAttemptAt === undefined) return `with the ${periodMinutes}-minute sync`;
  return nextAttemptAt > now ? `in ${formatWait(nextAttemptAt - now)}` : 'shortly';
}

/** Whether the latest attempt failed (an error no later success has cleared). */
function failedLast({ lastError, lastSuccessAt }: SyncStatus): boolean {
  return lastError !== undefined && (lastSuccessAt === undefined || lastError.at >= lastSuccessAt);
}

function skippedItems(status: SyncStatus): number {
  return Object.values(status.feeds).reduce((sum, feed) => sum + (feed?.skipped ?? 0), 0);
}

function describeInFull(status: SyncStatus, now: number, periodMinutes: number): string {
  const { lastSuccessAt, lastError } = status;
  const lines = [lastSuccessAt === undefined ? 'Never synced' : `Last synced: ${formatDateTime(lastSuccessAt)}`];
  if (lastError) lines.push(`Last error: ${lastError.message} (${formatDateTime(lastError.at)})`);
  if (failedLast(status)) lines.push(`Next try: ${nextTry(status, now, periodMinutes)}`);
  const skipped = skippedItems(status);
  if (skipped > 0) lines.push(`Skipped: ${skipped} ${skipped === 1 ? 'item' : 'items'} Hugging Face sent could not be read`);
  return lines.join('\n');
}
