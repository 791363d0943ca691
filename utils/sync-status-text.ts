import { formatAgo, formatDateTime, formatWait } from './format';
import type { SyncStatus } from './papers';

export interface StatusText {
  /** The headline: "Synced 5 minutes ago", "Offline — showing data from …". */
  text: string;
  tone: 'ok' | 'warn' | 'idle';
  /** When the next attempt is due, if a wait is on: "next try in 4 minutes". */
  detail?: string;
}

/** Plain words for what the last syncs did. Pure, so pages and tests agree. */
export function describeSyncStatus(status: SyncStatus, syncing: boolean, now: number): StatusText {
  if (syncing) return { text: 'Syncing…', tone: 'idle' };
  const { lastSuccessAt, lastError, nextAttemptAt } = status;
  const failedLast = lastError !== undefined && (lastSuccessAt === undefined || lastError.at >= lastSuccessAt);
  const detail = nextAttemptAt !== undefined && nextAttemptAt > now ? `next try in ${formatWait(nextAttemptAt - now)}` : undefined;
  if (failedLast) {
    const shown = lastSuccessAt === undefined ? 'showing the bundled snapshot' : `showing data from ${formatDateTime(lastSuccessAt)}`;
    const lead = lastError.kind === 'offline' ? 'Offline' : lastError.message;
    return { text: `${lead} — ${shown}`, tone: 'warn', detail };
  }
  if (lastSuccessAt !== undefined) return { text: `Synced ${formatAgo(lastSuccessAt, now)}`, tone: 'ok', detail };
  return { text: 'Not synced yet — showing the bundled snapshot', tone: 'idle' };
}
