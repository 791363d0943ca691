import { formatAgo, formatDay, formatDayRange, formatMonth } from '../lib/format';
import { isoMonth, periodDays } from '../sync/periods';
import type { SyncStatus } from '../data/sync-status';
import type { ArxivStatus } from '../data/arxiv-store';
import { arxivCategory, isPeriodFeed, type ViewId } from '../views/view-id';
import { t, type MessageKey } from '../lib/i18n';

// The words of the line above a list (components/FeedNotice.tsx), pure: the popup's first screen
// drawn by the entry script (utils/pages/boot/popup-sketch.ts) says the same.

export interface FeedNoticeProps {
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
export function describeFeed({ view, status, arxiv, now, brief }: FeedNoticeProps): string | undefined {
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
