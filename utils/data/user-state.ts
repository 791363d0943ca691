import { refreshBadge } from '../platform/badge';
import { patchBootCopies, type CopyPatch } from '../pages/boot/boot-copy-patch';
import { leaveBootPatch } from './boot-patches';
import type { PaperboyDb, UserState } from './db';

// The one writer of user state (read, saved, hidden). Every change goes through `change()`,
// which runs what must follow any change: the pages' boot copies are patched to show it (no page
// boots showing a flag the user has since changed, and none boots without its copy) and the
// badge is recounted. A new action cannot forget either; nothing else writes the userState table.

/** The user's flags on a paper: each a time, never a boolean. */
export const USER_FLAGS = ['readAt', 'savedAt', 'dismissedAt'] as const;
export type UserFlag = (typeof USER_FLAGS)[number];

async function change<T>(db: PaperboyDb, ids: readonly string[], write: () => Promise<T>): Promise<T> {
  const before = await db.userState.bulkGet([...ids]);
  const result = await write();
  const after = await db.userState.bulkGet([...ids]);
  const saved = (states: (UserState | undefined)[]) => states.filter((s) => s?.savedAt !== undefined).length;
  const patch: CopyPatch = {
    papers: ids.map((id, i) => ({ id, read: after[i]?.readAt !== undefined, saved: after[i]?.savedAt !== undefined, hidden: after[i]?.dismissedAt !== undefined })),
    savedDelta: saved(after) - saved(before),
  };
  // The background has no localStorage: the next page patches the copies before it shows one.
  if (!patchBootCopies(patch)) await leaveBootPatch(db, patch);
  await refreshBadge(db);
  return result;
}

/** Sets a flag on papers; one already set keeps its earlier time. */
function setFlag(db: PaperboyDb, ids: readonly string[], flag: UserFlag, now: number): Promise<void> {
  return db.transaction('rw', db.userState, async () => {
    const states = await db.userState.bulkGet([...ids]);
    await db.userState.bulkPut(ids.map((id, i): UserState => ({ ...states[i], id, [flag]: states[i]?.[flag] ?? now })));
  });
}

/** Clears a flag on papers; their other flags stay. */
function clearFlag(db: PaperboyDb, ids: readonly string[], flag: UserFlag): Promise<void> {
  return db.transaction('rw', db.userState, async () => {
    const states = await db.userState.bulkGet([...ids]);
    const rows = states.filter((s): s is UserState => s?.[flag] !== undefined).map(({ [flag]: _gone, ...rest }) => rest);
    await db.userState.bulkPut(rows);
  });
}

/** Flips a flag on one paper; returns whether it is set now. */
function toggleFlag(db: PaperboyDb, id: string, flag: UserFlag, now: number): Promise<boolean> {
  return db.transaction('rw', db.userState, async () => {
    const set = (await db.userState.get(id))?.[flag] !== undefined;
    await (set ? clearFlag(db, [id], flag) : setFlag(db, [id], flag, now));
    return !set;
  });
}

/** Marks papers read (an earlier read time stays). */
export function markRead(db: PaperboyDb, ids: readonly string[], now: number): Promise<void> {
  return change(db, ids, () => setFlag(db, ids, 'readAt', now));
}

/** Marks papers unread; their other flags stay. */
export function markUnread(db: PaperboyDb, ids: readonly string[]): Promise<void> {
  return change(db, ids, () => clearFlag(db, ids, 'readAt'));
}

/** Flips a paper's read flag; returns whether it is read now. */
export function toggleRead(db: PaperboyDb, id: string, now: number): Promise<boolean> {
  return change(db, [id], () => toggleFlag(db, id, 'readAt', now));
}

/** Saves or unsaves a paper; returns whether it is saved now. */
export function toggleSaved(db: PaperboyDb, id: string, now: number): Promise<boolean> {
  return change(db, [id], () => toggleFlag(db, id, 'savedAt', now));
}

/** Hides papers everywhere ("not interested"). */
export function dismiss(db: PaperboyDb, ids: readonly string[], now: number): Promise<void> {
  return change(db, ids, () => setFlag(db, ids, 'dismissedAt', now));
}

/** Brings hidden papers back. */
export function undismiss(db: PaperboyDb, ids: readonly string[]): Promise<void> {
  return change(db, ids, () => clearFlag(db, ids, 'dismissedAt'));
}

/** Every user state row, for a backup. */
export function getAllUserState(db: PaperboyDb): Promise<UserState[]> {
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

/**
 * Merges user state from a backup in one transaction: each flag keeps its earliest time, so a
 * flag set on either side survives, and merging the same rows again changes nothing.
 */
export function importUserState(db: PaperboyDb, rows: readonly UserState[]): Promise<MergeCounts> {
  const incoming = new Map<string, UserState>();
  for (const row of rows) {
    if (USER_FLAGS.some((flag) => row[flag] !== undefined)) incoming.set(row.id, earliestFlags(incoming.get(row.id), row));
  }
  const ids = [...incoming.keys()];
  return change(db, ids, () =>
    db.transaction('rw', db.userState, db.papers, async () => {
      const [existing, papers] = await Promise.all([db.userState.bulkGet(ids), db.papers.bulkGet(ids)]);
      const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0, notYetSynced: 0 };
      const changed: UserState[] = [];
      ids.forEach((id, i) => {
        const old = existing[i];
        const merged = earliestFlags(old, incoming.get(id)!);
        if (!papers[i]) counts.notYetSynced++;
        if (!old) counts.added++;
        else if (USER_FLAGS.some((flag) => old[flag] !== merged[flag])) counts.updated++;
        else return void counts.unchanged++;
        changed.push(merged);
      });
      await db.userState.bulkPut(changed);
      return counts;
    }),
  );
}

function earliestFlags(old: UserState | undefined, row: UserState): UserState {
  const merged: UserState = { ...old, id: row.id };
  for (const flag of USER_FLAGS) {
    const times = [old?.[flag], row[flag]].filter((t): t is number => t !== undefined);
    if (times.length > 0) merged[flag] = Math.min(...times);
  }
  return merged;
}
