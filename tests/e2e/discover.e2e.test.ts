import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badgeText, discard, launch, openPage, readFlag, screenshot, waitFor, type Extension } from './browser';
import { POLL } from './config';
import { scrollThrough } from './page-checks';
import { putRows } from './reliability-harness';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';

// The worked-out views on the live fixture feeds: today = the 30 papers of 2026-06-12, trending =
// the 3 of 2026-08-03.
const daily = recordedItems('2026-06-12');
const trending = recordedItems('2026-08-03');
const UNREAD_AT_START = new Set([...daily, ...trending].map((item) => item.paper.id)).size;
const HOUR = 3_600_000;


const cardIds = (page: Page) => page.locator('[data-paper-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-paper-id')));
const reasons = (page: Page) => page.locator('[data-paper-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-reason')));
const sparklines = (page: Page) => page.locator('[data-paper-id] svg[data-role="sparkline"]').count();

describe('For you, Rising and Catch-up in Chromium', () => {
  const server = new FixtureServer(jsonFeeds(daily, trending));
  let ext: Extension;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(async () => {
    ext = await launch();
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));
  });
  afterEach(() => discard(ext));

  it('Rising lists the papers gaining upvotes fastest, each with its rate and a sparkline', async () => {
    const page = await openPage(ext, 'newtab.html?feed=hf-daily');
    await expect.poll(() => page.locator('[data-paper-id]').count(), POLL).toBe(daily.length);
    // Three papers counted by earlier syncs over the last six hours, rising at 40, 10 and 2 an hour.
    const now = Date.now();
    const [fast, middle, slow] = daily.map((item) => item.paper.id);
    const row = (id: string, perHour: number) => ({ id, lastAt: now - HOUR, upvotes: { t: [now - 6 * HOUR, now - 3 * HOUR, now - HOUR], v: [5, 5 + 3 * perHour, 5 + 5 * perHour] } });
    await putRows(page, 'history', [row(slow!, 2), row(fast!, 40), row(middle!, 10)]);

    await page.goto(page.url().replace('feed=hf-daily', 'feed=rising'));
    await expect.poll(() => cardIds(page), POLL).toEqual([fast, middle, slow]);
    expect(await reasons(page)).toEqual(['Rising: +40 upvotes an hour', 'Rising: +10 upvotes an hour', 'Rising: +2.0 upvotes an hour']);
    expect(await sparklines(page)).toBe(3);
    expect(await page.locator(`[data-paper-id="${fast}"] polyline`).count()).toBe(1);
    await screenshot(page, 'discover-rising');
  });

  it('For you ranks unread papers after a few reads, each card naming the read paper it is like', async () => {
    const page = await openPage(ext, 'newtab.html?feed=hf-daily');
    await expect.poll(() => page.locator('[data-paper-id]').count(), POLL).toBe(daily.length);
    const read = daily.slice(0, 3);
    for (const item of read) {
      await page.locator(`[data-paper-id="${item.paper.id}"] [data-action="toggle-read"]`).first().click();
      await expect.poll(() => readFlag(page, item.paper.id), POLL).toBe('true');
    }
    const readTitles = read.map((item) => item.title as string);

    await page.goto(page.url().replace('feed=hf-daily', 'feed=for-you'));
    // The first paint is the last view's copy (utils/pages/boot): wait for the ranked cards.
    await expect.poll(() => page.locator('[data-paper-id][data-reason]').count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-paper-id]:not([data-reason])').count(), POLL).toBe(0);
    const shown = await reasons(page);
    for (const reason of shown) {
      // The title, shortened with an ellipsis when long.
      const named = /^because you read “(.+)”/.exec(reason ?? '')?.[1]?.replace(/…$/, '') ?? '';
      expect(named.length, `reason: ${reason}`).toBeGreaterThan(10);
      expect(readTitles.some((title) => title.startsWith(named)), `reason: ${reason}`).toBe(true);
    }
    const ids = await cardIds(page);
    for (const item of read) expect(ids).not.toContain(item.paper.id);
    // Every paper a sync counted has its sparkline (the bundled snapshot's were never counted).
    const counted = ids.filter((id) => [...daily, ...trending].some((item) => item.paper.id === id));
    expect(counted.length).toBeGreaterThan(0);
    // Cards below the first screen show their sparklines once they come near it.
    await scrollThrough(page);
    await expect.poll(() => sparklines(page), POLL).toBe(counted.length);
    await screenshot(page, 'discover-for-you');
  });

  it('Catch-up marks all it lists read in one action, and Undo brings exactly those back', async () => {
    const page = await openPage(ext, 'newtab.html?feed=catch-up');
    await expect.poll(() => page.locator('[data-paper-id]').count(), POLL).toBeGreaterThan(0);
    const ids = (await cardIds(page)) as string[];
    await page.locator('[data-action="mark-all-read"]').click();
    await expect.poll(() => page.locator('[data-paper-id][data-read="false"]').count(), POLL).toBe(0);
    const liveLeft = [...new Set([...daily, ...trending].map((item) => item.paper.id))].filter((id) => !ids.includes(id)).length;
    await waitFor(() => badgeText(ext), liveLeft ? String(liveLeft) : '');
    await screenshot(page, 'discover-catch-up');
    await page.locator('[data-role="toast"] [data-action="undo"]').click();
    await expect.poll(() => page.locator('[data-paper-id][data-read="true"]').count(), POLL).toBe(0);
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));
  });

  it('a rule typed in Options previews its matches live, refuses a broken pattern, and pins its paper first in the view', async () => {
    // The last paper of today's list, by a word of its title no other stored title starts a word with.
    const target = daily[daily.length - 1]!;
    const word = (target.title as string).split(/[^A-Za-z]+/).find((w) => w.length >= 7)!;
    const options = await openPage(ext, 'options.html');
    const pattern = options.locator('[data-role="rule-pattern"]');
    await options.locator('[data-role="rule-regex"]').check();
    await pattern.fill('(unclosed');
    await expect.poll(() => options.locator('[data-role="rule-error"]').textContent(), POLL).toContain('Not a pattern');
    expect(await options.locator('[data-action="add-rule"]').isDisabled()).toBe(true);

    await options.locator('[data-role="rule-regex"]').uncheck();
    await pattern.fill(word);
    await expect.poll(() => options.locator('[data-role="rule-preview"] li').allTextContents(), POLL).toContain(target.title);
    await options.locator('[data-role="rule-effect"]').selectOption('pin');
    await options.locator('[data-action="add-rule"]').click();
    await expect.poll(() => options.locator('[data-role="rules"] li').count(), POLL).toBe(1);
    await screenshot(options, 'discover-rules-options');

    const page = await openPage(ext, 'newtab.html?feed=hf-daily');
    await expect.poll(async () => (await cardIds(page))[0], POLL).toBe(target.paper.id);
    expect(await page.locator(`[data-paper-id="${target.paper.id}"]`).getAttribute('data-rule-effect')).toBe('pin');
    await screenshot(page, 'discover-rule-pinned');
  });
});
