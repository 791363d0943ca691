import { countOf, formatCount } from '../utils/lib/format';
import type { TabCounts } from '../utils/data/view-counts';
import { isUserList, type ViewId } from '../utils/views/view-id';
import { tabId } from './tab-attributes';
import { t } from '../utils/lib/i18n';

interface Props {
  views: ViewId[];
  current: ViewId | undefined;
  label: (view: ViewId) => string;
  counts: TabCounts | undefined;
  onSelect: (view: ViewId) => void;
  /** Searching spans every stored paper: no tab is the current list then. */
  dimmed?: boolean;
  /** The id of the list the tabs switch (`aria-controls`). */
  panel: string;
}

export { panelAttributes, tabId } from './tab-attributes';

/** What a tab's number means, in words: unread papers in a feed, papers in a list. */
function countText(view: ViewId, n: number): string {
  return !isUserList(view) ? t('tabs.unread', [formatCount(n)]) : countOf(n, 'tabs.papers');
}

/**
 * The view switcher (Trending / Today / … / Saved / History / Hidden): an ARIA tab list, one Tab
 * stop, the arrow keys (and Home / End) move between tabs and open the one they reach.
 */
export function FeedTabs({ views, current, label, counts, onSelect, dimmed, panel }: Props) {
  const active = dimmed ? undefined : current;
  const focusable = views.includes(active as ViewId) ? active : views[0];
  function onKeyDown(event: KeyboardEvent) {
    const at = views.indexOf((event.target as HTMLElement).dataset.feed as ViewId);
    if (at < 0) return;
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: views.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const view = views[(to + views.length) % views.length]!;
    onSelect(view);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#${tabId(view)}`)?.focus();
  }
  return (
    <div class={`tabs ${dimmed ? 'dimmed' : ''}`} role="tablist" aria-label={t('tabs.lists')} onKeyDown={onKeyDown}>
      {views.map((view) => {
        const n = counts?.[view];
        return (
          <button
            type="button"
            role="tab"
            class="tab"
            id={tabId(view)}
            key={view}
            data-feed={view}
            aria-selected={view === active}
            aria-controls={view === active ? panel : undefined}
            tabIndex={view === focusable ? 0 : -1}
            onClick={() => onSelect(view)}
          >
            {label(view)}
            {n ? (
              <span class="tab-count" title={countText(view, n)}>
                <span aria-hidden="true">{n}</span>
                <span class="sr-only">, {countText(view, n)}</span>
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
