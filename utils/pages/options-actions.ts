import { browser } from 'wxt/browser';
import { refreshBadge } from '../platform/badge';
import { backupFileName, exportBackup, importBackup, type ImportResult } from '../data/backup';
import { db } from '../data/db';
import { requestPersistence, type Persistence } from './page-lifecycle';
import { pruneAsSet } from '../data/retention';

/** Saves a backup of all user state as `paperboy-backup-YYYY-MM-DD.json`; returns the file name. */
export async function downloadBackup(now = Date.now()): Promise<string> {
  const backup = await exportBackup(db, now);
  const url = URL.createObjectURL(new Blob([JSON.stringify(backup, null, 1)], { type: 'application/json' }));
  const name = backupFileName(now);
  const anchor = Object.assign(document.createElement('a'), { href: url, download: name });
  anchor.click();
  // The download has its own copy once the click is handled; the URL can go a turn later.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return name;
}

/** Imports a backup file the user picked, then brings the badge up to date. */
export async function importBackupFile(file: File): Promise<ImportResult> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, message: `Could not read ${file.name}: ${(error as Error).message}` };
  }
  const result = await importBackup(db, text);
  if (result.ok) await refreshBadge(db);
  return result;
}

/** Runs retention now with the user's setting; returns how many papers went. */
export function cleanUpNow(now = Date.now()): Promise<number> {
  return pruneAsSet(db, now);
}

export interface StorageReport {
  /** `unlimited`: persist() said no, but the `unlimitedStorage` permission keeps the data anyway. */
  persistence: Persistence | 'unlimited';
  usedBytes?: number;
}

/** Whether the browser keeps Paperboy's data under storage pressure, and how much it uses. */
export async function storageReport(): Promise<StorageReport> {
  const asked = await requestPersistence();
  // Chrome may say no to persist() for an extension, but "unlimitedStorage" exempts it from
  // eviction anyway: https://developer.chrome.com/docs/extensions/develop/concepts/storage-and-cookies
  const unlimited = browser.runtime.getManifest().permissions?.includes('unlimitedStorage') ?? false;
  const persistence = asked === 'persisted' || asked === 'granted' || !unlimited ? asked : 'unlimited';
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return { persistence, usedBytes: estimate?.usage };
}
