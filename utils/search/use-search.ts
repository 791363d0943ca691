import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { whenIdle } from '../lib/when-idle';
import type { SearchClient } from './client';
import { t } from '../lib/i18n';

export type SearchStatus = 'off' | 'indexing' | 'ready' | 'error';

export interface SearchState {
  status: SearchStatus;
  /** Papers in the index. */
  size?: number;
  /** Stored papers the index has not taken in yet: results leave them out until it has. */
  pending?: number;
  /** Ids matching the latest answered query, best first; undefined until the first answer. */
  ids?: string[];
  /** The query (trimmed) that `ids` answer: while it is not the one typed, a newer answer is on its way. */
  idsFor?: string;
  error?: string;
  /** Counts index updates: a sync that changed papers makes the page ask again. */
  version?: number;
}

/** Queries shorter than this show the feed: one letter matches nearly everything. */
export const MIN_QUERY_LENGTH = 2;
const RESULT_LIMIT = 500;

/**
 * Full-text search over every stored paper. The index code and its worker load only when the
 * page is about to search: `prepare()` (the search field was focused or pointed at) or a query.
 * A visit that never searches costs nothing for search.
 */
export function useSearch(query: string): SearchState & { prepare: () => void } {
  const [state, setState] = useState<SearchState>({ status: 'off' });
  const client = useRef<SearchClient | undefined>(undefined);
  const seq = useRef(0);
  const asked = useRef('');
  const wanted = query.trim().length >= MIN_QUERY_LENGTH;
  const [started, setStarted] = useState(false);
  const prepare = useCallback(() => setStarted(true), []);

  useEffect(() => {
    if (wanted) setStarted(true);
  }, [wanted]);

  useEffect(() => {
    if (!started) return;
    let stopped = false;
    setState((s) => ({ ...s, status: 'indexing' }));
    import('./client')
      .then(({ startSearchWorker }) => {
        if (stopped) return;
        client.current = startSearchWorker((message) => {
          if (message.type === 'ready') setState((s) => ({ ...s, status: 'ready', size: message.size, pending: message.pending, version: (s.version ?? 0) + 1 }));
          else if (message.type === 'error') setState((s) => ({ ...s, status: 'error', error: message.message }));
          else if (message.seq === seq.current) setState((s) => ({ ...s, ids: message.ids, idsFor: asked.current, pending: message.pending }));
        });
      })
      .catch((error: Error) => setState({ status: 'error', error: t('search.loadFailed', [error.message]) }));
    return () => {
      stopped = true;
      client.current?.stop();
      client.current = undefined;
    };
  }, [started]);

  // Ask again when the query changes and whenever the index changed (a sync landed); as the page
  // commits the keystroke, not after it paints.
  useLayoutEffect(() => {
    seq.current++;
    asked.current = query.trim();
    if (!wanted) setState((s) => (s.ids ? { ...s, ids: undefined, idsFor: undefined } : s));
    else client.current?.query(seq.current, query.trim(), RESULT_LIMIT);
  }, [query, wanted, state.version]);

  return { ...state, prepare };
}

/**
 * Starts the search (its worker loads the index's document table and vocabulary) once the page
 * shows its papers and the browser is idle, and only while the page is visible: a first keystroke
 * a moment after the page opened then finds the index loaded. One idle callback per page, never
 * recurring; a page opened in the background waits until it is shown.
 */
export function usePreloadSearch(shown: boolean, prepare: () => void): void {
  useEffect(() => {
    if (!shown) return;
    let cancel: (() => void) | undefined;
    const start = () => {
      if (cancel || document.visibilityState !== 'visible') return;
      cancel = whenIdle(prepare);
    };
    start();
    document.addEventListener('visibilitychange', start);
    return () => {
      document.removeEventListener('visibilitychange', start);
      cancel?.();
    };
  }, [shown, prepare]);
}
