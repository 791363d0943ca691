import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PaperboyDb } from '../../../utils/data/db';
import { applySync } from '../../../utils/data/feed-store';
import { markRead } from '../../../utils/data/user-state';
import { badgeText, refreshBadge } from '../../../utils/platform/badge';
import { parseDailyPapers } from '../../../utils/sync/sources/hf';
import { freshDb, recorded, T0 } from '../../support/harness';

const DAILY = recorded('2026-06-12'); // 30 items
const TRENDING = recorded('2026-08-03'); // 3 items
const parse = (items: unknown[]) => {
  const parsed = parseDailyPapers(items, 'https://hf.test');
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.papers;
};

let db: PaperboyDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

describe('badge', () => {
  it.each([
    [0, ''],
    [-3, ''],
    [Number.NaN, ''],
    [0.5, ''],
    [1, '1'],
    [5, '5'],
    [999, '999'],
    [1000, '999+'],
    [123_456, '999+'],
    [Number.POSITIVE_INFINITY, ''],
  ])('badgeText(%s) is %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
    expect(badgeText(count).length).toBeLessThanOrEqual(4);
  });

  it('refreshBadge shows the unread live count from the database', async () => {
    expect(await refreshBadge(db)).toBe('');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    await applySync(db, [{ feed: 'hf-daily', papers: parse(DAILY), skipped: 0 }, { feed: 'hf-trending', papers: parse(TRENDING), skipped: 0 }], { feeds: {} }, T0);
    expect(await refreshBadge(db)).toBe('33');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('33');
    await markRead(db, TRENDING.map((item) => item.paper.id), T0);
    await refreshBadge(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('30');
  });
});

