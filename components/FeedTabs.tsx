import type { FeedId } from '../utils/db';

interface Props {
  feeds: FeedId[];
  current: FeedId | undefined;
  labels: Record<FeedId, string>;
  counts: Partial<Record<FeedId, number>>;
  onSelect: (feed: FeedId) => void;
}

/** The feed switcher: Trending / Today / Snapshot. */
export function FeedTabs({ feeds, current, labels, counts, onSelect }: Props) {
  return (
    <nav class="tabs" role="tablist" aria-label="Feeds">
      {feeds.map((feed) => (
        <button
          type="button"
          role="tab"
          class="tab"
          key={feed}
          data-feed={feed}
          aria-selected={feed === current}
          onClick={() => onSelect(feed)}
        >
          {labels[feed]}
          {counts[feed] ? <span class="tab-count">{counts[feed]}</span> : null}
        </button>
      ))}
    </nav>
  );
}
