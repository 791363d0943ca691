import { describe, expect, it } from 'vitest';
import { countOf, formatAgo, formatDayRange, formatMonth } from '../../../utils/lib/format';

const MINUTE = 60_000;

describe('formatAgo', () => {
  const now = Date.parse('2026-06-12T10:00:00Z');

  it('says how long ago, in words', () => {
    expect(formatAgo(now - 10_000, now)).toBe('just now');
    expect(formatAgo(now - 5 * MINUTE, now)).toBe('5 minutes ago');
    expect(formatAgo(now - 3 * 60 * MINUTE, now)).toBe('3 hours ago');
    expect(formatAgo(now - 26 * 60 * MINUTE, now)).toBe('yesterday');
  });

  it('never puts a fetch in the future: the page clock ticks once a minute, so a fetch after its tick is "just now"', () => {
    expect(formatAgo(now + 59_000, now)).toBe('just now');
    expect(formatAgo(now + 5 * MINUTE, now)).toBe('just now');
  });
});

describe('dates and counts', () => {
  it('shows a week as a range of days and a month by name', () => {
    // The browser's locale decides the shape; the test runs in English.
    expect(formatDayRange('2026-06-08', '2026-06-14')).toMatch(/^Jun 8\s*–\s*14, 2026$/);
    expect(formatDayRange('2020-12-28', '2021-01-03')).toMatch(/^Dec 28, 2020\s*–\s*Jan 3, 2021$/);
    expect(formatMonth('2026-06')).toBe('June 2026');
  });

  it('puts a noun in the form its count needs', () => {
    const matches = 'search.matches';
    expect(countOf(0, matches)).toBe('0 matches');
    expect(countOf(1, matches)).toBe('1 match');
    expect(countOf(18, matches)).toBe('18 matches');
    expect(countOf(1234, matches)).toBe('1,234 matches');
  });
});
