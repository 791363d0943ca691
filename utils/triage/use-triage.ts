import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperHandlers } from '../../components/PaperActions';
import type { ToastMessage } from '../../components/Toast';
import type { ExportFormat } from './citation';
import { db } from '../data/db';
import { INITIAL_KEY_STATE, keyReducer, keyTarget, type KeyEffect, type KeyState } from './keyboard';
import { markAllReadAndBadge, openPaper, toggleReadAndBadge } from '../data/user-actions';
import type { PaperView } from '../data/papers';
import { copyCitation, dismissAndBadge, exportSaved, toggleSave, undismissAndBadge } from './actions';
import { recordVisit } from '../data/lists';

/**
 * The previous visit to a Paperboy page. The visit is recorded as the page opens and again as
 * it is hidden or closed, so papers that arrived and were shown during this visit are not new
 * the next time ("cleared when seen").
 */
export function useLastVisit(): number | undefined {
  const [previous, setPrevious] = useState<number | undefined>(undefined);
  useEffect(() => {
    const record = () => recordVisit(db, Date.now());
    record().then(setPrevious, (error) => console.error('Paperboy: visit not recorded', error));
    const onHide = () => {
      if (document.visibilityState === 'hidden') void record();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
    };
  }, []);
  return previous;
}

/** New since the last visit: first stored after it and still unread. Nothing is new on a first visit. */
export function isNewSince(view: PaperView, lastVisit: number | undefined): boolean {
  return lastVisit !== undefined && view.paper.firstSeenAt > lastVisit && !view.state?.readAt;
}

/** Runs an action; a failure becomes a message the user sees instead of a silent console line. */
function attempt(show: (m: ToastMessage) => void, what: string, action: () => Promise<unknown>): void {
  action().catch((error: Error) => show({ text: `Could not ${what}: ${error.message}`, tone: 'warn' }));
}

/**
 * Triage state for a page: the keyboard selection over the papers shown, the per-paper actions,
 * undo for "not interested", and the one-line messages that confirm or explain.
 */
export function useTriage(papers: PaperView[], focusSearch: () => void) {
  const [keys, setKeys] = useState<KeyState>(INITIAL_KEY_STATE);
  const [message, setMessage] = useState<ToastMessage | undefined>(undefined);
  const lastHidden = useRef<string[]>([]);
  const show = (m: ToastMessage) => setMessage(m);

  const handlers: PaperHandlers = {
    open: (id, url, background) => attempt(show, 'open the paper', () => openPaper(id, url, background)),
    toggleRead: (id) => attempt(show, 'change the read flag', () => toggleReadAndBadge(id)),
    save: (id) =>
      attempt(show, 'save the paper', async () => {
        const saved = await toggleSave(id);
        show({ text: saved ? 'Saved. Find it under Saved.' : 'Removed from Saved.', tone: 'ok' });
      }),
    dismiss: (id) => {
      const title = papers.find((v) => v.paper.id === id)?.paper.title ?? 'the paper';
      lastHidden.current = [id];
      attempt(show, 'hide the paper', async () => {
        await dismissAndBadge([id]);
        show({ text: `Hidden “${title}” everywhere.`, tone: 'ok', undo: undo });
      });
    },
    cite: (id, format) =>
      attempt(show, 'copy the citation', async () => {
        await copyCitation(id, format);
        show({ text: format === 'bibtex' ? 'BibTeX copied.' : 'Markdown link copied.', tone: 'ok' });
      }),
    select: (id) => setKeys((k) => ({ ...k, selected: id })),
  };

  function undo() {
    const ids = lastHidden.current;
    if (!ids.length) return;
    lastHidden.current = [];
    attempt(show, 'undo', async () => {
      await undismissAndBadge(ids);
      show({ text: 'Back in your lists.', tone: 'ok' });
    });
  }

  const markAllRead = () => attempt(show, 'mark them read', () => markAllReadAndBadge(papers.filter((v) => !v.state?.readAt).map((v) => v.paper.id)));
  const exportList = (format: ExportFormat) =>
    attempt(show, 'export', async () => {
      const count = await exportSaved(format);
      show({ text: `Exported ${count} saved paper${count === 1 ? '' : 's'}.`, tone: 'ok' });
    });

  function apply(effect: KeyEffect): void {
    if (effect.type === 'focus-search') return focusSearch();
    if (effect.type === 'blur') return (document.activeElement as HTMLElement | null)?.blur();
    if (effect.type === 'undo') return undo();
    if (effect.type === 'open') {
      const paper = papers.find((v) => v.paper.id === effect.id)?.paper;
      const href = paper?.links.hf ?? paper?.links.arxiv;
      if (href) handlers.open(effect.id, href, effect.background);
      return;
    }
    if (effect.type === 'toggle-read') return handlers.toggleRead(effect.id);
    if (effect.type === 'save') return handlers.save(effect.id);
    handlers.dismiss(effect.id);
  }

  // The listener reads the latest list and state through a ref; it is attached once.
  const latest = useRef({ keys, papers, apply });
  latest.current = { keys, papers, apply };
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const { keys: state, papers: list, apply: run } = latest.current;
      const input = { key: event.key, ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey, target: keyTarget(event.target) };
      const result = keyReducer(state, input, list.map((v) => v.paper.id));
      if (!result.handled) return;
      event.preventDefault();
      setKeys(result.state);
      if (result.effect) run(result.effect);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Keep the selected paper focused (visible focus ring) and in view.
  useEffect(() => {
    if (!keys.selected) return;
    const el = document.querySelector<HTMLElement>(`[data-paper-id="${CSS.escape(keys.selected)}"]`);
    if (!el || el.contains(document.activeElement)) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  }, [keys.selected]);

  return {
    selected: keys.selected,
    help: keys.help,
    setHelp: (help: boolean) => setKeys((k) => ({ ...k, help })),
    handlers,
    markAllRead,
    exportList,
    message,
    setMessage,
  };
}
