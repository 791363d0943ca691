import type { PaperboyDb } from './db';

const KEY = 'cross-device';

/** Why the last exchange with `storage.sync` did not finish. The words are the options page's. */
export type CrossDeviceProblem =
  /** The browser refused the data as too large (a total, per-item or item-count quota). */
  | 'quota'
  /** The browser refused a write as one too many this minute or hour: tried again later. */
  | 'rate'
  /** Another computer wrote a newer format: nothing is written here until Paperboy is updated. */
  | 'newer'
  | 'other';

/** The last exchange of flags with the browser's sync storage, as the options page shows it. */
export interface CrossDeviceStatus {
  /** When flags were last exchanged both ways. */
  lastSyncAt?: number;
  /** Flags in sync storage after it, and the bytes they take. */
  flags?: number;
  bytes?: number;
  /** Papers whose flags did not fit and stay on this computer only (the oldest changes). */
  dropped?: number;
  /** Papers here that took a change from another computer in it. */
  merged?: number;
  error?: { problem: CrossDeviceProblem; detail: string; at: number };
}

export async function getCrossDeviceStatus(db: PaperboyDb): Promise<CrossDeviceStatus> {
  return ((await db.meta.get(KEY))?.value as CrossDeviceStatus | undefined) ?? {};
}

export async function putCrossDeviceStatus(db: PaperboyDb, status: CrossDeviceStatus): Promise<void> {
  await db.meta.put({ key: KEY, value: status });
}
