import { useEffect, useState } from 'preact/hooks';
import { BackupPanel } from '../../components/BackupPanel';
import { StoragePanel } from '../../components/StoragePanel';
import { HF_ORIGIN } from '../../utils/platform/config';
import { SYNC_PERIOD_MINUTES } from '../../utils/sync/schedule';
import { db } from '../../utils/data/db';
import { cleanUpNow, downloadBackup, importBackupFile, storageReport, type StorageReport } from '../../utils/pages/options-actions';
import { getSyncStatus } from '../../utils/data/papers';
import { getRetentionRun } from '../../utils/data/retention-store';
import { keepUnreadDays } from '../../utils/settings/settings';
import { describeSyncStatus } from '../../utils/pages/sync-status-text';
import { useLiveQuery } from '../../utils/pages/use-live-query';
import { useNow } from '../../utils/pages/use-now';

export function App() {
  const now = useNow();
  const status = useLiveQuery(() => getSyncStatus(db), [], undefined);
  const lastRun = useLiveQuery(() => getRetentionRun(db), [], undefined);
  const [busy, setBusy] = useState(false);
  const [backupResult, setBackupResult] = useState<{ ok: boolean; message: string }>();
  const [report, setReport] = useState<StorageReport>();
  const [keepDays, setKeepDays] = useState<number>();
  const [cleanResult, setCleanResult] = useState<string>();

  useEffect(() => {
    void storageReport().then(setReport);
    void keepUnreadDays.getValue().then(setKeepDays);
    return keepUnreadDays.watch(setKeepDays);
  }, []);

  async function run(task: () => Promise<{ ok: boolean; message: string }>) {
    setBusy(true);
    try {
      setBackupResult(await task());
    } catch (error) {
      setBackupResult({ ok: false, message: `That did not work, and nothing was changed: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  const sync = status && describeSyncStatus(status, false, now);
  return (
    <main class="options-main">
      <h1 class="brand">Paperboy options</h1>
      <p>
        Paperboy syncs the Hugging Face trending and daily paper lists from <code>{HF_ORIGIN}</code> every {SYNC_PERIOD_MINUTES} minutes.
      </p>
      {sync && (
        <p class="hint" data-role="sync-status" title={sync.title}>
          {sync.text}
          {sync.detail && ` · ${sync.detail}`}
        </p>
      )}
      <BackupPanel
        busy={busy}
        result={backupResult}
        onExport={() => run(async () => ({ ok: true, message: `Saved ${await downloadBackup()} to your downloads.` }))}
        onImport={(file) => run(() => importBackupFile(file))}
      />
      <StoragePanel
        report={report}
        keepDays={keepDays}
        lastRun={lastRun}
        cleanResult={cleanResult}
        onKeepDays={(days) => void keepUnreadDays.setValue(days)}
        onCleanUp={() => void cleanUpNow().then((n) => setCleanResult(`Removed ${n} old unread ${n === 1 ? 'paper' : 'papers'}.`))}
      />
    </main>
  );
}
