/** One change the user can take back: what it did, in words, and how to put things back. */
export interface UndoEntry {
  /** Said after undoing it: "Back in your lists." */
  undone: string;
  revert: () => Promise<unknown>;
}

/** How many changes `u` can take back, newest first. */
export const UNDO_DEPTH = 20;

export interface UndoStack {
  push(entry: UndoEntry): void;
  /**
   * Takes back one change: `entry` (a message's own Undo) or else the newest. Resolves to the
   * entry undone, or undefined when there was nothing (left) to undo.
   */
  undo(entry?: UndoEntry): Promise<UndoEntry | undefined>;
  readonly size: number;
}

/** The page's undo history: every destructive action pushes how to revert it. */
export function createUndoStack(depth = UNDO_DEPTH): UndoStack {
  let entries: UndoEntry[] = [];
  return {
    push(entry) {
      entries = [...entries, entry].slice(-depth);
    },
    async undo(entry) {
      const target = entry ?? entries.at(-1);
      // Each change is undone once: a message's Undo after `u` took it back does nothing.
      if (!target || !entries.includes(target)) return undefined;
      entries = entries.filter((e) => e !== target);
      await target.revert();
      return target;
    },
    get size() {
      return entries.length;
    },
  };
}
