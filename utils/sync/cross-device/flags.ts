import type { UserState } from '../../data/db';

// Read, saved and hidden flags as another computer needs them: for each flag, whether it is set
// and when it last changed. A change is never lost to an older one (last change wins, per flag),
// so an unread, unsave or unhide wins over an older set: a cleared flag keeps its time too.

/** The flags, in the order the codec writes them. */
export const FLAGS = ['readAt', 'savedAt', 'dismissedAt'] as const;
export type Flag = (typeof FLAGS)[number];

/** Times in sync storage: whole seconds since 2020-01-01 UTC (5 characters last until 2207). */
export const EPOCH_MS = Date.UTC(2020, 0, 1);

export interface FlagChange {
  set: boolean;
  /** Seconds since `EPOCH_MS`. */
  at: number;
}

export type PaperFlags = Partial<Record<Flag, FlagChange>>;
/** Every paper's flags, by arXiv id. */
export type FlagMap = Map<string, PaperFlags>;

export function toSyncTime(ms: number): number {
  return Math.max(0, Math.floor((ms - EPOCH_MS) / 1000));
}

export function fromSyncTime(seconds: number): number {
  return EPOCH_MS + seconds * 1000;
}

/**
 * The change that wins: the later one; at the same second a set wins over a clear (no flag is
 * lost to a tie). Commutative, associative and idempotent, so merging in any order, any number
 * of times, ends in the same state.
 */
export function later(a: FlagChange | undefined, b: FlagChange | undefined): FlagChange | undefined {
  if (!a || !b) return a ?? b;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return a.set ? a : b;
}

export function sameChange(a: FlagChange | undefined, b: FlagChange | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.set === b.set && a.at === b.at);
}

/** One paper's flags merged with another copy of them, flag by flag. */
export function mergePaper(a: PaperFlags | undefined, b: PaperFlags | undefined): PaperFlags {
  const merged: PaperFlags = {};
  for (const flag of FLAGS) {
    const change = later(a?.[flag], b?.[flag]);
    if (change) merged[flag] = change;
  }
  return merged;
}

/** Two computers' flags merged: every paper either knows, each flag to its latest change. */
export function mergeMaps(a: FlagMap, b: FlagMap): FlagMap {
  const merged: FlagMap = new Map();
  for (const id of new Set([...a.keys(), ...b.keys()])) merged.set(id, mergePaper(a.get(id), b.get(id)));
  return merged;
}

/** A stored user-state row's flags: a set flag at its time, a cleared one at the time it was cleared. */
export function rowFlags(row: UserState): PaperFlags {
  const flags: PaperFlags = {};
  for (const flag of FLAGS) {
    const setAt = row[flag];
    const clearedAt = row.cleared?.[flag];
    if (setAt !== undefined) flags[flag] = { set: true, at: toSyncTime(setAt) };
    else if (clearedAt !== undefined) flags[flag] = { set: false, at: toSyncTime(clearedAt) };
  }
  return flags;
}

/**
 * A row with `incoming` changes applied where they win; returns undefined when none does (the
 * row is left as it is). Times taken over keep the row's own precision where they agree.
 */
export function applyToRow(row: UserState | undefined, id: string, incoming: PaperFlags): UserState | undefined {
  const mine = row ? rowFlags(row) : {};
  const next: UserState = { ...row, id, ...(row?.cleared && { cleared: { ...row.cleared } }) };
  let changed = false;
  for (const flag of FLAGS) {
    const theirs = incoming[flag];
    const winner = later(mine[flag], theirs);
    if (!theirs || winner !== theirs || sameChange(mine[flag], theirs)) continue;
    changed = true;
    const at = fromSyncTime(theirs.at);
    if (theirs.set) {
      next[flag] = at;
      if (next.cleared) delete next.cleared[flag];
    } else {
      delete next[flag];
      next.cleared = { ...next.cleared, [flag]: at };
    }
  }
  if (next.cleared && Object.keys(next.cleared).length === 0) delete next.cleared;
  return changed ? next : undefined;
}
