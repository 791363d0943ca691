import { useEffect, useRef, useState } from 'preact/hooks';
import { type SyncStatus } from '../utils/data/sync-status';
import { describeSyncStatus } from '../utils/pages/sync-status-text';
import { useFirstPaintDone } from '../utils/pages/use-first-paint';
import { t } from '../utils/lib/i18n';

interface Props {
  status: SyncStatus | undefined;
  syncing: boolean;
  error?: string;
  now: number;
  onSync: () => void;
  /** The sync period in force, for "next try with the 60-minute sync". */
  periodMinutes?: number;
}

/**
 * Last-sync status in plain words and the "Sync now" control. The visible line ticks with the
 * clock ("Synced 5 minutes ago"), so it is not a live region; a hidden one announces only what
 * changed: a sync starting, and how it ended when it failed.
 */
export function SyncStatusBar({ status, syncing, error, now, onSync, periodMinutes }: Props) {
  // The tooltip, with its exact dates, comes right after the first paint: the page's first frame
  // does not wait for the date formatter it needs.
  const painted = useFirstPaintDone(true);
  const described = status ? describeSyncStatus(status, syncing, now, periodMinutes, painted) : undefined;
  const [finished, setFinished] = useState('');
  const wasSyncing = useRef(false);
  useEffect(() => {
    if (syncing) wasSyncing.current = true;
    else if (wasSyncing.current) setFinished(t('sync.finished'));
  }, [syncing]);
  const announced = syncing ? t('sync.syncing') : (error ?? (described?.tone === 'warn' ? described.text : finished));
  return (
    <div class="status">
      <span class={`status-text tone-${error ? 'warn' : (described?.tone ?? 'idle')}`} data-role="sync-status" title={described?.title}>
        {error ?? described?.text ?? '\u00a0'}
        {described?.detail && <span class="status-detail"> · {described.detail}</span>}
      </span>
      <span class="sr-only" role="status">
        {announced}
      </span>
      <button type="button" class="btn" data-action="sync" onClick={onSync} disabled={syncing}>
        {t(syncing ? 'sync.syncing' : 'sync.now')}
      </button>
    </div>
  );
}
