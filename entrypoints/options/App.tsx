import { useEffect, useState } from 'preact/hooks';
import { BackupPanel } from '../../components/BackupPanel';
import { StoragePanel } from '../../components/StoragePanel';
import { CrossDevicePanel } from '../../components/settings/CrossDevicePanel';
import { DisplayPanel } from '../../components/settings/DisplayPanel';
import { NewTabPanel } from '../../components/settings/NewTabPanel';
import { NotificationsPanel } from '../../components/settings/NotificationsPanel';
import { ResetPanel } from '../../components/settings/ResetPanel';
import { SyncPanel } from '../../components/settings/SyncPanel';
import { FLAVOUR, HF_ORIGIN } from '../../utils/platform/config';
import { cleanUpNow, downloadBackup, importBackupFile, storageReport, type StorageReport } from '../../utils/pages/options-actions';
import { getArxivStatus } from '../../utils/data/arxiv-store';
import { getCrossDeviceStatus } from '../../utils/data/cross-device-status';
import { getSyncStatus } from '../../utils/data/sync-status';
import { getRetentionRun } from '../../utils/data/retention-store';
import { describeSyncStatus } from '../../utils/pages/sync-status-text';
import { useLiveQuery } from '../../utils/pages/use-live-query';
import { usePageDeps } from '../../utils/pages/deps';
import { useNow } from '../../utils/pages/use-now';
import { localiseDocument, t } from '../../utils/lib/i18n';
import { countOf } from '../../utils/lib/format';
import { DiscoverOptions } from './Discover';
import { useOptions } from '../../utils/pages/use-options';

/** How many marks fit the browser's sync quota, as measured by tests/utils/sync/cross-device (129 a KB: some 12,400 flags). */
const SYNC_CAPACITY_FLAGS = 12_000;

localiseDocument('options.title');

/** Backup export and import: one at a time, each outcome in plain words. */
function useBackup() {
  const deps = usePageDeps();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string }>();
  async function run(task: () => Promise<{ ok: boolean; message: string }>) {
    setBusy(true);
    try {
      setResult(await task());
    } catch (error) {
      setResult({ ok: false, message: t('options.failed', [(error as Error).message]) });
    } finally {
      setBusy(false);
    }
  }
  return {
    busy,
    result,
    onExport: () => void run(async () => ({ ok: true, message: t('options.exported', [await downloadBackup(deps)]) })),
    onImport: (file: File) => void run(() => importBackupFile(deps, file)),
  };
}

export function App() {
  const deps = usePageDeps();
  const { db } = deps;
  const now = useNow();
  const { settings, change, notifications, reset } = useOptions();
  const status = useLiveQuery(() => getSyncStatus(db), [db], undefined);
  const arxiv = useLiveQuery(() => getArxivStatus(db), [db], undefined);
  const lastRun = useLiveQuery(() => getRetentionRun(db), [db], undefined);
  const devices = useLiveQuery(() => getCrossDeviceStatus(db), [db], undefined);
  const backup = useBackup();
  const [report, setReport] = useState<StorageReport>();
  const [cleanResult, setCleanResult] = useState<string>();
  useEffect(() => void storageReport().then(setReport), []);

  const panel = { settings, onChange: change };
  return (
    <main class="options-main">
      <h1 class="brand">{t('options.title')}</h1>
      <SyncPanel {...panel} origin={HF_ORIGIN} status={status && describeSyncStatus(status, false, now, settings.syncPeriodMinutes)} />
      <DisplayPanel {...panel} categories={arxiv?.categories ?? []} />
      <NewTabPanel {...panel} flavour={FLAVOUR} />
      <NotificationsPanel rules={settings.notifications} granted={notifications.granted} message={notifications.message} onToggle={notifications.toggle} onRules={notifications.change} />
      <CrossDevicePanel on={settings.crossDeviceSync} status={devices} now={now} capacity={SYNC_CAPACITY_FLAGS} onToggle={(on) => change('crossDeviceSync', on)} />
      <DiscoverOptions />
      <BackupPanel {...backup} />
      <StoragePanel
        report={report}
        keepDays={settings.keepUnreadDays}
        lastRun={lastRun}
        cleanResult={cleanResult}
        onKeepDays={(days) => change('keepUnreadDays', days)}
        onCleanUp={() => void cleanUpNow(deps).then((n) => setCleanResult(countOf(n, 'options.cleaned')))}
      />
      <ResetPanel result={reset.result} onReset={reset.run} />
    </main>
  );
}
