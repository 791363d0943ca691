import { useRef, useState } from 'preact/hooks';
import type { PaperView } from '../data/papers';
import type { PaperboyDb } from '../data/db';
import { dismiss, markRead, markUnread, toggleRead, toggleSaved, undismiss } from '../data/user-state';
import { usePageDeps, type PageDeps } from '../pages/deps';
import { copyCitation, exportSaved, openPaper } from './actions';
import type { ExportFormat } from './citation';
import type { KeyEffect } from './keyboard';
import type { PaperHandlers, ToastMessage } from './types';
import { useKeys } from './use-keys';

/** Runs an action; a failure becomes a message the user sees instead of a silent console line. */
function attempt(show: (m: ToastMessage) => void, what: string, action: () => Promise<unknown>): void {
  action().catch((error: Error) => show({ text: `Could not ${what}: ${error.message}`, tone: 'warn' }));
}

/** The link a paper opens: its Hugging Face page, else arXiv. */
function paperHref(papers: readonly PaperView[], id: string): string | undefined {
  const paper = papers.find((v) => v.paper.id === id)?.paper;
  return paper?.links.hf ?? paper?.links.arxiv;
}

interface HandlerContext {
  deps: PageDeps;
  papers: readonly PaperView[];
  show: (m: ToastMessage) => void;
  hide: (id: string, title: string) => void;
  select: (id: string) => void;
}

/** What each per-paper control does; every failure becomes a message. */
function paperHandlers({ deps, papers, show, hide, select }: HandlerContext): PaperHandlers {
  const { db, now } = deps;
  return {
    open: (id, url, background) => attempt(show, 'open the paper', () => openPaper(deps, id, url, background)),
    toggleRead: (id) => attempt(show, 'change the read flag', () => toggleRead(db, id, now())),
    save: (id) =>
      attempt(show, 'save the paper', async () => {
        const saved = await toggleSaved(db, id, now());
        show({ text: saved ? 'Saved. Find it under Saved.' : 'Removed from Saved.', tone: 'ok' });
      }),
    dismiss: (id) => hide(id, papers.find((v) => v.paper.id === id)?.paper.title ?? 'the paper'),
    cite: (id, format) =>
      attempt(show, 'copy the citation', async () => {
        await copyCitation(deps, id, format);
        show({ text: format === 'bibtex' ? 'BibTeX copied.' : 'Markdown link copied.', tone: 'ok' });
      }),
    select,
  };
}

/** Carries out what a key asked for. */
function applyKey(effect: KeyEffect, { papers, handlers, undo, focusSearch }: { papers: readonly PaperView[]; handlers: PaperHandlers; undo: () => void; focusSearch: () => void }): void {
  if (effect.type === 'focus-search') return focusSearch();
  if (effect.type === 'blur') return (document.activeElement as HTMLElement | null)?.blur();
  if (effect.type === 'undo') return undo();
  if (effect.type === 'toggle-read') return handlers.toggleRead(effect.id);
  if (effect.type === 'save') return handlers.save(effect.id);
  if (effect.type === 'dismiss') return handlers.dismiss(effect.id);
  const href = paperHref(papers, effect.id);
  if (href) handlers.open(effect.id, href, effect.background);
}

/** Marks every unread paper of the list read, with Undo (which marks exactly those unread again). */
function markAllRead(db: PaperboyDb, papers: PaperView[], at: number, show: (m: ToastMessage) => void): void {
  const ids = papers.filter((v) => !v.state?.readAt).map((v) => v.paper.id);
  const undo = () =>
    attempt(show, 'undo', async () => {
      await markUnread(db, ids);
      show({ text: `${ids.length} marked unread again.`, tone: 'ok' });
    });
  attempt(show, 'mark them read', async () => {
    await markRead(db, ids, at);
    show({ text: `Marked ${ids.length} read.`, tone: 'ok', undo });
  });
}

/**
 * Triage state for a page: the keyboard selection over the papers shown, the per-paper actions,
 * undo for "not interested", and the one-line messages that confirm or explain.
 */
export function useTriage(papers: PaperView[], focusSearch: () => void) {
  const deps = usePageDeps();
  const { db, now } = deps;
  const [message, setMessage] = useState<ToastMessage | undefined>(undefined);
  const lastHidden = useRef<string[]>([]);
  const show = (m: ToastMessage) => setMessage(m);

  function undo() {
    const ids = lastHidden.current;
    if (!ids.length) return;
    lastHidden.current = [];
    attempt(show, 'undo', async () => {
      await undismiss(db, ids);
      show({ text: 'Back in your lists.', tone: 'ok' });
    });
  }

  const handlers = paperHandlers({
    deps,
    papers,
    show,
    hide: (id, title) => {
      lastHidden.current = [id];
      attempt(show, 'hide the paper', async () => {
        await dismiss(db, [id], now());
        show({ text: `Hidden “${title}” everywhere.`, tone: 'ok', undo });
      });
    },
    select: (id) => setKeys((k) => ({ ...k, selected: id })),
  });

  const apply = (effect: KeyEffect) => applyKey(effect, { papers, handlers, undo, focusSearch });
  const [keys, setKeys] = useKeys(
    papers.map((v) => v.paper.id),
    apply,
  );

  return {
    selected: keys.selected,
    help: keys.help,
    setHelp: (help: boolean) => setKeys((k) => ({ ...k, help })),
    handlers,
    markAllRead: () => markAllRead(db, papers, now(), show),
    exportList: (format: ExportFormat) =>
      attempt(show, 'export', async () => {
        const count = await exportSaved(deps, format);
        show({ text: `Exported ${count} saved paper${count === 1 ? '' : 's'}.`, tone: 'ok' });
      }),
    message,
    setMessage,
  };
}
