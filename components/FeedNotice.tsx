import { formatAgo, formatDay, formatDayRange, formatMonth } from '../utils/lib/format';
import { isoMonth, periodDays } from '../utils/sync/periods';
import { type SyncStatus } from '../utils/data/sync-status';
import { type ArxivStatus } from '../utils/data/arxiv-store';
import { arxivCategory, isPeriodFeed, type ViewId } from '../utils/views/view-id';
import { t, type MessageKey } from '../utils/lib/i18n';

interface Props {
  view: ViewId;
  status: SyncStatus | undefined;
  arxiv: ArxivStatus | undefined;
  now: number;
  busy?: boolean;
  /** The popup: only what its tab and status line do not already say. */
  brief?: boolean;
}

const LISTS: Partial<Record<ViewId, MessageKey>> = {
  saved: 'notice.saved',
  history: 'notice.history',
  hidden: 'notice.hidden',
  'for-you': 'notice.forYou',
  rising: 'notice.rising',
  'catch-up': 'notice.catchUp',
};

/** What Today shows: today's featured papers, or (before HF publishes today's) the latest day's, saying so. */
function dailyText(day: string | undefined, now: number): string | undefined {
  if (!day) return undefined;
  const today = new Date(now).toISOString().slice(0, 10);
  return t(day === today ? 'notice.featuredToday' : 'notice.latestDay', [formatDay(day)]);
}

/**
 * What a list is and how fresh, in words. The live feeds' freshness is the status line's ("Synced
 * 5 minutes ago"): one freshness line, never two that can disagree. Feeds fetched when opened say
 * their own, with their period as days.
 */
function describe({ view, status, arxiv, now, brief }: Props): string | undefined {
  const list = LISTS[view];
  if (list) return brief ? undefined : t(list);
  const category = arxivCategory(view);
  if (category !== undefined) {
    const fetchedAt = arxiv?.feeds[category]?.fetchedAt;
    return fetchedAt ? t('notice.arxivFetched', [category, formatAgo(fetchedAt, now)]) : t('notice.arxiv', [category]);
  }
  if (view === 'hf-daily') return dailyText(status?.feeds['hf-daily']?.day, now);
  if (isPeriodFeed(view)) {
    const fetchedAt = status?.feeds[view]?.fetchedAt;
    if (fetchedAt === undefined) return undefined;
    const { first, last } = periodDays(view, fetchedAt);
    const period = view === 'hf-week' ? formatDayRange(first, last) : t('notice.inMonth', [formatMonth(isoMonth(fetchedAt))]);
    return t('notice.featuredPeriod', [period, formatAgo(fetchedAt, now)]);
  }
  return brief ? undefined : t('notice.trending');
}

/** One line above the list saying what it is and how fresh it is. */
export function FeedNotice(props: Props) {
  if (props.view === 'bundled') {
    return (
      <p class="notice snapshot" data-role="snapshot-label">
        {t('notice.snapshot')}
      </p>
    );
  }
  const text = describe(props);
  if (!text && !props.busy) return null;
  return (
    <p class="notice" data-role="feed-freshness">
      {props.busy ? `${t('notice.fetching')} ` : ''}
      {text}
    </p>
  );
}
