import { CATEGORY } from '../sync/sources/arxiv-category';
import { t, type MessageKey } from '../lib/i18n';
import { normaliseArxivId } from '../sync/sources/arxiv-id';
import { BUNDLED_FEED, LIVE_FEEDS, type BundledFeed, type FeedSizes, type LiveFeed } from './default-view';

export { BUNDLED_FEED, defaultView, feedSizesOf, isLiveFeed, LIVE_FEEDS, SIZED_FEEDS, type BundledFeed, type FeedSizes, type LiveFeed } from './default-view';

// Every list a page can show has an id with a small grammar (`hf-daily`, `saved`, `arxiv:cs.LG`).
// This module is the only one that knows it: it lists the ids, parses and prints them and names
// them. Everything else passes the typed value.


/** Hugging Face lists fetched on demand when opened: one ISO week, one calendar month. */
export const PERIOD_FEEDS = ['hf-week', 'hf-month'] as const;
export type PeriodFeed = (typeof PERIOD_FEEDS)[number];


/** An arXiv category feed, e.g. `arxiv:cs.LG`: fetched by pages, never by the background. */
export type ArxivFeed = `arxiv:${string}`;

/** A list stored in the `feeds` table: which papers the latest fetch of a source returned. */
export type FeedId = LiveFeed | PeriodFeed | BundledFeed | ArxivFeed;

/** The user's own lists, read from their state: saved papers, read history, hidden papers. */
export const USER_LISTS = ['saved', 'history', 'hidden'] as const;
export type UserList = (typeof USER_LISTS)[number];

/** Lists Paperboy works out on this device: ranked for the user, rising now, what trended while away. */
export const DISCOVER_VIEWS = ['for-you', 'rising', 'catch-up'] as const;
export type DiscoverView = (typeof DISCOVER_VIEWS)[number];

/** The papers one notification was about, by id: `matches:2606.13594,2606.12345`. */
export type MatchesView = `matches:${string}`;

/** Anything a page can list. */
export type ViewId = FeedId | UserList | MatchesView | DiscoverView;

const FIXED: readonly string[] = [...LIVE_FEEDS, ...PERIOD_FEEDS, BUNDLED_FEED, ...USER_LISTS, ...DISCOVER_VIEWS];
const ARXIV_PREFIX = 'arxiv:';
const MATCHES_PREFIX = 'matches:';
/** A notification lists at most this many papers; a longer address is not one Paperboy wrote. */
export const MAX_MATCHES = 100;

const LABELS: Record<Exclude<ViewId, ArxivFeed | MatchesView>, MessageKey> = {
  'hf-trending': 'views.hfTrending',
  'hf-daily': 'views.hfDaily',
  'hf-week': 'views.hfWeek',
  'hf-month': 'views.hfMonth',
  bundled: 'views.bundled',
  saved: 'views.saved',
  history: 'views.history',
  hidden: 'views.hidden',
  'for-you': 'views.forYou',
  rising: 'views.rising',
  'catch-up': 'views.catchUp',
};

/** The feed of one arXiv category: `arxiv:cs.LG`. */
export function arxivFeed(category: string): ArxivFeed {
  return `${ARXIV_PREFIX}${category}`;
}

/** The view of exactly these papers (a notification's matches). */
export function matchesView(ids: readonly string[]): MatchesView {
  return `${MATCHES_PREFIX}${ids.slice(0, MAX_MATCHES).join(',')}`;
}

export function isMatchesView(view: unknown): view is MatchesView {
  return typeof view === 'string' && view.startsWith(MATCHES_PREFIX);
}

/** The papers a matches view lists, or undefined for any other view. */
export function matchedIds(view: ViewId | undefined): string[] | undefined {
  return isMatchesView(view) ? view.slice(MATCHES_PREFIX.length).split(',') : undefined;
}

/** The category of an arXiv feed (`cs.LG`), or undefined for any other view. */
export function arxivCategory(view: ViewId | undefined): string | undefined {
  return view?.startsWith(ARXIV_PREFIX) ? view.slice(ARXIV_PREFIX.length) : undefined;
}

export function isDiscoverView(view: unknown): view is DiscoverView {
  return (DISCOVER_VIEWS as readonly unknown[]).includes(view);
}

export function isPeriodFeed(view: unknown): view is PeriodFeed {
  return (PERIOD_FEEDS as readonly unknown[]).includes(view);
}

/** One of the user's own lists (saved, history, hidden), rather than a feed. */
export function isUserList(view: ViewId): view is UserList {
  return (USER_LISTS as readonly string[]).includes(view);
}

/** Fetched when opened (a period or an arXiv feed), rather than by the background sync. */
export function isOnDemand(view: ViewId): boolean {
  return isPeriodFeed(view) || arxivCategory(view) !== undefined;
}

/** Reads a view id from text (a URL parameter); anything else is undefined. */
export function parseViewId(text: string): ViewId | undefined {
  if (FIXED.includes(text)) return text as ViewId;
  if (isMatchesView(text)) {
    const ids = text.slice(MATCHES_PREFIX.length).split(',');
    return ids.length <= MAX_MATCHES && ids.every((id) => normaliseArxivId(id) === id) ? matchesView(ids) : undefined;
  }
  const category = text.startsWith(ARXIV_PREFIX) ? text.slice(ARXIV_PREFIX.length) : undefined;
  return category !== undefined && CATEGORY.test(category) ? arxivFeed(category) : undefined;
}

/** A tab's label: fixed views by name, arXiv feeds by category (`cs.LG`). */
export function viewLabel(view: ViewId): string {
  if (isMatchesView(view)) return t('views.matches');
  return arxivCategory(view) ?? t(LABELS[view as Exclude<ViewId, ArxivFeed | MatchesView>]);
}


/**
 * The tabs: the live feeds the user keeps, the snapshot only until a live feed has papers, then
 * the rest; the view on screen always has its tab. The popup (`compact`) keeps Saved and Hidden:
 * a paper hidden there can be found there.
 */
export function visibleViews(sizes: FeedSizes, categories: readonly string[], compact: boolean, kept: readonly LiveFeed[] = LIVE_FEEDS, current?: ViewId): ViewId[] {
  const live = kept.some((feed) => sizes[feed] > 0);
  const feeds: ViewId[] = live ? [...kept] : [...kept, BUNDLED_FEED];
  const views: ViewId[] = compact ? [...feeds, 'saved', 'hidden'] : [...feeds, ...DISCOVER_VIEWS, ...PERIOD_FEEDS, 'saved', 'history', ...categories.map(arxivFeed), 'hidden'];
  return current && !views.includes(current) ? [...views, current] : views;
}
