import { describe, expect, it } from 'vitest';
import { isoMonth, isoWeek, periodDays, periodFeedStale, periodPath } from '../../../utils/sync/periods';

const at = (iso: string) => Date.parse(iso);

describe('isoWeek', () => {
  it.each([
    ['2026-06-12T10:00:00Z', '2026-W24'], // a Friday
    ['2026-06-08T00:00:00Z', '2026-W24'], // Monday starts the week
    ['2026-06-07T23:59:59Z', '2026-W23'], // Sunday ends the previous one
    ['2021-01-03T12:00:00Z', '2020-W53'], // early January can belong to last year's week 53
    ['2024-12-30T12:00:00Z', '2025-W01'], // late December can belong to next year's week 1
    ['2026-01-01T00:00:00Z', '2026-W01'], // a Thursday
  ])('%s is %s', (iso, week) => {
    expect(isoWeek(at(iso))).toBe(week);
  });
});

describe('periodDays', () => {
  it.each([
    ['hf-week', '2026-06-12T10:00:00Z', '2026-06-08', '2026-06-14'], // Friday: Monday to Sunday
    ['hf-week', '2026-06-08T00:00:00Z', '2026-06-08', '2026-06-14'], // Monday starts it
    ['hf-week', '2026-06-14T23:59:59Z', '2026-06-08', '2026-06-14'], // Sunday ends it
    ['hf-week', '2020-12-30T12:00:00Z', '2020-12-28', '2021-01-03'], // across a new year
    ['hf-month', '2026-06-12T10:00:00Z', '2026-06-01', '2026-06-30'],
    ['hf-month', '2024-02-10T00:00:00Z', '2024-02-01', '2024-02-29'], // a leap February
  ] as const)('%s at %s runs from %s to %s', (feed, iso, first, last) => {
    expect(periodDays(feed, at(iso))).toEqual({ first, last });
  });
});

describe('period feeds', () => {
  const now = at('2026-06-12T10:00:00Z');

  it('builds the HF query for a page of this week or this month', () => {
    expect(isoMonth(now)).toBe('2026-06');
    expect(periodPath('hf-week', now, 0)).toBe('/api/daily_papers?week=2026-W24&limit=100&p=0');
    expect(periodPath('hf-month', now, 2)).toBe('/api/daily_papers?month=2026-06&limit=100&p=2');
  });

  it('is stale when never fetched, older than an hour, or fetched in another period', () => {
    expect(periodFeedStale('hf-week', undefined, now)).toBe(true);
    expect(periodFeedStale('hf-week', now - 30 * 60_000, now)).toBe(false);
    expect(periodFeedStale('hf-week', now - 61 * 60_000, now)).toBe(true);
    const sunday = at('2026-06-07T23:50:00Z');
    const monday = at('2026-06-08T00:10:00Z');
    expect(periodFeedStale('hf-week', sunday, monday)).toBe(true);
    expect(periodFeedStale('hf-month', sunday, monday)).toBe(false);
    expect(periodFeedStale('hf-month', at('2026-05-31T23:50:00Z'), at('2026-06-01T00:05:00Z'))).toBe(true);
  });
});
