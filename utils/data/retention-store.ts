import type { PaperboyDb, UserState } from './db';

// The data module's rarely used half: the queries and writes of retention and backup. They live
// apart from utils/papers.ts only so that the new tab and the popup, which import that module,
// do not load them before their first paint (the options page and the worker do).

/** When retention last ran and what it removed. */
export interface RetentionRun {
  at: number;
  deleted: number;
}

const RETENTION_RUN_KEY = 'retention-run';

/** Reads the last retention run (undefined before the first). */
export async function getRetentionRun(db: PaperboyDb): Promise<RetentionRun | undefined> {
  return (await db.meta.get(RETENTION_RUN_KEY))?.value as RetentionRun | undefined;
}

/** Records a retention run. */
export async function putRetentionRun(db: PaperboyDb, run: RetentionRun): Promise<void> {
  await db.meta.put({ key: RETENTION_RUN_KEY, value: run });
}

/** Ids of papers no successful fetch has listed since `cutoff`: the candidates for retention. */
export async function papersUnlistedSince(db: PaperboyDb, cutoff: number): Promise<string[]> {
  return db.papers.where('lastSeenInFeedAt').below(cutoff).primaryKeys();
}

/**
 * Deletes those of `ids` retention may drop, re-checking each inside one transaction (a sync or
 * a click may have come in since they were listed): unlisted since `cutoff`, in no feed, neither
 * read nor saved. User state is never deleted, so flags come back if the paper does.
 */
export async function deleteUnkeptPapers(db: PaperboyDb, ids: string[], cutoff: number): Promise<number> {
  return db.transaction('rw', db.papers, db.feeds, db.userState, async () => {
    const [papers, states, listed] = await Promise.all([
      db.papers.bulkGet(ids),
      db.userState.bulkGet(ids),
      db.feeds.where('id').anyOf(ids).toArray(),
    ]);
    const inFeed = new Set(listed.map((entry) => entry.id));
    const doomed = ids.filter((id, i) => {
      const paper = papers[i];
      const state = states[i];
      return paper !== undefined && (paper.lastSeenInFeedAt ?? paper.firstSeenAt) < cutoff && !inFeed.has(id) && !state?.readAt && !state?.savedAt;
    });
    await db.papers.bulkDelete(doomed);
    return doomed.length;
  });
}

/** Every user state row, for a backup. */
export async function getAllUserState(db: PaperboyDb): Promise<UserState[]> {
  return db.userState.toArray();
}

export interface MergeCounts {
  /** Rows this profile did not have. */
  added: number;
  /** Rows that gained a flag or an earlier time. */
  updated: number;
  unchanged: number;
  /** Papers with state that this profile has not stored yet: their flags apply once they sync. */
  notYetSynced: number;
}

/** The user's flags on a paper: each a time, never a boolean. */
export const USER_FLAGS = ['readAt', 'savedAt', 'dismissedAt'] as const;

/**
 * Merges user state from a backup in one transaction: each flag keeps its earliest time, so a
 * flag set on either side survives, and merging the same rows again changes nothing.
 */
export async function mergeUserState(db: PaperboyDb, rows: UserState[]): Promise<MergeCounts> {
  const incoming = new Map<string, UserState>();
  for (const row of rows) {
    if (USER_FLAGS.some((flag) => row[flag] !== undefined)) incoming.set(row.id, mergeFlags(incoming.get(row.id), row));
  }
  const ids = [...incoming.keys()];
  return db.transaction('rw', db.userState, db.papers, async () => {
    const [existing, papers] = await Promise.all([db.userState.bulkGet(ids), db.papers.bulkGet(ids)]);
    const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0, notYetSynced: 0 };
    const changed: UserState[] = [];
    ids.forEach((id, i) => {
      const old = existing[i];
      const merged = mergeFlags(old, incoming.get(id)!);
      if (!papers[i]) counts.notYetSynced++;
      if (!old) counts.added++;
      else if (USER_FLAGS.some((flag) => old[flag] !== merged[flag])) counts.updated++;
      else return void counts.unchanged++;
      changed.push(merged);
    });
    await db.userState.bulkPut(changed);
    return counts;
  });
}

function mergeFlags(old: UserState | undefined, row: UserState): UserState {
  const merged: UserState = { ...old, id: row.id };
  for (const flag of USER_FLAGS) {
    const times = [old?.[flag], row[flag]].filter((t): t is number => t !== undefined);
    if (times.length > 0) merged[flag] = Math.min(...times);
  }
  return merged;
}
