import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { addArxivCategory, removeArxivCategory, type ArxivStatus } from '../data/arxiv-store';
import type { SyncStatus } from '../data/sync-status';
import { requestOptional, type PermissionOutcome } from '../platform/permissions';
import { CATEGORY } from '../sync/sources/arxiv-category';
import { arxivCategory, arxivFeed, viewLabel, type ViewId } from '../views/view-id';
import { usePageDeps, type PageDeps } from './deps';
import { fetchOnDemand, onDemandStale, type OnDemandResult } from './on-demand';
import { t } from '../lib/i18n';

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

/**
 * Adds an arXiv category feed and fetches it. Call from a click: it asks for the arXiv permission
 * first, while the browser still counts the click as the user's gesture.
 */
async function addCategory(
  deps: PageDeps,
  category: string,
  { setResult, tried, run }: { setResult: (r: OnDemandResult) => void; tried: Set<ViewId>; run: (view: ViewId, access?: Promise<PermissionOutcome>) => Promise<boolean> },
): Promise<boolean> {
  if (!CATEGORY.test(category)) {
    setResult({ error: t('arxiv.notCategory', [category]) });
    return false;
  }
  const access = requestOptional('arxiv');
  const outcome = await access;
  if (!outcome.granted) {
    setResult({ error: outcome.message });
    return false;
  }
  await addArxivCategory(deps.db, category);
  tried.add(arxivFeed(category));
  return run(arxivFeed(category), access);
}

/** Keeps on-demand feeds (this week, this month, arXiv categories) fresh while they are open. */
export function useFeedRefresh(view: ViewId | undefined, status: SyncStatus | undefined, arxiv: ArxivStatus | undefined): FeedRefresh {
  const deps = usePageDeps();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<OnDemandResult>({});
  const tried = useRef(new Set<ViewId>());

  const run = useCallback(
    async (target: ViewId, access?: Promise<PermissionOutcome>): Promise<boolean> => {
      setBusy(true);
      setResult({});
      try {
        const outcome = await fetchOnDemand(deps, target, access);
        setResult(outcome);
        return !outcome.error && !outcome.needsAccess;
      } catch (failure) {
        setResult({ error: t('arxiv.fetchFailed', [viewLabel(target), (failure as Error).message]) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [deps],
  );

  // A message about one feed does not follow the user to the next.
  useEffect(() => setResult({}), [view]);

  // Opening a stale on-demand feed fetches it, once per page and feed (later status changes
  // find it tried already).
  useEffect(() => {
    if (!view || tried.current.has(view) || !status || !arxiv || !onDemandStale(view, status, arxiv, deps.now())) return;
    tried.current.add(view);
    void run(view);
  }, [view, status, arxiv, run, deps]);

  return {
    busy,
    error: result.error,
    needsAccess: result.needsAccess ?? false,
    refresh() {
      // The permission prompt must start inside the click, before any await.
      if (view) void run(view, arxivCategory(view) !== undefined ? requestOptional('arxiv') : undefined);
    },
    addCategory: (category) => addCategory(deps, category, { setResult, tried: tried.current, run }),
    removeCategory: (category) => removeArxivCategory(deps.db, category),
  };
}
