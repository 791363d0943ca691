import { countOf, formatCount, formatDateTime, formatNumber } from '../utils/lib/format';
import type { StorageReport } from '../utils/pages/options-actions';
import { type RetentionRun } from '../utils/data/retention-store';
import { KEEP_FOREVER, KEEP_UNREAD_CHOICES } from '../utils/settings/settings';
import { t, type MessageKey } from '../utils/lib/i18n';

interface Props {
  report?: StorageReport;
  keepDays?: number;
  lastRun?: RetentionRun;
  cleanResult?: string;
  onKeepDays: (days: number) => void;
  onCleanUp: () => void;
}

const PERSISTENCE_TEXT: Record<StorageReport['persistence'], MessageKey> = {
  persisted: 'storage.persisted',
  granted: 'storage.persisted',
  unlimited: 'storage.unlimited',
  denied: 'storage.denied',
  unsupported: 'storage.unsupported',
};

/** Where the data lives, how long unread papers stay, and a manual clean-up. */
export function StoragePanel({ report, keepDays, lastRun, cleanResult, onKeepDays, onCleanUp }: Props) {
  return (
    <section class="panel" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('storage.title')}</h2>
      {report && (
        <p class="hint" data-role="persistence" data-persistence={report.persistence}>
          {t(PERSISTENCE_TEXT[report.persistence])}
          {report.usedBytes !== undefined && ` ${t('storage.inUse', [formatNumber(report.usedBytes / 1024 / 1024, 1)])}`}
        </p>
      )}
      <label class="field">
        {t('storage.keepFor')}{' '}
        <select
          data-setting="keepUnreadDays"
          value={keepDays === undefined ? '' : String(keepDays)}
          onChange={(event) => onKeepDays(Number(event.currentTarget.value))}
        >
          {KEEP_UNREAD_CHOICES.map((days) => (
            <option key={days} value={String(days)}>
              {days === KEEP_FOREVER ? t('storage.ever') : countOf(days, 'storage.days')}
            </option>
          ))}
        </select>
      </label>
      <p class="hint">{t('storage.keptNote')}</p>
      <div class="actions">
        <button type="button" class="btn" data-action="clean-up" onClick={onCleanUp}>
          {t('storage.cleanUp')}
        </button>
        <span class="hint" role="status" data-role="clean-result">
          {cleanResult ?? (lastRun ? t('storage.lastCleanUp', [formatDateTime(lastRun.at), formatCount(lastRun.deleted)]) : '')}
        </span>
      </div>
    </section>
  );
}
