import { type SyncStatus } from '../utils/data/sync-status';
import { describeSyncStatus } from '../utils/pages/sync-status-text';

interface Props {
  status: SyncStatus | undefined;
  syncing: boolean;
  error?: string;
  now: number;
  onSync: () => void;
  /** The sync period in force, for "next try with the 60-minute sync". */
  periodMinutes?: number;
}

/** Last-sync status in plain words and the "Sync now" control. */
export function SyncStatusBar({ status, syncing, error, now, onSync, periodMinutes }: Props) {
  const described = status ? describeSyncStatus(status, syncing, now, periodMinutes) : undefined;
  return (
    <div class="status" role="status" aria-live="polite">
      <span class={`status-text tone-${error ? 'warn' : (described?.tone ?? 'idle')}`} data-role="sync-status" title={described?.title}>
        {error ?? described?.text ?? '\u00a0'}
        {described?.detail && <span class="status-detail"> · {described.detail}</span>}
      </span>
      <button type="button" class="btn" data-action="sync" onClick={onSync} disabled={syncing}>
        {syncing ? 'Syncing…' : 'Sync now'}
      </button>
    </div>
  );
}
