import { formatDateTime } from '../utils/lib/format';
import type { StorageReport } from '../utils/pages/options-actions';
import { type RetentionRun } from '../utils/data/retention-store';
import { KEEP_FOREVER, KEEP_UNREAD_CHOICES } from '../utils/settings/settings';

interface Props {
  report?: StorageReport;
  keepDays?: number;
  lastRun?: RetentionRun;
  cleanResult?: string;
  onKeepDays: (days: number) => void;
  onCleanUp: () => void;
}

const PERSISTENCE_TEXT: Record<StorageReport['persistence'], string> = {
  persisted: 'The browser keeps Paperboy’s data even when disk space runs low.',
  granted: 'The browser keeps Paperboy’s data even when disk space runs low.',
  unlimited: 'Paperboy has unlimited storage: the browser does not clear its data when disk space runs low.',
  denied: 'The browser may clear Paperboy’s data when disk space runs low: export a backup now and then.',
  unsupported: 'This browser does not say whether it keeps Paperboy’s data when disk space runs low.',
};

/** Where the data lives, how long unread papers stay, and a manual clean-up. */
export function StoragePanel({ report, keepDays, lastRun, cleanResult, onKeepDays, onCleanUp }: Props) {
  return (
    <section class="panel" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      {report && (
        <p class="hint" data-role="persistence" data-persistence={report.persistence}>
          {PERSISTENCE_TEXT[report.persistence]}
          {report.usedBytes !== undefined && ` In use: ${(report.usedBytes / 1024 / 1024).toFixed(1)} MB.`}
        </p>
      )}
      <label class="field">
        Keep unread papers that left every list for{' '}
        <select
          data-setting="keepUnreadDays"
          value={keepDays === undefined ? '' : String(keepDays)}
          onChange={(event) => onKeepDays(Number(event.currentTarget.value))}
        >
          {KEEP_UNREAD_CHOICES.map((days) => (
            <option key={days} value={String(days)}>
              {days === KEEP_FOREVER ? 'ever' : `${days} days`}
            </option>
          ))}
        </select>
      </label>
      <p class="hint">Read and saved papers are kept for ever, whatever this says.</p>
      <div class="actions">
        <button type="button" class="btn" data-action="clean-up" onClick={onCleanUp}>
          Clean up now
        </button>
        <span class="hint" role="status" data-role="clean-result">
          {cleanResult ?? (lastRun ? `Last clean-up ${formatDateTime(lastRun.at)}: ${lastRun.deleted} removed.` : '')}
        </span>
      </div>
    </section>
  );
}
