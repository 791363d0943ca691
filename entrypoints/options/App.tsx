import { useEffect, useState } from 'preact/hooks';
import { BackupPanel } from '../../components/BackupPanel';
import { StoragePanel } from '../../components/StoragePanel';
import { HF_ORIGIN } from '../../utils/platform/config';
import { SYNC_PERIOD_MINUTES } from '../../utils/sync/schedule';
import { cleanUpNow, downloadBackup, importBackupFile, storageReport, type StorageReport } from '../../utils/pages/options-actions';
import { getSyncStatus } from '../../utils/data/sync-status';
import { getRetentionRun } from '../../utils/data/retention-store';
import { keepUnreadDays } from '../../utils/settings/settings';
import { describeSyncStatus } from '../../utils/pages/sync-status-text';
import { useLiveQuery } from '../../utils/pages/use-live-query';
import { usePageDeps } from '../../utils/pages/deps';
import { useNow } from '../../utils/pages/use-now';
import { DiscoverOptions } from './Discover';

export function App() {
  const deps = usePageDeps();
  const { db } = deps;
  const now = useNow();
  const status = useLiveQuery(() => getSyncStatus(db), [db], undefined);
  const lastRun = useLiveQuery(() => getRetentionRun(db), [db], undefined);
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
        onExport={() => run(async () => ({ ok: true, message: `Saved ${await downloadBackup(deps)} to your downloads.` }))}
        onImport={(file) => run(() => importBackupFile(deps, file))}
      />
      <DiscoverOptions />
      <StoragePanel
        report={report}
        keepDays={keepDays}
        lastRun={lastRun}
        cleanResult={cleanResult}
        onKeepDays={(days) => void keepUnreadDays.setValue(days)}
        onCleanUp={() => void cleanUpNow(deps).then((n) => setCleanResult(`Removed ${n} old unread ${n === 1 ? 'paper' : 'papers'}.`))}
      />
    </main>
  );
}
