import type { CrossDeviceStatus } from '../../utils/data/cross-device-status';
import { formatAgo } from '../../utils/lib/format';
import { SettingSwitch } from './SettingSwitch';

interface Props {
  on: boolean;
  status: CrossDeviceStatus | undefined;
  now: number;
  /** Roughly how many flags the browser's quota holds, for the explanation. */
  capacity: number;
  onToggle: (on: boolean) => void;
}

const PROBLEMS = {
  quota: 'The browser refused to store more: its sync storage for Paperboy is full. Your marks are safe on this computer.',
  rate: 'The browser limits how often sync storage may be written; Paperboy tries again in a minute.',
  newer: 'Another computer uses a newer Paperboy: update Paperboy here to sync your marks again.',
  other: 'Your marks could not be synced just now; Paperboy tries again with the next change.',
} as const;

function statusLine({ lastSyncAt, flags, bytes }: CrossDeviceStatus, now: number): string | undefined {
  if (lastSyncAt === undefined) return undefined;
  const kb = ((bytes ?? 0) / 1024).toFixed(1);
  return `Synced ${formatAgo(lastSyncAt, now)}: ${(flags ?? 0).toLocaleString()} marks in ${kb} KB of the browser’s 100 KB.`;
}

/** Read, saved and hidden marks on every computer, through the browser's own sync storage. */
export function CrossDevicePanel({ on, status, now, capacity, onToggle }: Props) {
  const line = status && on ? statusLine(status, now) : undefined;
  const error = on ? status?.error : undefined;
  return (
    <section class="panel" aria-labelledby="devices-title">
      <h2 id="devices-title">Your marks on every computer</h2>
      <SettingSwitch setting="cross-device-sync" checked={on} onToggle={onToggle}>
        Keep read, saved and hidden papers the same wherever this browser syncs your data
      </SettingSwitch>
      <p class="hint">
        Uses the browser’s own sync (your Google account in Chrome, your Mozilla account in Firefox): no server of Paperboy’s. Turn it on
        on each computer; marks from both sides are merged, and for each mark the latest change wins. The browser gives Paperboy about
        100 KB there, room for some {capacity.toLocaleString()} marks; past that the oldest stay on their own computer.
      </p>
      {line && (
        <p class="hint" data-role="cross-device-status">
          {line}
        </p>
      )}
      {on && status?.dropped ? (
        <p class="result tone-warn" data-role="cross-device-full">
          Sync storage is full: the {status.dropped.toLocaleString()} papers with the oldest changes stay marked on this computer only.
        </p>
      ) : null}
      {error && (
        <p class="result tone-warn" role="alert" data-role="cross-device-error" data-problem={error.problem} title={error.detail}>
          {PROBLEMS[error.problem]}
        </p>
      )}
    </section>
  );
}
