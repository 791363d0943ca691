import type { PeriodFeed } from '../views/view-id';

/** An on-demand copy older than this is fetched again when its feed is opened. */
export const PERIOD_FEED_MAX_AGE_MS = 60 * 60_000;

/** Pages fetched at most per feed (HF's `limit` is at most 100 a page). */
export const PERIOD_PAGE_SIZE = 100;
export const PERIOD_MAX_PAGES: Record<PeriodFeed, number> = { 'hf-week': 3, 'hf-month': 10 };

const DAY_MS = 86_400_000;

/** The ISO-8601 week of a time, in UTC: `2026-W24`. Thursday decides the year. */
export function isoWeek(ms: number): string {
  const date = new Date(ms);
  const day = (date.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The calendar month of a time, in UTC: `2026-06`. */
export function isoMonth(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The period a feed shows at a time: `2026-W24` or `2026-06`. */
export function periodOf(feed: PeriodFeed, ms: number): string {
  return feed === 'hf-week' ? isoWeek(ms) : isoMonth(ms);
}

/** The first and last day (`YYYY-MM-DD`, UTC) of the period a feed shows at a time. */
export function periodDays(feed: PeriodFeed, ms: number): { first: string; last: string } {
  const date = new Date(ms);
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (feed === 'hf-month') return { first: day(Date.UTC(y, m, 1)), last: day(Date.UTC(y, m + 1, 0)) };
  const monday = Date.UTC(y, m, d - ((date.getUTCDay() + 6) % 7));
  return { first: day(monday), last: day(monday + 6 * DAY_MS) };
}

/** The `/api/daily_papers` path of one page of a period feed. */
export function periodPath(feed: PeriodFeed, now: number, page: number): string {
  const param = feed === 'hf-week' ? 'week' : 'month';
  return `/api/daily_papers?${param}=${periodOf(feed, now)}&limit=${PERIOD_PAGE_SIZE}&p=${page}`;
}

/** True when a period feed should be fetched: never fetched, older than an hour, or another period. */
export function periodFeedStale(feed: PeriodFeed, fetchedAt: number | undefined, now: number): boolean {
  if (fetchedAt === undefined) return true;
  return now - fetchedAt > PERIOD_FEED_MAX_AGE_MS || periodOf(feed, fetchedAt) !== periodOf(feed, now);
}
