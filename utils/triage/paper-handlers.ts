import type { PaperView } from '../data/papers';
import { dismiss, revert, toggleRead, toggleSaved, undismiss, type FlagChange, type Toggled } from '../data/user-state';
import type { PageDeps } from '../pages/deps';
import { copyCitation, openPaper } from './actions';
import type { PaperHandlers, ToastMessage } from './types';
import type { UndoEntry, UndoStack } from './undo';

/** What the per-paper controls need from their page. */
export interface HandlerContext {
  deps: PageDeps;
  papers: readonly PaperView[];
  undoStack: UndoStack;
  show: (m: ToastMessage) => void;
  /** Undoes one change (a message's own Undo) or the newest (`u`). */
  undo: (entry?: UndoEntry) => void;
  /** Makes a paper current and focuses it once it is listed (a hidden paper brought back). */
  focusWhenListed: (id: string) => void;
  select: (id: string) => void;
}

/** Runs an action; a failure becomes a message the user sees instead of a silent console line. */
export function attempt(show: (m: ToastMessage) => void, what: string, action: () => Promise<unknown>): void {
  action().catch((error: Error) => show({ text: `Could not ${what}: ${error.message}`, tone: 'warn' }));
}

/** A paper's title for a message: “Title”. */
const titled = (papers: readonly PaperView[], id: string) => `“${papers.find((v) => v.paper.id === id)?.paper.title ?? 'the paper'}”`;

/**
 * Makes a change of user state undoable: pushes how to revert it and says what it did, with an
 * Undo that takes back this very change. `onUndone` runs after it is taken back.
 */
export function offerUndo(ctx: HandlerContext, change: FlagChange, text: string, undone: string, onUndone?: () => void): void {
  if (change.before.length === 0) return ctx.show({ text, tone: 'ok' });
  const entry: UndoEntry = {
    undone,
    revert: async () => {
      await revert(ctx.deps.db, change, ctx.deps.now());
      onUndone?.();
    },
  };
  ctx.undoStack.push(entry);
  ctx.show({ text, tone: 'ok', undo: () => ctx.undo(entry) });
}

/** What each per-paper control does: every change says so and can be undone; every failure is a message. */
export function paperHandlers(ctx: HandlerContext): PaperHandlers {
  const { deps, papers, show } = ctx;
  const { db, now } = deps;
  const flip = (what: string, write: () => Promise<Toggled>, say: (on: boolean) => [text: string, undone: string]) =>
    attempt(show, what, async () => {
      const { on, change } = await write();
      offerUndo(ctx, change, ...say(on));
    });
  return {
    open: (id, url, background) => attempt(show, 'open the paper', () => openPaper(deps, id, url, background)),
    toggleRead: (id) =>
      flip('change the read mark', () => toggleRead(db, id, now()), (read) =>
        read ? [`Marked ${titled(papers, id)} read.`, 'Marked unread again.'] : [`Marked ${titled(papers, id)} unread.`, 'Marked read again.'],
      ),
    save: (id) =>
      flip('save the paper', () => toggleSaved(db, id, now()), (saved) =>
        saved ? [`Saved ${titled(papers, id)}: find it under Saved.`, 'No longer saved.'] : [`Removed ${titled(papers, id)} from Saved.`, 'Saved again.'],
      ),
    dismiss: (id) =>
      attempt(show, 'hide the paper', async () => {
        const change = await dismiss(db, [id], now());
        offerUndo(ctx, change, `Hidden ${titled(papers, id)} everywhere: find it under Hidden.`, 'Back in your lists.', () => ctx.focusWhenListed(id));
      }),
    restore: (id) =>
      attempt(show, 'bring the paper back', async () => {
        const change = await undismiss(db, [id], now());
        offerUndo(ctx, change, `${titled(papers, id)} is back in your lists.`, 'Hidden again.', () => ctx.focusWhenListed(id));
      }),
    cite: (id, format) =>
      attempt(show, 'copy the citation', async () => {
        await copyCitation(deps, id, format);
        show({ text: format === 'bibtex' ? 'BibTeX copied.' : 'Markdown link copied.', tone: 'ok' });
      }),
    select: ctx.select,
  };
}
