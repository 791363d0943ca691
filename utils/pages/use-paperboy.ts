import { useEffect } from 'preact/hooks';
import { getArxivStatus, type ArxivStatus } from '../data/arxiv-store';
import { ensureBundled } from '../data/bundled';
import { getFeedSizes, getPapersByIds, getView, type PaperView } from '../data/papers';
import { getTabCounts, type TabCounts } from '../data/view-counts';
import { getSyncStatus, type SyncStatus } from '../data/sync-status';
import type { Settings } from '../settings/defaults';
import { defaultView, type FeedSizes, type ViewId } from '../views/view-id';
import { usePageDeps } from './deps';
import { useLiveQuery } from './use-live-query';
import { useSyncNow } from './use-sync-now';

/** The settings that decide which view a page opens on. */
export type ViewPrefs = Pick<Settings, 'defaultView' | 'liveFeeds'>;

/**
 * Everything a Paperboy page shows, live from the database: the chosen view's papers (or the
 * search results, when `searchIds` is given), the feeds' sizes (which pick the default view: index
 * counts only, on the first paint's path), the tabs' counts (read after), sync status, and the
 * sync control. Without a chosen view, the page opens on the user's default view.
 */
export function usePaperboy(chosen: ViewId | undefined, searchIds: string[] | undefined, prefs?: ViewPrefs) {
  const { db, now } = usePageDeps();
  const sizes = useLiveQuery<FeedSizes | undefined>(() => getFeedSizes(db), [db], undefined);
  const status = useLiveQuery<SyncStatus | undefined>(() => getSyncStatus(db), [db], undefined);
  const arxiv = useLiveQuery<ArxivStatus | undefined>(() => getArxivStatus(db), [db], undefined);
  const view = chosen ?? (sizes ? defaultView(sizes, prefs?.defaultView, prefs?.liveFeeds) : undefined);
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
  const empty = sizes !== undefined && Object.values(sizes).every((size) => size === 0);
  useEffect(() => {
    if (empty) void ensureBundled(db, now()).catch((error) => console.error('Paperboy: snapshot failed', error));
  }, [empty, db, now]);

  // After the papers: the tabs can wait for their numbers, the first paint should not.
  const loaded = papers !== undefined;
  const tabCounts = useLiveQuery<TabCounts | undefined>(() => (loaded ? getTabCounts(db) : Promise.resolve(undefined)), [db, loaded], undefined);

  return { sizes, tabCounts, status, arxiv, view, papers, ...useSyncNow(status) };
}
