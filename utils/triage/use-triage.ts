import { useState } from 'preact/hooks';
import type { PaperView } from '../data/papers';
import { markRead } from '../data/user-state';
import { countOf } from '../lib/format';
import { usePageDeps } from '../pages/deps';
import { exportSaved } from './actions';
import type { ExportFormat } from './citation';
import type { KeyEffect } from './keyboard';
import { attempt, offerUndo, paperHandlers, type HandlerContext } from './paper-handlers';
import type { PaperHandlers, ToastMessage } from './types';
import { createUndoStack, type UndoEntry } from './undo';
import { useKeys } from './use-keys';
import { t } from '../lib/i18n';

/** The link a paper opens: its Hugging Face page, else arXiv. */
function paperHref(papers: readonly PaperView[], id: string): string | undefined {
  const paper = papers.find((v) => v.paper.id === id)?.paper;
  return paper?.links.hf ?? paper?.links.arxiv;
}

interface KeyContext {
  papers: readonly PaperView[];
  handlers: PaperHandlers;
  undo: () => void;
  focusSearch: () => void;
  show: (m: ToastMessage) => void;
}

/** Carries out what a key asked for. */
function applyKey(effect: KeyEffect, { papers, handlers, undo, focusSearch, show }: KeyContext): void {
  if (effect.type === 'focus-search') return focusSearch();
  if (effect.type === 'blur') return (document.activeElement as HTMLElement | null)?.blur();
  if (effect.type === 'undo') return undo();
  if (effect.type === 'hint-hide') return show({ text: t('triage.hintHide'), tone: 'ok' });
  if (effect.type === 'toggle-read') return handlers.toggleRead(effect.id);
  if (effect.type === 'save') return handlers.save(effect.id);
  // In the Hidden list the same key brings the paper back.
  if (effect.type === 'dismiss') return papers.find((v) => v.paper.id === effect.id)?.state?.dismissedAt ? handlers.restore(effect.id) : handlers.dismiss(effect.id);
  const href = paperHref(papers, effect.id);
  if (href) handlers.open(effect.id, href, effect.background);
}

/**
 * Triage on a page: the one current paper (focus and keyboard selection), the per-paper actions,
 * undo for every change of a mark, and the one-line messages that confirm or explain.
 */
export function useTriage(papers: PaperView[], focusSearch: () => void) {
  const deps = usePageDeps();
  const [message, setMessage] = useState<ToastMessage | undefined>(undefined);
  const [undoStack] = useState(createUndoStack);
  const show = (m: ToastMessage) => setMessage(m);

  function undo(entry?: UndoEntry) {
    attempt(show, 'triage.what.undo', async () => {
      const undone = await undoStack.undo(entry);
      show({ text: undone?.undone ?? t('triage.nothingToUndo'), tone: 'ok' });
    });
  }

  const keys = useKeys(
    papers.map((v) => v.paper.id),
    (effect) => applyKey(effect, { papers, handlers, undo: () => undo(), focusSearch, show }),
  );
  const ctx: HandlerContext = { deps, papers, undoStack, show, undo, focusWhenListed: keys.focusWhenListed, select: keys.select };
  const handlers = paperHandlers(ctx);

  return {
    selected: keys.keys.selected,
    help: keys.keys.help,
    setHelp: (help: boolean) => keys.setKeys((k) => ({ ...k, help })),
    focusCurrent: keys.focusCurrent,
    handlers,
    /** Marks every unread paper shown read, with Undo. */
    markAllRead: () =>
      attempt(show, 'triage.what.markAll', async () => {
        const change = await markRead(deps.db, papers.filter((v) => !v.state?.readAt).map((v) => v.paper.id), deps.now());
        offerUndo(ctx, change, countOf(change.before.length, 'triage.markedAll'), t('triage.unreadAgain'));
      }),
    exportList: (format: ExportFormat) =>
      attempt(show, 'triage.what.export', async () => {
        const count = await exportSaved(deps, format);
        show({ text: countOf(count, 'triage.exported'), tone: 'ok' });
      }),
    message,
    /** Closes the message; focus that was in it goes back to the current paper. */
    closeMessage: () => {
      setMessage(undefined);
      keys.focusCurrent();
    },
  };
}
