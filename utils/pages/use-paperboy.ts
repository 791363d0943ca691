import { useEffect } from 'preact/hooks';
import { getArxivStatus, type ArxivStatus } from '../data/arxiv-store';
import { ensureBundled } from '../data/bundled';
import { getPapersByIds, getView, getViewCounts, type PaperView, type ViewCounts } from '../data/papers';
import { getSyncStatus, type SyncStatus } from '../data/sync-status';
import { defaultView, type ViewId } from '../views/view-id';
import { usePageDeps } from './deps';
import { useLiveQuery } from './use-live-query';
import { useSyncNow } from './use-sync-now';

/**
 * Everything a Paperboy page shows, live from the database: the chosen view's papers (or the
 * search results, when `searchIds` is given), counts, sync status, and the sync control.
 */
export function usePaperboy(chosen: ViewId | undefined, searchIds: string[] | undefined) {
  const { db, now } = usePageDeps();
  const counts = useLiveQuery<ViewCounts | undefined>(() => getViewCounts(db), [db], undefined);
  const status = useLiveQuery<SyncStatus | undefined>(() => getSyncStatus(db), [db], undefined);
  const arxiv = useLiveQuery<ArxivStatus | undefined>(() => getArxivStatus(db), [db], undefined);
  const view = chosen ?? (counts ? defaultView(counts.sizes) : undefined);
  // The ids as one string: a new array with the same results does not re-run the query.
  const searchKey = searchIds?.join(' ');
  const papers = useLiveQuery<PaperView[] | undefined>(
    () => {
      if (searchKey !== undefined) return getPapersByIds(db, searchKey.split(' ').filter(Boolean));
      return view ? getView(db, view, now()) : Promise.resolve(undefined);
    },
    [db, view, searchKey, now],
    undefined,
  );

  // The background loads the snapshot on install; a page opened before it finishes does it too.
  const empty = counts !== undefined && Object.values(counts.sizes).every((size) => size === 0);
  useEffect(() => {
    if (empty) void ensureBundled(db, now()).catch((error) => console.error('Paperboy: snapshot failed', error));
  }, [empty, db, now]);

  return { counts, status, arxiv, view, papers, ...useSyncNow(status) };
}
