import { formatAgo, formatDay, formatDayRange, formatMonth } from '../utils/lib/format';
import { isoMonth, periodDays } from '../utils/sync/periods';
import { type SyncStatus } from '../utils/data/sync-status';
import { type ArxivStatus } from '../utils/data/arxiv-store';
import { arxivCategory, isPeriodFeed, type ViewId } from '../utils/views/view-id';

interface Props {
  view: ViewId;
  status: SyncStatus | undefined;
  arxiv: ArxivStatus | undefined;
  now: number;
  busy?: boolean;
  /** The popup: only what its tab and status line do not already say. */
  brief?: boolean;
}

const LISTS: Partial<Record<ViewId, string>> = {
  saved: 'Your saved papers, most recently saved first.',
  history: 'Papers you opened or marked read, most recent first.',
  hidden: 'Papers you hid as not interesting, most recent first. Restore brings one back to every list.',
  'for-you': 'Ranked on this device from what you read, save and hide; nothing leaves your browser.',
  rising: 'Gaining upvotes fastest over the last day, as Paperboy’s syncs counted them.',
  'catch-up': 'What trended while you were away, most upvoted first.',
};

/** What Today shows: today's featured papers, or (before HF publishes today's) the latest day's, saying so. */
function dailyText(day: string | undefined, now: number): string | undefined {
  if (!day) return undefined;
  const today = new Date(now).toISOString().slice(0, 10);
  return day === today ? `Featured today, ${formatDay(day)}` : `Latest featured day: ${formatDay(day)} (nothing featured today yet)`;
}

/**
 * What a list is and how fresh, in words. The live feeds' freshness is the status line's ("Synced
 * 5 minutes ago"): one freshness line, never two that can disagree. Feeds fetched when opened say
 * their own, with their period as days.
 */
function describe({ view, status, arxiv, now, brief }: Props): string | undefined {
  if (LISTS[view]) return brief ? undefined : LISTS[view];
  const category = arxivCategory(view);
  if (category !== undefined) {
    const fetchedAt = arxiv?.feeds[category]?.fetchedAt;
    return `Newest arXiv ${category} papers${fetchedAt ? ` · fetched ${formatAgo(fetchedAt, now)}` : ''}`;
  }
  if (view === 'hf-daily') return dailyText(status?.feeds['hf-daily']?.day, now);
  if (isPeriodFeed(view)) {
    const fetchedAt = status?.feeds[view]?.fetchedAt;
    if (fetchedAt === undefined) return undefined;
    const { first, last } = periodDays(view, fetchedAt);
    const period = view === 'hf-week' ? formatDayRange(first, last) : `in ${formatMonth(isoMonth(fetchedAt))}`;
    return `Featured ${period} · updated ${formatAgo(fetchedAt, now)}`;
  }
  return brief ? undefined : 'Trending on Hugging Face now';
}

/** One line above the list saying what it is and how fresh it is. */
export function FeedNotice(props: Props) {
  if (props.view === 'bundled') {
    return (
      <p class="notice snapshot" data-role="snapshot-label">
        Bundled snapshot: papers that were trending on Hugging Face when this version shipped (titles and abstracts only). Live papers replace it after the first sync.
      </p>
    );
  }
  const text = describe(props);
  if (!text && !props.busy) return null;
  return (
    <p class="notice" data-role="feed-freshness">
      {props.busy ? 'Fetching… ' : ''}
      {text}
    </p>
  );
}
