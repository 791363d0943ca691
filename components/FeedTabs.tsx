import type { ViewId } from '../utils/views/view-id';

interface Props {
  views: ViewId[];
  current: ViewId | undefined;
  label: (view: ViewId) => string;
  counts: Partial<Record<ViewId, number>>;
  onSelect: (view: ViewId) => void;
  /** Searching spans every stored paper: no tab is the current list then. */
  dimmed?: boolean;
}

/** The view switcher: Trending / Today / This week / This month / Saved / Read / arXiv feeds. */
export function FeedTabs({ views, current, label, counts, onSelect, dimmed }: Props) {
  return (
    <nav class={`tabs ${dimmed ? 'dimmed' : ''}`} role="tablist" aria-label="Feeds">
      {views.map((view) => (
        <button
          type="button"
          role="tab"
          class="tab"
          key={view}
          data-feed={view}
          aria-selected={!dimmed && view === current}
          onClick={() => onSelect(view)}
        >
          {label(view)}
          {counts[view] ? <span class="tab-count">{counts[view]}</span> : null}
        </button>
      ))}
    </nav>
  );
}
