import { useEffect, useRef } from 'preact/hooks';
import { dropBootPatches } from '../data/boot-patches';
import { ensureBundled } from '../data/bundled';
import type { PaperboyDb } from '../data/db';
import { getPageData, takeReadAhead, type PageData, type ViewPrefs } from '../data/page-data';
import { getSearchResults, type PaperView } from '../data/papers';
import { getTabCounts, type TabCounts } from '../data/view-counts';
import { FIRST_CARDS } from './use-progressive';
import { patchBootCopies } from './boot/boot-copy-patch';
import { isLiveFeed, type ViewId } from '../views/view-id';
import { usePageDeps } from './deps';
import { useLiveQuery } from './use-live-query';
import { useSyncNow } from './use-sync-now';

/**
 * Everything a Paperboy page shows, live from the database: the chosen view's papers (or the
 * search results, when `searchIds` is given), the feeds' sizes (which pick the default view),
 * sync status, and the sync control: the first screen is one query (data/page-data.ts); the tabs'
 * counts are read after it. With `firstScreen` (no filter, best match first), search results
 * show their first screen before all of them are read (`results: 'first'`); `searchHead`, the
 * search's own read of that first screen, spares the page its read.
 */
export function usePaperboy(chosen: ViewId | undefined, searchIds: string[] | undefined, prefs?: ViewPrefs, firstScreen = false, searchHead?: PaperView[]) {
  const { db, now } = usePageDeps();
  // Without a chosen view, the page opens on the user's default view among the feeds they keep.
  // As values: settings that load again unchanged do not re-run the query.
  const preferred = prefs?.defaultView;
  const kept = prefs?.liveFeeds.join(' ');
  const data = useLiveQuery<PageData | undefined>(
    () => getPageData(db, now(), chosen, viewPrefs(preferred, kept)),
    [db, now, chosen, preferred, kept],
    // A first screen the page's start read ahead (a visit with no boot copy) is drawn at once.
    () => takeReadAhead(chosen, viewPrefs(preferred, kept)),
  );
  const { found, results } = useSearchResults(searchIds, firstScreen, searchHead);
  const sizes = data?.sizes;

  // The background loads the snapshot on install; a page opened before it finishes does it too.
  const empty = sizes !== undefined && Object.values(sizes).every((size) => size === 0);
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

  const papers = searchIds !== undefined ? found : data?.papers;
  // After the first papers: the tabs can wait for their numbers, the first paint should not.
  // Once: a search has no papers until it answers, and reading the counts again as its answer
  // came in put a read of every feed on the first results' path (and blanked the tabs' numbers).
  const shown = useRef(false);
  if (papers !== undefined) shown.current = true;
  const loaded = shown.current;
  const tabCounts = useLiveQuery<TabCounts | undefined>(() => (loaded ? getTabCounts(db) : Promise.resolve(undefined)), [db, loaded], undefined);
  const status = data?.status;
  return { sizes, tabCounts, status, arxiv: data?.arxiv, view: data?.view, papers, results, ...useSyncNow(status) };
}

/** The view settings again from their values (the default view, and the feeds kept as one string). */
const viewPrefs = (preferred: ViewPrefs['defaultView'] | undefined, kept: string | undefined): ViewPrefs | undefined =>
  preferred && kept !== undefined ? { defaultView: preferred, liveFeeds: kept.split(' ').filter(isLiveFeed) } : undefined;

/** Which search results `papers` are: all of the current ones, their first screen, or the last query's. */
export type ResultsRead = 'whole' | 'first' | 'stale';

type Keyed = { key: string; papers: PaperView[] } | undefined;

const readResults = async (db: PaperboyDb, key: string | undefined): Promise<Keyed> =>
  key === undefined ? undefined : { key, papers: await getSearchResults(db, key.split(' ').filter(Boolean)) };

/**
 * Search results in two reads: their first screen (a few papers, fast), and all of them (up to
 * 500: the filters, the counts and the cards below). Each is tagged with the ids it is for; until
 * the current ones are read, the last results stay (`stale`).
 */
function useSearchResults(searchIds: string[] | undefined, firstScreen: boolean, given?: PaperView[]): { found: PaperView[] | undefined; results: ResultsRead } {
  const { db } = usePageDeps();
  // The ids as one string: a new array with the same results does not re-run the query.
  const allKey = searchIds?.join(' ');
  const headKey = firstScreen ? searchIds?.slice(0, FIRST_CARDS).join(' ') : undefined;
  // The first screen as the search read it with these ids, or as read here.
  const sent = given !== undefined && headKey !== undefined;
  const read = useLiveQuery<Keyed>(() => readResults(db, sent ? undefined : headKey), [db, headKey, sent], undefined);
  const head = sent ? { key: headKey, papers: given } : read;
  // All of them once the first screen is read, so the two reads do not compete; until then the
  // last results stay.
  const lastKey = useRef<string | undefined>(undefined);
  if (allKey === undefined || headKey === undefined || head?.key === headKey) lastKey.current = allKey;
  const wholeKey = lastKey.current;
  const whole = useLiveQuery<Keyed>(() => readResults(db, wholeKey), [db, wholeKey], undefined);
  if (allKey === undefined) return { found: undefined, results: 'whole' };
  if (whole?.key === allKey) return { found: whole.papers, results: 'whole' };
  if (headKey !== undefined && head?.key === headKey) return { found: head.papers, results: 'first' };
  return { found: whole?.papers, results: 'stale' };
}
