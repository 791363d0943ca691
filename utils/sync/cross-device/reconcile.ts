import type { Browser } from 'wxt/browser';
import { getCrossDeviceStatus, putCrossDeviceStatus, type CrossDeviceProblem, type CrossDeviceStatus } from '../../data/cross-device-status';
import type { PaperboyDb } from '../../data/db';
import { getFlagMap, mergeFlagMap } from '../../data/user-state';
import { isBucketKey, pack } from './buckets';
import { decodeBucket, FORMAT } from './codec';
import { mergeMaps, mergePaper, type FlagMap } from './flags';

export interface ReconcileDeps {
  db: PaperboyDb;
  now: () => number;
  /** The browser's `storage.sync` (a test passes another area). */
  area: Browser.storage.StorageArea;
}

/** The browser's words for a refused write, as a kind of problem. */
export function classify(error: unknown): CrossDeviceProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (/MAX_WRITE_OPERATIONS/i.test(message)) return 'rate';
  if (/QUOTA_BYTES|MAX_ITEMS|quota/i.test(message)) return 'quota';
  return 'other';
}

/** Every bucket another computer (or this one) left in sync storage, decoded. */
function readRemote(stored: Record<string, unknown>): { remote: FlagMap; newer: boolean } {
  const remote: FlagMap = new Map();
  let newer = false;
  for (const key of Object.keys(stored).filter(isBucketKey)) {
    const decoded = decodeBucket(stored[key]);
    newer ||= decoded.newer;
    for (const [id, flags] of decoded.flags) remote.set(id, mergePaper(remote.get(id), flags));
  }
  return { remote, newer };
}

/**
 * Exchanges flags with the browser's sync storage, both ways: what another computer changed
 * later is taken in here (through the one writer of user state), and this computer's flags,
 * merged, are written back in one `set()` of only the items whose text changed. Idempotent: run
 * again with nothing new, it writes nothing. Records and returns what happened.
 */
export async function reconcile({ db, now, area }: ReconcileDeps): Promise<CrossDeviceStatus> {
  const [stored, before] = await Promise.all([area.get(null), getCrossDeviceStatus(db)]);
  const { remote, newer } = readRemote(stored);
  if (newer) return record(db, { ...before, error: { problem: 'newer', detail: '', at: now() } });
  const merged = await mergeFlagMap(db, remote);
  const packed = pack(mergeMaps(await getFlagMap(db), remote));
  const changed = Object.entries(packed.items).filter(([key, text]) => stored[key] !== text && !(text === FORMAT && stored[key] === undefined));
  const status: CrossDeviceStatus = { lastSyncAt: now(), flags: packed.flags, bytes: packed.bytes, dropped: packed.dropped, merged };
  try {
    if (changed.length > 0) await area.set(Object.fromEntries(changed));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return record(db, { ...before, merged, error: { problem: classify(error), detail, at: now() } });
  }
  return record(db, status);
}

async function record(db: PaperboyDb, status: CrossDeviceStatus): Promise<CrossDeviceStatus> {
  await putCrossDeviceStatus(db, status);
  return status;
}
