import type { CrossDeviceProblem, CrossDeviceStatus } from '../../utils/data/cross-device-status';
import { countOf, formatAgo, formatCount, formatNumber } from '../../utils/lib/format';
import { t, type MessageKey } from '../../utils/lib/i18n';
import { SettingSwitch } from './SettingSwitch';

interface Props {
  on: boolean;
  status: CrossDeviceStatus | undefined;
  now: number;
  /** Roughly how many flags the browser's quota holds, for the explanation. */
  capacity: number;
  onToggle: (on: boolean) => void;
}

const PROBLEMS: Record<CrossDeviceProblem, MessageKey> = {
  quota: 'options.devices.quota',
  rate: 'options.devices.rate',
  newer: 'options.devices.newer',
  other: 'options.devices.other',
};

function statusLine({ lastSyncAt, flags, bytes }: CrossDeviceStatus, now: number): string | undefined {
  if (lastSyncAt === undefined) return undefined;
  const marks = flags ?? 0;
  return t('options.devices.status', marks, [formatAgo(lastSyncAt, now), formatCount(marks), formatNumber((bytes ?? 0) / 1024, 1)]);
}

/** Read, saved and hidden marks on every computer, through the browser's own sync storage. */
export function CrossDevicePanel({ on, status, now, capacity, onToggle }: Props) {
  const line = status && on ? statusLine(status, now) : undefined;
  const error = on ? status?.error : undefined;
  return (
    <section class="panel" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('options.devices.title')}</h2>
      <SettingSwitch setting="cross-device-sync" checked={on} onToggle={onToggle}>
        {t('options.devices.switch')}
      </SettingSwitch>
      <p class="hint">{t('options.devices.hint', [formatCount(capacity)])}</p>
      {line && (
        <p class="hint" data-role="cross-device-status">
          {line}
        </p>
      )}
      {on && status?.dropped ? (
        <p class="result tone-warn" data-role="cross-device-full">
          {countOf(status.dropped, 'options.devices.full')}
        </p>
      ) : null}
      {error && (
        <p class="result tone-warn" role="alert" data-role="cross-device-error" data-problem={error.problem} title={error.detail}>
          {t(PROBLEMS[error.problem])}
        </p>
      )}
    </section>
  );
}
