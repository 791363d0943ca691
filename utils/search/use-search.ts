import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchClient } from './client';
import { t } from '../lib/i18n';

export type SearchStatus = 'off' | 'indexing' | 'ready' | 'error';

export interface SearchState {
  status: SearchStatus;
  /** Papers in the index. */
  size?: number;
  /** Ids matching the current query, best first; undefined until the first answer. */
  ids?: string[];
  error?: string;
  /** Counts index updates: a sync that changed papers makes the page ask again. */
  version?: number;
}

/** Queries shorter than this show the feed: one letter matches nearly everything. */
export const MIN_QUERY_LENGTH = 2;
const RESULT_LIMIT = 500;

/**
 * Runs `start` once the page is idle after its first paint (never on the critical path), and only
 * while it is visible: Chrome preloads new tabs in the background, and a hidden page should cost
 * nothing.
 */
function whenIdle(start: () => void): () => void {
  let cancel = () => {};
  const schedule = () => {
    if (document.hidden) return;
    document.removeEventListener('visibilitychange', schedule);
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(start, { timeout: 5000 });
      cancel = () => cancelIdleCallback(handle);
    } else {
      const timer = setTimeout(start, 200);
      cancel = () => clearTimeout(timer);
    }
  };
  document.addEventListener('visibilitychange', schedule);
  schedule();
  return () => {
    document.removeEventListener('visibilitychange', schedule);
    cancel();
  };
}

/**
 * Full-text search over every stored paper. The index code and its worker load lazily: after
 * the first paint when `eager` (the new tab), else at the first query (the popup).
 */
export function useSearch(query: string, eager: boolean): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'off' });
  const client = useRef<SearchClient | undefined>(undefined);
  const seq = useRef(0);
  const wanted = query.trim().length >= MIN_QUERY_LENGTH;
  const [started, setStarted] = useState(false);

  useEffect(() => (eager ? whenIdle(() => setStarted(true)) : undefined), [eager]);
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
          if (message.type === 'ready') setState((s) => ({ ...s, status: 'ready', size: message.size, version: (s.version ?? 0) + 1 }));
          else if (message.type === 'error') setState((s) => ({ ...s, status: 'error', error: message.message }));
          else if (message.seq === seq.current) setState((s) => ({ ...s, ids: message.ids }));
        });
      })
      .catch((error: Error) => setState({ status: 'error', error: t('search.loadFailed', [error.message]) }));
    return () => {
      stopped = true;
      client.current?.stop();
      client.current = undefined;
    };
  }, [started]);

  // Ask again when the query changes and whenever the index changed (a sync landed).
  useEffect(() => {
    seq.current++;
    if (!wanted) setState((s) => (s.ids ? { ...s, ids: undefined } : s));
    else client.current?.query(seq.current, query.trim(), RESULT_LIMIT);
  }, [query, wanted, state.version]);

  return state;
}
