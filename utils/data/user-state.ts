import { refreshBadge } from '../platform/badge';
import { forgetBootCopies } from '../pages/boot/boot-copy-store';
import { announceFlagChange } from '../sync/cross-device/announce';
import { applyToRow, rowFlags, type FlagMap } from '../sync/cross-device/flags';
import type { PaperboyDb, UserState } from './db';

// The one writer of user state (read, saved, hidden). Every change goes through `change()`,
// which runs what must follow any change: the pages' boot copies are forgotten (no page boots
// showing a flag the user has since changed), the badge is recounted, and, with cross-device
// sync on, the background is told to pass the change on. A new action cannot forget any of it;
// nothing else writes the userState table.

/** The user's flags on a paper: each a time, never a boolean. */
export const USER_FLAGS = ['readAt', 'savedAt', 'dismissedAt'] as const;
export type UserFlag = (typeof USER_FLAGS)[number];

async function change<T>(db: PaperboyDb, write: () => Promise<T>): Promise<T> {
  const result = await write();
  forgetBootCopies();
  await refreshBadge(db);
  await announceFlagChange();
  return result;
}

/** What a change did to one flag: each paper whose flag changed, with its value before. */
export interface FlagChange {
  flag: UserFlag;
  before: { id: string; at?: number }[];
}

/** A flip of one paper's flag: whether it is set now, and the change (for undo). */
export interface Toggled {
  on: boolean;
  change: FlagChange;
}

/** A row with `flag` at `value`, or cleared at `now` (cross-device sync needs when: a later clear wins over an older set). */
function withValue(state: UserState | undefined, id: string, flag: UserFlag, value: number | undefined, now: number): UserState {
  const { [flag]: _old, ...rest } = state ?? { id };
  const { [flag]: _wasCleared, ...cleared } = rest.cleared ?? {};
  const row: UserState = value === undefined ? { ...rest, id, cleared: { ...cleared, [flag]: now } } : { ...rest, id, [flag]: value, cleared };
  if (row.cleared && Object.keys(row.cleared).length === 0) delete row.cleared;
  return row;
}

/**
 * Writes one flag on papers in one transaction: `next` gives each paper's new value from its
 * current one (undefined clears it, noting `now`; its other flags stay). Papers whose value is
 * unchanged are not written; the change lists the others with their values before.
 */
function writeFlag(db: PaperboyDb, ids: readonly string[], flag: UserFlag, next: (old: number | undefined, id: string) => number | undefined, now: number): Promise<FlagChange> {
  return db.transaction('rw', db.userState, async () => {
    const states = await db.userState.bulkGet([...ids]);
    const rows: UserState[] = [];
    const before: FlagChange['before'] = [];
    ids.forEach((id, i) => {
      const state = states[i];
      const old = state?.[flag];
      const value = next(old, id);
      if (value === old) return;
      rows.push(withValue(state, id, flag, value, now));
      before.push(old === undefined ? { id } : { id, at: old });
    });
    await db.userState.bulkPut(rows);
    return { flag, before };
  });
}

/** Flips a flag on one paper. */
async function toggleFlag(db: PaperboyDb, id: string, flag: UserFlag, now: number): Promise<Toggled> {
  const change = await writeFlag(db, [id], flag, (old) => (old === undefined ? now : undefined), now);
  return { on: change.before[0]?.at === undefined, change };
}

/** Marks papers read (an earlier read time stays). */
export function markRead(db: PaperboyDb, ids: readonly string[], now: number): Promise<FlagChange> {
  return change(db, () => writeFlag(db, ids, 'readAt', (old) => old ?? now, now));
}

/** Marks papers unread; their other flags stay. */
export function markUnread(db: PaperboyDb, ids: readonly string[], now: number): Promise<FlagChange> {
  return change(db, () => writeFlag(db, ids, 'readAt', () => undefined, now));
}

/** Flips a paper's read flag. */
export function toggleRead(db: PaperboyDb, id: string, now: number): Promise<Toggled> {
  return change(db, () => toggleFlag(db, id, 'readAt', now));
}

/** Saves or unsaves a paper. */
export function toggleSaved(db: PaperboyDb, id: string, now: number): Promise<Toggled> {
  return change(db, () => toggleFlag(db, id, 'savedAt', now));
}

/** Hides papers everywhere ("not interested"); they stay listed under Hidden. */
export function dismiss(db: PaperboyDb, ids: readonly string[], now: number): Promise<FlagChange> {
  return change(db, () => writeFlag(db, ids, 'dismissedAt', (old) => old ?? now, now));
}

/** Brings hidden papers back. */
export function undismiss(db: PaperboyDb, ids: readonly string[], now: number): Promise<FlagChange> {
  return change(db, () => writeFlag(db, ids, 'dismissedAt', () => undefined, now));
}

/** Undoes a change: puts each paper's flag back as it was (its original time included). */
export function revert(db: PaperboyDb, { flag, before }: FlagChange, now: number): Promise<FlagChange> {
  const was = new Map(before.map(({ id, at }) => [id, at]));
  return change(db, () => writeFlag(db, [...was.keys()], flag, (_old, id) => was.get(id), now));
}

/** Every paper's flags with the time of their last change, for cross-device sync. */
export async function getFlagMap(db: PaperboyDb): Promise<FlagMap> {
  const rows = await db.userState.toArray();
  return new Map(rows.map((row) => [row.id, rowFlags(row)]));
}

/**
 * Takes in flags from another computer: each flag follows whichever change is later, here or
 * there, re-read inside the transaction so a click that lands meanwhile is not undone. Returns
 * how many papers changed.
 */
export function mergeFlagMap(db: PaperboyDb, incoming: FlagMap): Promise<number> {
  const ids = [...incoming.keys()];
  return change(db, () =>
    db.transaction('rw', db.userState, async () => {
      const rows = await db.userState.bulkGet(ids);
      const changed = ids.flatMap((id, i) => applyToRow(rows[i], id, incoming.get(id)!) ?? []);
      await db.userState.bulkPut(changed);
      return changed.length;
    }),
  );
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
  return change(db, () =>
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
  // A flag a backup sets is set: no longer noted as cleared.
  const cleared = Object.fromEntries(Object.entries(merged.cleared ?? {}).filter(([flag]) => merged[flag as UserFlag] === undefined));
  if (Object.keys(cleared).length > 0) merged.cleared = cleared;
  else delete merged.cleared;
  return merged;
}
