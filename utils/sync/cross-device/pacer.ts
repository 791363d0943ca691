import type { Browser } from 'wxt/browser';
import type { PaperboyDb } from '../../data/db';
import { createQueue } from '../../lib/serial';
import { changedSettings, readSetting } from '../../settings/settings';
import { isBucketKey } from './buckets';
import { reconcile } from './reconcile';

/** A burst of changes (j, m, m, m…) becomes one write this long after its last change. */
export const SETTLE_MS = 2_000;
/**
 * At least this long between writes: at most 12 a minute and 720 an hour, well inside the
 * browser's 120 and 1,800. Every write is one `set()` call, however many items it changes.
 */
export const MIN_GAP_MS = 5_000;
/** After the browser refused a write as one too many, the next try waits this long. */
export const RATE_RETRY_MS = 60_000;

export interface PacerDeps {
  db: PaperboyDb;
  now: () => number;
  area: () => Browser.storage.StorageArea;
}

/**
 * Cross-device sync in the background: paces the exchanges with `storage.sync` (local changes
 * announced by pages, changes arriving from other computers, the switch turned on) so that
 * writes come in batches within the browser's limits, one exchange at a time.
 */
export function createCrossDevice({ db, now, area }: PacerDeps) {
  const serial = createQueue();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = -Infinity;

  async function exchange(): Promise<void> {
    if (!(await readSetting('crossDeviceSync'))) return;
    lastRun = now();
    const status = await reconcile({ db, now, area: area() });
    if (status.error?.problem === 'rate') schedule(RATE_RETRY_MS);
  }

  /** Runs an exchange after `delay`, and no sooner than `MIN_GAP_MS` after the last; a new call replaces a pending one. */
  function schedule(delay = SETTLE_MS): void {
    clearTimeout(timer);
    const wait = Math.max(delay, lastRun + MIN_GAP_MS - now());
    timer = setTimeout(() => void serial(exchange).catch((error) => console.error('Paperboy: cross-device sync failed', error)), wait);
  }

  return {
    /** A page changed flags here. */
    onLocalChange: () => schedule(),
    /** The background started: catch up with what other computers did meanwhile. */
    onWake: () => schedule(0),
    onStorageChanged(changes: Record<string, Browser.storage.StorageChange>, areaName: string): void {
      if (areaName === 'sync' && Object.keys(changes).some(isBucketKey)) schedule(0);
      if (changedSettings(changes, areaName).includes('crossDeviceSync')) {
        if (changes.crossDeviceSync?.newValue === true) schedule(0);
        else clearTimeout(timer);
      }
    },
  };
}
