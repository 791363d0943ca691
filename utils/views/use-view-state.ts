import { useCallback, useState } from 'preact/hooks';
import { DEFAULT_VIEW, parseViewState, viewStateToSearch, type ViewState } from './view-state';

/**
 * The page's view (feed, search, filters, sort). With `inUrl` it starts from the address's query
 * string and every change is written back with `history.replaceState`, so a view is bookmarkable
 * without piling up history entries.
 */
export function useViewState(inUrl: boolean): [ViewState, (change: Partial<ViewState>) => void] {
  const [state, setState] = useState<ViewState>(() => (inUrl ? parseViewState(location.search) : DEFAULT_VIEW));
  const update = useCallback(
    (change: Partial<ViewState>) => {
      setState((before) => {
        const next = { ...before, ...change };
        if (inUrl) history.replaceState(history.state, '', `${location.pathname}${viewStateToSearch(next)}${location.hash}`);
        return next;
      });
    },
    [inUrl],
  );
  return [state, update];
}
