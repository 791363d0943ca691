import { useEffect, useState } from 'preact/hooks';
import { HF_ORIGIN } from './config';
import { db, type FeedId } from './db';
import { requestSyncNow } from './messages';
import { getFeed, getFeedSizes, getSyncStatus, type PaperView, type SyncStatus } from './papers';
import { requestHostAccess } from './permissions';
import { ensureSnapshot } from './snapshot';
import { useLiveQuery } from './use-live-query';

export const FEED_LABELS: Record<FeedId, string> = {
  'hf-trending': 'Trending',
  'hf-daily': 'Today',
  bundled: 'Snapshot',
};

/** The live feeds win once they hold papers; the bundled snapshot is the first-run fallback. */
export function defaultFeed(sizes: Record<FeedId, number>): FeedId {
  if (sizes['hf-trending'] > 0) return 'hf-trending';
  if (sizes['hf-daily'] > 0) return 'hf-daily';
  return 'bundled';
}

/** Feeds worth a tab: live feeds always, the snapshot only until a live feed has papers. */
export function visibleFeeds(sizes: Record<FeedId, number>): FeedId[] {
  const live = sizes['hf-trending'] + sizes['hf-daily'] > 0;
  return live ? ['hf-trending', 'hf-daily'] : ['hf-trending', 'hf-daily', 'bundled'];
}

/** Everything a Paperboy page shows, live from the database, plus the sync control. */
export function usePaperboy(limit?: number) {
  const sizes = useLiveQuery(() => getFeedSizes(db), [], undefined);
  const status = useLiveQuery<SyncStatus | undefined>(() => getSyncStatus(db), [], undefined);
  const [chosen, setChosen] = useState<FeedId | undefined>(undefined);
  const [syncing, setSyncing] = useState(false);
  const [syncError, setSyncError] = useState<string | undefined>(undefined);
  const feed = chosen ?? (sizes ? defaultFeed(sizes) : undefined);
  const papers = useLiveQuery<PaperView[] | undefined>(
    () => (feed ? getFeed(db, feed, limit) : Promise.resolve(undefined)),
    [feed, limit],
    undefined,
  );

  // The worker loads the snapshot on install; a page opened before it finishes does it too.
  const empty = sizes !== undefined && sizes.bundled + sizes['hf-daily'] + sizes['hf-trending'] === 0;
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

  return { sizes, status, feed, setFeed: setChosen, papers, syncing, syncError, syncNow };
}
