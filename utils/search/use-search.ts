import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SearchClient } from './client';
import { t } from '../lib/i18n';
import { countOf, formatCount } from '../lib/format';
import type { PaperView } from '../data/papers';

export type SearchStatus = 'off' | 'indexing' | 'ready' | 'error';

export interface SearchState {
  status: SearchStatus;
  /** Papers in the index. */
  size?: number;
  /** Stored papers the index has not taken in yet: results leave them out until it has. */
  pending?: number;
  /** Ids matching the latest answered query, best first (the best 500); undefined until the first answer. */
  ids?: string[];
  /** How many papers that query matched in all: more than `ids` holds when it matched more than 500. */
  total?: number;
  /** The papers of the first ids, when the page asked for them (`head`), read by the search with the ids. */
  head?: PaperView[];
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
 * Full-text search over every stored paper. The index code and the index load only when the
 * page is about to search: `prepare()` (the user is at the page: usePrepareOnIntent) or a query.
 * A visit that never searches costs nothing for search. The load starts as the render that asked
 * for it commits (a layout effect): started after that render's paint, it waited a frame. With
 * `head`, each answer brings the papers of its first `head` ids, so the first screen of results
 * needs no read of the page's own.
 */
export function useSearch(query: string, head = 0): SearchState & { prepare: () => void } {
  const [state, setState] = useState<SearchState>({ status: 'off' });
  const client = useRef<SearchClient | undefined>(undefined);
  const seq = useRef(0);
  const asked = useRef('');
  const askedKey = useRef('');
  const wanted = query.trim().length >= MIN_QUERY_LENGTH;
  const latest = useRef({ typed: '', wanted: false, head });
  latest.current = { typed: query.trim(), wanted, head };
  const [started, setStarted] = useState(false);
  const prepare = useCallback(() => setStarted(true), []);

  useEffect(() => {
    if (wanted) setStarted(true);
  }, [wanted]);

  useLayoutEffect(() => {
    if (!started) return;
    let stopped = false;
    setState((s) => ({ ...s, status: 'indexing' }));
    import('./client')
      .then(({ startSearch }) => {
        if (stopped) return;
        const search = startSearch((message) => {
          // The first "ready" says the index is in, and what was asked is answered without asking
          // again (asking twice put two queries on the first keystroke's path); a later one says it changed.
          const changed = (s: SearchState) => (s.status === 'off' || s.status === 'indexing' ? (s.version ?? 0) : (s.version ?? 0) + 1);
          if (message.type === 'ready') setState((s) => ({ ...s, status: 'ready', size: message.size, pending: message.pending, version: changed(s) }));
          else if (message.type === 'error') setState((s) => ({ ...s, status: 'error', error: message.message }));
          else if (message.seq === seq.current) setState((s) => ({ ...s, ids: message.ids, total: message.total, head: message.head, idsFor: asked.current, pending: message.pending }));
        });
        client.current = search;
        // What was typed while the search's code loaded: asked now, answered once the index is in.
        const { typed, wanted: now, head: first } = latest.current;
        if (now) search.query(++seq.current, (asked.current = typed), RESULT_LIMIT, first);
      })
      .catch((error: Error) => setState({ status: 'error', error: t('search.loadFailed', [error.message]) }));
    return () => {
      stopped = true;
      client.current?.stop();
      client.current = undefined;
    };
  }, [started]);

  // Ask again when the query changes and whenever the index changed (a sync landed). Asked as this
  // hook runs for the keystroke, before the page diffs and paints it: the database reads the
  // query's postings while the page draws. Guarded by the key, so a render for anything else asks nothing.
  const key = `${query}\u0000${wanted}\u0000${state.version ?? 0}`;
  if (askedKey.current !== key) {
    askedKey.current = key;
    seq.current++;
    asked.current = query.trim();
    if (wanted) client.current?.query(seq.current, asked.current, RESULT_LIMIT, head);
  }
  useLayoutEffect(() => {
    if (!wanted) setState((s) => (s.ids ? { ...s, ids: undefined, total: undefined, head: undefined, idsFor: undefined } : s));
  }, [wanted]);

  return { ...state, prepare };
}

/** The first signs of a user at a page: a pointer moving over it or pressing, a key (Tab or "/" to the search field, j/k). */
const INTENT = ['pointermove', 'pointerdown', 'keydown', 'wheel'] as const;

/**
 * Starts the search (it loads the index's document table and vocabulary) at the user's first sign
 * at the page, so a visit with no input loads no search at all. The load is quick enough to finish
 * between the pointer reaching the search field and the first keystroke's results: bench:visit at
 * 100,000 papers, 5 new tabs, clicking the field and typing at once: 74 to 130 ms, median 86 ms,
 * against 80 to 108 ms, median 99 ms, with the search loaded ahead when the page was idle, which
 * cost every visit its load (docs/performance.md, fifth pass). One listener per kind, gone after the first.
 */
export function usePrepareOnIntent(prepare: () => void): void {
  useEffect(() => {
    const stop = () => INTENT.forEach((type) => document.removeEventListener(type, start, true));
    const start = () => {
      stop();
      prepare();
    };
    INTENT.forEach((type) => document.addEventListener(type, start, { capture: true, passive: true }));
    return stop;
  }, [prepare]);
}

/**
 * The matches a search summary names: "18 matches"; "3 of 18 matches shown" when only `shown` of
 * the `listed` results are on screen (filters narrow them); "500 of 85,830 matches shown" when the
 * query matched more papers than a page lists (the best 500), counting every match.
 */
export function matchesText(search: SearchState, listed: number, shown?: number): string {
  const total = (search.total ?? 0) > (search.ids?.length ?? 0) ? search.total! : listed;
  const matches = countOf(total, 'search.matches');
  return shown !== undefined && shown < total ? t('search.someShown', [formatCount(shown), matches]) : matches;
}
