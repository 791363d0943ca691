import type { PaperView } from '../data/papers';
import { dismiss, revert, toggleRead, toggleSaved, undismiss, type FlagChange, type Toggled } from '../data/user-state';
import type { PageDeps } from '../pages/deps';
import { copyCitation, openPaper } from './actions';
import type { PaperHandlers, ToastMessage } from './types';
import type { UndoEntry, UndoStack } from './undo';
import { t, type MessageKey } from '../lib/i18n';

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
export function attempt(show: (m: ToastMessage) => void, what: MessageKey, action: () => Promise<unknown>): void {
  action().catch((error: Error) => show({ text: t('triage.couldNot', [t(what), error.message]), tone: 'warn' }));
}

/** A paper's title for a message: “Title”. */
const titled = (papers: readonly PaperView[], id: string) => t('common.quoted', [papers.find((v) => v.paper.id === id)?.paper.title ?? t('paper.the')]);

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
  const flip = (what: MessageKey, write: () => Promise<Toggled>, say: (on: boolean) => [text: string, undone: string]) =>
    attempt(show, what, async () => {
      const { on, change } = await write();
      offerUndo(ctx, change, ...say(on));
    });
  return {
    open: (id, url, background) => attempt(show, 'triage.what.open', () => openPaper(deps, id, url, background)),
    toggleRead: (id) =>
      flip('triage.what.read', () => toggleRead(db, id, now()), (read) =>
        read ? [t('triage.markedRead', [titled(papers, id)]), t('triage.unreadAgain')] : [t('triage.markedUnread', [titled(papers, id)]), t('triage.readAgain')],
      ),
    save: (id) =>
      flip('triage.what.save', () => toggleSaved(db, id, now()), (saved) =>
        saved ? [t('triage.saved', [titled(papers, id)]), t('triage.noLongerSaved')] : [t('triage.unsaved', [titled(papers, id)]), t('triage.savedAgain')],
      ),
    dismiss: (id) =>
      attempt(show, 'triage.what.hide', async () => {
        const change = await dismiss(db, [id], now());
        offerUndo(ctx, change, t('triage.hidden', [titled(papers, id)]), t('triage.backInLists'), () => ctx.focusWhenListed(id));
      }),
    restore: (id) =>
      attempt(show, 'triage.what.restore', async () => {
        const change = await undismiss(db, [id], now());
        offerUndo(ctx, change, t('triage.restored', [titled(papers, id)]), t('triage.hiddenAgain'), () => ctx.focusWhenListed(id));
      }),
    cite: (id, format) =>
      attempt(show, 'triage.what.cite', async () => {
        await copyCitation(deps, id, format);
        show({ text: t(format === 'bibtex' ? 'triage.bibtexCopied' : 'triage.markdownCopied'), tone: 'ok' });
      }),
    select: ctx.select,
  };
}
