import { useMemo, useRef } from 'preact/hooks';
import { usePageDeps } from '../../utils/pages/deps';
import { useDensity } from '../../utils/pages/use-density';
import { useFeedRefresh } from '../../utils/pages/use-feed-refresh';
import { pinnedFirst, useDiscover } from '../../utils/pages/use-discover';
import { useNow } from '../../utils/pages/use-now';
import { usePaperboy } from '../../utils/pages/use-paperboy';
import { FIRST_CARDS, useProgressive } from '../../utils/pages/use-progressive';
import { MIN_QUERY_LENGTH, usePrepareOnIntent, useSearch } from '../../utils/search/use-search';
import { useLastVisit } from '../../utils/triage/use-last-visit';
import { useSettings } from '../../utils/settings/use-settings';
import { useTriage } from '../../utils/triage/use-triage';
import { useViewState } from '../../utils/views/use-view-state';
import { applyView, hasFilters, topKeywords } from '../../utils/views/view-state';

/** Everything the new tab shows and does: the view in the URL, search, data, layout, triage. */
export function useNewtab() {
  const { browser } = usePageDeps();
  const settings = useSettings();
  const [state, update] = useViewState(true);
  const searchRef = useRef<HTMLInputElement>(null);
  const search = useSearch(state.q, FIRST_CARDS);
  const searching = state.q.trim().length >= MIN_QUERY_LENGTH;
  // Best match first and nothing filtered: the first screen of results, as the search sent it
  // with the ids, shows before the rest is read.
  const data = usePaperboy(state.feed, searching ? (search.ids ?? []) : undefined, settings, !hasFilters(state) && state.sort === 'rank', searching ? search.head : undefined);
  usePrepareOnIntent(search.prepare);
  // Until the search has answered, its results are not "none".
  const papers = searching && !search.ids ? undefined : data.papers;
  const refresh = useFeedRefresh(searching ? undefined : data.view, data.status, data.arxiv);
  const discover = useDiscover(data.view, papers);
  // Papers a rule pins go first in every view.
  const shown = useMemo(() => pinnedFirst(applyView(papers ?? [], state), discover.effects), [papers, state, discover.effects]);
  const keywords = useMemo(() => topKeywords(papers ?? []), [papers]);
  const triage = useTriage(shown, () => searchRef.current?.focus());
  // Search results (up to 500) draw their first screen first; a feed (at most 100) draws whole.
  const cards = useProgressive(shown, state.q.trim(), searching ? FIRST_CARDS : Infinity);
  const [density, setDensity] = useDensity();
  const options = { url: browser.runtime.getURL('/options.html'), open: () => void browser.runtime.openOptionsPage() };
  return { state, update, searchRef, search, searching, ...data, papers, refresh, shown, cards, extras: discover.extras, keywords, triage, density, setDensity, lastVisit: useLastVisit('newtab', shown), now: useNow(), settings, options };
}
