import { type PaperView } from '../data/papers';
import { parseViewId, type ViewId } from './view-id';

export type SortKey = 'rank' | 'upvotes' | 'newest';

/** Everything that decides which papers a page lists, in which order. Kept in the URL. */
export interface ViewState {
  /** Undefined: the default feed (trending once synced). */
  feed?: ViewId;
  /** Search text: searches everything stored, not just the feed. */
  q: string;
  keyword?: string;
  code: boolean;
  minUpvotes?: number;
  /** Inclusive `YYYY-MM-DD` bounds on the paper's date. */
  from?: string;
  to?: string;
  unread: boolean;
  sort: SortKey;
}

export const DEFAULT_VIEW: ViewState = { q: '', code: false, unread: false, sort: 'rank' };

const SORTS: readonly SortKey[] = ['rank', 'upvotes', 'newest'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a view from a query string (`?feed=hf-daily&q=diffusion&code=1`); bad values are ignored. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const feed = params.get('feed') ?? '';
  const sort = params.get('sort') ?? '';
  const min = Number(params.get('min'));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const keyword = params.get('kw')?.trim().slice(0, 80);
  return {
    ...DEFAULT_VIEW,
    feed: parseViewId(feed),
    q: (params.get('q') ?? '').slice(0, 200),
    keyword: keyword || undefined,
    code: params.get('code') === '1',
    minUpvotes: Number.isInteger(min) && min > 0 ? min : undefined,
    from: DAY.test(from) ? from : undefined,
    to: DAY.test(to) ? to : undefined,
    unread: params.get('unread') === '1',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as SortKey) : 'rank',
  };
}

/** The query string for a view: only what differs from the default, in a stable order. */
export function viewStateToSearch(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.feed) params.set('feed', state.feed);
  if (state.q) params.set('q', state.q);
  if (state.keyword) params.set('kw', state.keyword);
  if (state.code) params.set('code', '1');
  if (state.minUpvotes) params.set('min', String(state.minUpvotes));
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.unread) params.set('unread', '1');
  if (state.sort !== 'rank') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when any filter (not the search text or the sort) narrows the list. */
export function hasFilters(state: ViewState): boolean {
  return Boolean(state.keyword || state.code || state.minUpvotes || state.from || state.to || state.unread);
}

/** A paper's day for date filters and "newest": its arXiv date, else the day HF featured it. */
export function paperDay(view: PaperView): string | undefined {
  const { publishedAt, featuredOn } = view.paper;
  return publishedAt !== undefined ? new Date(publishedAt).toISOString().slice(0, 10) : featuredOn;
}

function paperTime(view: PaperView): number {
  const { publishedAt, featuredOn } = view.paper;
  return publishedAt ?? (featuredOn ? Date.parse(`${featuredOn}T00:00:00Z`) : Number.NEGATIVE_INFINITY);
}

/** Keeps the papers that pass every filter of the view. */
export function filterViews(views: readonly PaperView[], state: ViewState): PaperView[] {
  const keyword = state.keyword?.toLowerCase();
  return views.filter((view) => {
    const { paper } = view;
    if (state.unread && view.state?.readAt) return false;
    if (state.code && !paper.links.code) return false;
    if (state.minUpvotes && (paper.upvotes ?? 0) < state.minUpvotes) return false;
    if (keyword && !paper.aiKeywords?.some((k) => k.toLowerCase() === keyword)) return false;
    if (state.from || state.to) {
      const day = paperDay(view);
      if (!day || (state.from && day < state.from) || (state.to && day > state.to)) return false;
    }
    return true;
  });
}

/** Orders papers: feed rank (or search relevance), upvotes, or newest first. Stable on ties. */
export function sortViews(views: readonly PaperView[], sort: SortKey): PaperView[] {
  const sorted = [...views];
  if (sort === 'rank') return sorted.sort((a, b) => a.rank - b.rank);
  if (sort === 'upvotes') return sorted.sort((a, b) => (b.paper.upvotes ?? -1) - (a.paper.upvotes ?? -1) || a.rank - b.rank);
  return sorted.sort((a, b) => paperTime(b) - paperTime(a) || a.rank - b.rank);
}

/** Filters, then sorts: the list a page shows. */
export function applyView(views: readonly PaperView[], state: ViewState): PaperView[] {
  return sortViews(filterViews(views, state), state.sort);
}

/** The most frequent AI keywords in a list, for the topic filter: most common first. */
export function topKeywords(views: readonly PaperView[], limit = 40): { keyword: string; count: number }[] {
  const counts = new Map<string, { keyword: string; key: string; count: number }>();
  for (const { paper } of views) {
    for (const keyword of paper.aiKeywords ?? []) {
      const key = keyword.toLowerCase();
      const entry = counts.get(key) ?? { keyword, key, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  // Ties in a fixed order, by the lower-cased keyword's code points: `localeCompare` without a
  // collator built one per call, 3 to 4 ms of a first render's 25 (a CPU profile of it, 8 loads).
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || byKey(a, b))
    .slice(0, limit)
    .map(({ keyword, count }) => ({ keyword, count }));
}
