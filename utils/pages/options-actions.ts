import { browser } from 'wxt/browser';
import { backupFileName, exportBackup, importBackup, type ImportResult } from '../data/backup';
import { pruneAsSet } from '../data/retention';
import { downloadText } from '../platform/download';
import type { PageDeps } from './deps';
import { requestPersistence, type Persistence } from './boot/page-lifecycle';
import { t } from '../lib/i18n';

/** Saves a backup of all user state as `paperboy-backup-YYYY-MM-DD.json`; returns the file name. */
export async function downloadBackup({ db, now }: PageDeps): Promise<string> {
  const at = now();
  const name = backupFileName(at);
  downloadText(name, JSON.stringify(await exportBackup(db, at), null, 1), 'application/json');
  return name;
}

/** Imports a backup file the user picked (its flags change through the one user-state writer). */
export async function importBackupFile({ db }: PageDeps, file: File): Promise<ImportResult> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, message: t('options.readFailed', [file.name, (error as Error).message]) };
  }
  return importBackup(db, text);
}

/** Runs retention now with the user's setting; returns how many papers went. */
export function cleanUpNow({ db, now }: PageDeps): Promise<number> {
  return pruneAsSet(db, now());
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
