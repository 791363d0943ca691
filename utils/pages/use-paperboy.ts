import { useEffect, useRef } from 'preact/hooks';
import { dropBootPatches } from '../data/boot-patches';
import { ensureBundled } from '../data/bundled';
import { getPageData, type PageData } from '../data/page-data';
import { getPapersByIds, type PaperView } from '../data/papers';
import { patchBootCopies } from './boot/boot-copy-patch';
import type { ViewId } from '../views/view-id';
import { usePageDeps } from './deps';
import { useLiveQuery } from './use-live-query';
import { useSyncNow } from './use-sync-now';

/**
 * Everything a Paperboy page shows, live from the database: the chosen view's papers (or the
 * search results, when `searchIds` is given), counts, sync status, and the sync control. The
 * first screen is one query (data/page-data.ts).
 */
export function usePaperboy(chosen: ViewId | undefined, searchIds: string[] | undefined) {
  const { db, now } = usePageDeps();
  const data = useLiveQuery<PageData | undefined>(() => getPageData(db, chosen), [db, chosen], undefined);
  // The ids as one string: a new array with the same results does not re-run the query.
  const searchKey = searchIds?.join(' ');
  const found = useLiveQuery<PaperView[] | undefined>(
    () => (searchKey === undefined ? Promise.resolve(undefined) : getPapersByIds(db, searchKey.split(' ').filter(Boolean))),
    [db, searchKey],
    undefined,
  );
  const counts = data?.counts;

  // The background loads the snapshot on install; a page opened before it finishes does it too.
  const empty = counts !== undefined && Object.values(counts.sizes).every((size) => size === 0);
  useEffect(() => {
    if (empty) void ensureBundled(db, now()).catch((error) => console.error('Paperboy: snapshot failed', error));
  }, [empty, db, now]);

  // Changes made in the background reach the saved first screens here (user-state.ts).
  const patches = data?.bootPatches;
  const applied = useRef('');
  useEffect(() => {
    // Once each: a saved-count change applied twice would count twice.
    const key = JSON.stringify(patches ?? []);
    if (!patches?.length || key === applied.current) return;
    applied.current = key;
    for (const patch of patches) patchBootCopies(patch);
    void dropBootPatches(db, patches.length).catch((error) => console.error('Paperboy: boot copy patches kept', error));
  }, [patches, db]);

  const papers = searchKey !== undefined ? found : data?.papers;
  return { counts, status: data?.status, arxiv: data?.arxiv, view: data?.view, papers, ...useSyncNow(data?.status) };
}
