import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ARXIV_ORIGIN } from '../platform/config';
import { db } from '../data/db';
import { periodFeedStale } from '../sync/periods';
import { requestFeedSync } from '../sync/messages';
import type { SyncStatus } from '../data/papers';
import { CATEGORY } from '../sync/sources/arxiv-category';
import { hasArxivAccess, requestArxivAccess } from '../triage/actions';
import { addArxivCategory, removeArxivCategory, type ArxivStatus } from '../data/lists';
import { arxivCategory, arxivFeed, isPeriodFeed, type ViewId } from '../views/view-id';

export interface FeedRefresh {
  busy: boolean;
  error?: string;
  /** The arXiv host permission is missing for the open arXiv feed. */
  needsAccess: boolean;
  /** Fetches the open feed again now. Call from a click: it may ask for the arXiv permission. */
  refresh(): void;
  /** Adds an arXiv category feed. Call from a click: it asks for the arXiv permission. */
  addCategory(category: string): Promise<boolean>;
  removeCategory(category: string): Promise<void>;
}

const ARXIV_MAX_AGE_MS = 60 * 60_000;

async function fetchArxiv(category: string): Promise<string | undefined> {
  const { refreshArxivCategory } = await import('../sync/arxiv-fetch');
  const result = await refreshArxivCategory(category, { db, fetch: (...args) => fetch(...args), origin: ARXIV_ORIGIN });
  return result.ok ? undefined : result.message;
}

/** An arXiv feed is fetched again when opened an hour after its last fetch. */
function arxivStale(arxiv: ArxivStatus, category: string | undefined, now: number): boolean {
  return category !== undefined && now - (arxiv.feeds[category]?.fetchedAt ?? 0) > ARXIV_MAX_AGE_MS;
}

/**
 * Keeps on-demand feeds fresh while they are open: this week's and this month's HF papers go
 * through the worker (which honours HF's rate limits), arXiv categories are fetched here.
 */
export function useFeedRefresh(view: ViewId | undefined, status: SyncStatus | undefined, arxiv: ArxivStatus | undefined): FeedRefresh {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [needsAccess, setNeedsAccess] = useState(false);
  const tried = useRef(new Set<string>());

  const run = useCallback(async (target: ViewId, withAccess?: Promise<boolean>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      if (isPeriodFeed(target)) {
        const result = await requestFeedSync(target);
        setError(result.error?.message);
        return !result.error;
      }
      const category = arxivCategory(target);
      if (category === undefined) return false;
      const granted = await (withAccess ?? hasArxivAccess());
      setNeedsAccess(!granted);
      if (!granted) return false;
      const message = await fetchArxiv(category);
      setError(message);
      return message === undefined;
    } catch (failure) {
      setError(`Could not fetch ${target}: ${(failure as Error).message}`);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  // A message about one feed does not follow the user to the next.
  useEffect(() => {
    setError(undefined);
    setNeedsAccess(false);
  }, [view]);

  // Opening a stale on-demand feed fetches it, once per page and feed (later status changes
  // find it tried already).
  useEffect(() => {
    if (!view || tried.current.has(view) || !status || !arxiv) return;
    const now = Date.now();
    const stale = isPeriodFeed(view)
      ? periodFeedStale(view, status.feeds[view]?.fetchedAt, now)
      : arxivStale(arxiv, arxivCategory(view), now);
    if (!stale) return;
    tried.current.add(view);
    void run(view);
  }, [view, status, arxiv, run]);

  return {
    busy,
    error,
    needsAccess,
    refresh() {
      if (!view) return;
      // The permission prompt must start inside the click, before any await.
      void run(view, arxivCategory(view) !== undefined ? requestArxivAccess() : undefined);
    },
    async addCategory(category) {
      if (!CATEGORY.test(category)) {
        setError(`“${category}” is not an arXiv category (examples: cs.LG, stat.ML, hep-th)`);
        return false;
      }
      // Still inside the click: the browser shows its permission prompt only during a gesture.
      if (!(await requestArxivAccess().catch(() => false))) {
        setError('Paperboy needs your permission to reach export.arxiv.org for arXiv feeds; nothing was fetched.');
        return false;
      }
      await addArxivCategory(db, category);
      tried.current.add(arxivFeed(category));
      return run(arxivFeed(category), Promise.resolve(true));
    },
    removeCategory: (category) => removeArxivCategory(db, category),
  };
}
