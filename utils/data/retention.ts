import type { PaperboyDb } from './db';
import { deleteUnkeptPapers, getRetentionRun, papersUnlistedSince, putRetentionRun } from './retention-store';
import { KEEP_FOREVER, readSetting } from '../settings/settings';

export const DAY_MS = 24 * 60 * 60_000;
/** Papers per transaction: a sync or a click that comes in meanwhile waits for one batch at most. */
export const RETENTION_BATCH = 200;
/** Retention runs after a sync at most this often. */
export const RETENTION_INTERVAL_MS = DAY_MS;

/**
 * Deletes unread, unsaved papers no feed has listed for `days` days (none when `days` is
 * `KEEP_FOREVER`), a batch per transaction. Read and saved papers, papers in a current feed and
 * all user state stay. Returns how many papers went.
 */
export async function pruneOldPapers(db: PaperboyDb, days: number, now: number, batchSize = RETENTION_BATCH): Promise<number> {
  if (days === KEEP_FOREVER) return 0;
  const cutoff = now - days * DAY_MS;
  const ids = await papersUnlistedSince(db, cutoff);
  let deleted = 0;
  for (let i = 0; i < ids.length; i += batchSize) deleted += await deleteUnkeptPapers(db, ids.slice(i, i + batchSize), cutoff);
  return deleted;
}

/** Retention with the user's setting (`keepUnreadDays`). */
export async function pruneAsSet(db: PaperboyDb, now: number): Promise<number> {
  return pruneOldPapers(db, await readSetting('keepUnreadDays'), now);
}

/** Runs retention with the user's setting when the last run is a day old or more, and records it. */
export async function pruneIfDue(db: PaperboyDb, now: number): Promise<number | undefined> {
  const last = await getRetentionRun(db);
  if (last && now - last.at < RETENTION_INTERVAL_MS && now >= last.at) return undefined;
  const deleted = await pruneAsSet(db, now);
  await putRetentionRun(db, { at: now, deleted });
  return deleted;
}
