import { useEffect, useState } from 'preact/hooks';
import { HF_ORIGIN } from '../platform/config';
import { db } from '../data/db';
import { requestSyncNow } from '../sync/messages';
import { getFeed, getFeedSizes, getSyncStatus, type PaperView, type SyncStatus } from '../data/papers';
import { requestHostAccess } from '../platform/permissions';
import { ensureSnapshot } from '../data/bundled';
import { countFeed, countSaved, getArxivStatus, getHistory, getPapersByIds, getSaved, type ArxivStatus } from '../data/lists';
import { useLiveQuery } from './use-live-query';
import { defaultView, PERIOD_FEEDS, type FeedSizes, type ViewId } from '../views/view-id';

export interface Counts {
  sizes: FeedSizes;
  saved: number;
  extra: Partial<Record<ViewId, number>>;
}

async function getCounts(): Promise<Counts> {
  const [sizes, saved, ...periods] = await Promise.all([getFeedSizes(db), countSaved(db), ...PERIOD_FEEDS.map((feed) => countFeed(db, feed))]);
  const extra: Partial<Record<ViewId, number>> = { ...sizes, saved };
  PERIOD_FEEDS.forEach((feed, i) => (extra[feed] = periods[i]));
  return { sizes, saved, extra };
}

function listFor(view: ViewId, searchIds: string[] | undefined): Promise<PaperView[]> {
  if (searchIds) return getPapersByIds(db, searchIds);
  if (view === 'saved') return getSaved(db);
  if (view === 'history') return getHistory(db);
  return getFeed(db, view);
}

/**
 * Everything a Paperboy page shows, live from the database: the chosen view's papers (or the
 * search results, when `searchIds` is given), counts, sync status, and the sync control.
 */
export function usePaperboy(chosen: ViewId | undefined, searchIds: string[] | undefined) {
  const counts = useLiveQuery<Counts | undefined>(getCounts, [], undefined);
  const status = useLiveQuery<SyncStatus | undefined>(() => getSyncStatus(db), [], undefined);
  const arxiv = useLiveQuery<ArxivStatus | undefined>(() => getArxivStatus(db), [], undefined);
  const [syncing, setSyncing] = useState(false);
  const [syncError, setSyncError] = useState<string | undefined>(undefined);
  const view = chosen ?? (counts ? defaultView(counts.sizes) : undefined);
  // The ids as one string: a new array with the same results does not re-run the query.
  const searchKey = searchIds?.join(' ');
  const papers = useLiveQuery<PaperView[] | undefined>(
    () => (view ? listFor(view, searchKey === undefined ? undefined : searchKey.split(' ').filter(Boolean)) : Promise.resolve(undefined)),
    [view, searchKey],
    undefined,
  );

  // The worker loads the snapshot on install; a page opened before it finishes does it too.
  const sizes = counts?.sizes;
  const empty = sizes !== undefined && Object.values(sizes).every((size) => size === 0);
  useEffect(() => {
    if (empty) void ensureSnapshot(db).catch((error) => console.error('Paperboy: snapshot failed', error));
  }, [empty]);

  // A newer outcome in the database (the worker finished or resumed the sync) supersedes a
  // request that failed on its way to the worker.
  useEffect(() => setSyncError(undefined), [status]);

  async function syncNow() {
    // First, inside the click: the user may have withdrawn the site permission since install.
    const access = requestHostAccess(HF_ORIGIN);
    setSyncing(true);
    setSyncError(undefined);
    try {
      const allowed = await access;
      if (!allowed.granted) {
        setSyncError(allowed.message);
        return;
      }
      await requestSyncNow();
    } catch {
      // Mostly the worker was stopped before it answered (Chrome does that): the sync it began is
      // marked unfinished in the database and runs again when the worker next wakes; any other
      // failure is retried by the next alarm.
      setSyncError('The sync was interrupted; Paperboy retries it the next time it wakes up');
    } finally {
      setSyncing(false);
    }
  }

  return { counts, status, arxiv, view, papers, syncing, syncError, syncNow };
}
