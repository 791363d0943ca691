import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../data/sync-status';
import { HF_ORIGIN } from '../platform/config';
import { requestHostAccess } from '../platform/permissions';
import { requestSyncNow } from '../sync/messages';
import { t } from '../lib/i18n';

/**
 * The "Sync now" control: asks the background to sync, and says in plain words when that could
 * not happen. A newer outcome in the database (`status`) supersedes such a message.
 */
export function useSyncNow(status: SyncStatus | undefined) {
  const [syncing, setSyncing] = useState(false);
  const [syncError, setSyncError] = useState<string | undefined>(undefined);

  // The background finished or resumed the sync: its outcome is what the page shows now.
  useEffect(() => setSyncError(undefined), [status]);

  async function syncNow() {
    // First, inside the click: the user may have withdrawn the site permission since install.
    const access = requestHostAccess(HF_ORIGIN);
    setSyncing(true);
    setSyncError(undefined);
    try {
      const allowed = await access;
      if (!allowed.granted) return setSyncError(allowed.message);
      await requestSyncNow();
    } catch {
      // Mostly the background was stopped before it answered (Chrome does that): the sync it
      // began is marked unfinished in the database and runs again when it next wakes; any other
      // failure is retried by the next alarm.
      setSyncError(t('sync.interrupted'));
    } finally {
      setSyncing(false);
    }
  }

  return { syncing, syncError, syncNow };
}
