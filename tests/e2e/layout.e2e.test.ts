import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badgeText, discard, launch, openPage, screenshot, waitFor, type Extension } from './browser';
import { POLL } from './config';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';
import { layoutProblems } from './page-checks';
import { dbRows, putUserState, syncNow } from './reliability-harness';

// Today: the 30 papers of 2026-06-12; trending: the 3 of 2026-08-03 and the 10 most upvoted of
// 06-12 (as in core.e2e.test.ts). Three more trending papers arrive after the first visit, so
// the next visit marks them New.
const daily = recordedItems('2026-06-12');
const trending = [...recordedItems('2026-08-03'), ...[...daily].sort((a, b) => b.paper.upvotes - a.paper.upvotes).slice(0, 10)];
const UNREAD_AT_START = new Set([...daily, ...trending].map((i) => i.paper.id)).size;
const arriving = trending.slice(0, 3).map((item, i) => {
  const title = `Arrived this morning ${i + 1}: ${item.title as string}`;
  return { ...item, title, paper: { ...item.paper, id: `2608.0000${i}`, title } };
});
const [t0, t1, t2] = trending.map((i) => i.paper.id);

const POPUP_WIDTHS = [300, 400, 800];
const NEWTAB_WIDTHS = [800, 1280, 2560];

const shownCount = (page: Page) => page.locator('[data-paper-id]').count();

describe('layouts in Chromium', () => {
  const server = new FixtureServer(jsonFeeds(daily, trending));
  let ext: Extension;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(async () => {
    server.route = jsonFeeds(daily, trending);
    ext = await launch();
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));
  });
  afterEach(() => discard(ext));

  /**
   * A morning: a visit to `page` yesterday, new papers since (synced from the options page, which
   * records no visit), one paper read, one saved, one hidden.
   */
  async function morning(page: 'popup' | 'newtab'): Promise<void> {
    const before = await openPage(ext, `${page}.html`);
    await expect.poll(async () => (await dbRows<{ key: string }>(before, 'meta')).some((row) => row.key === `last-visit:${page}`), POLL).toBe(true);
    await before.close();
    const options = await openPage(ext, 'options.html');
    server.route = jsonFeeds(daily, [...arriving, ...trending]);
    expect((await syncNow(options)).lastError).toBeUndefined();
    await putUserState(options, [
      { id: t0, readAt: Date.now() },
      { id: t1, savedAt: Date.now() },
      { id: t2, dismissedAt: Date.now() },
    ]);
    await options.close();
  }

  it('the popup holds from 300 to 800 px wide: nothing sticks out or overlaps, New markers included', async () => {
    await morning('popup');
    // One popup resized: each new visit would find the new papers seen.
    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    await expect.poll(() => popup.locator('[data-new="true"]').count(), POLL).toBe(arriving.length);
    expect(await popup.locator(`[data-paper-id="${t0}"]`).getAttribute('data-read')).toBe('true');
    await screenshot(popup, 'readme-popup');
    for (const width of POPUP_WIDTHS) {
      await popup.setViewportSize({ width, height: 600 });
      await screenshot(popup, `layout-popup-${width}`);
      expect(await layoutProblems(popup), `popup at ${width} px`).toEqual([]);
    }
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.setViewportSize({ width: 420, height: 600 });
    await screenshot(popup, 'readme-popup-dark');
  });

  it('the new tab holds from 800 to 2,560 px wide, as cards and as a list, light and dark', async () => {
    await morning('newtab');
    const newtab = await openPage(ext, 'newtab.html');
    await expect.poll(() => newtab.locator('[data-new="true"]').count(), POLL).toBe(arriving.length);
    await screenshot(newtab, 'readme-newtab');
    await newtab.emulateMedia({ colorScheme: 'dark' });
    await screenshot(newtab, 'readme-newtab-dark');
    await newtab.emulateMedia({ colorScheme: 'light' });
    // Every filter in view: the folded ones (upvotes, dates) too.
    await newtab.locator('.more-filters summary').click();
    for (const density of ['cards', 'list'] as const) {
      await newtab.locator(`[data-role="density"] input[value="${density}"]`).check();
      await expect.poll(() => newtab.locator(density === 'list' ? '.rows.list' : '.cards').count(), POLL).toBe(1);
      for (const width of NEWTAB_WIDTHS) {
        await newtab.setViewportSize({ width, height: 900 });
        await expect.poll(() => newtab.locator('[data-new="true"]').count(), POLL).toBe(arriving.length);
        await screenshot(newtab, `layout-newtab-${density}-${width}`);
        expect(await layoutProblems(newtab), `new tab, ${density}, ${width} px`).toEqual([]);
      }
      await newtab.emulateMedia({ colorScheme: 'dark' });
      await newtab.setViewportSize({ width: 1280, height: 900 });
      await screenshot(newtab, `layout-newtab-${density}-dark`);
      await newtab.emulateMedia({ colorScheme: 'light' });
    }
  });

  it('the list layout fits 20+ papers on a 1280×900 screen, and the choice stays for the next new tab', async () => {
    const newtab = await openPage(ext, 'newtab.html?feed=hf-daily', { width: 1280, height: 900 });
    await expect.poll(() => shownCount(newtab), POLL).toBe(daily.length);
    await newtab.locator('[data-role="density"] input[value="list"]').check();
    await expect.poll(() => newtab.locator('.rows.list [data-paper-id]').count(), POLL).toBe(daily.length);
    const onScreen = await newtab.locator('[data-paper-id]').evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().bottom <= window.innerHeight).length);
    expect(onScreen).toBeGreaterThanOrEqual(20);
    await screenshot(newtab, 'readme-newtab-list');
    const next = await openPage(ext, 'newtab.html?feed=hf-daily', { width: 1280, height: 900 });
    await expect.poll(() => next.locator('.rows.list [data-paper-id]').count(), POLL).toBe(daily.length);
    expect(await next.locator('.cards').count()).toBe(0);
    await Promise.all([newtab.close(), next.close()]);
  });

  it('the new tab draws cards far below its first screen brief, each listing and acting on its paper, and whole as the reader scrolls to them', async () => {
    const page = await openPage(ext, 'newtab.html?feed=hf-daily', { width: 1280, height: 900 });
    await expect.poll(() => shownCount(page), POLL).toBe(daily.length);
    const brief = page.locator('[data-paper-id][data-brief]');
    await expect.poll(() => brief.count(), POLL).toBeGreaterThan(0);
    // The first screen (3 × 3 cards at this size) is drawn whole, and the row below it once the
    // page has seen what is near the screen (an IntersectionObserver, after the first frame).
    const briefAmong = (n: number) => page.locator('.cards > [data-paper-id]').evaluateAll((cards, n) => cards.slice(0, n).filter((card) => card.hasAttribute('data-brief')).length, n);
    expect(await briefAmong(9)).toBe(0);
    await expect.poll(() => briefAmong(12), POLL).toBe(0);
    for (const card of await brief.all()) {
      expect(await card.locator('a[data-action="open"]').count()).toBe(1);
      expect(await card.locator('[data-action="toggle-read"]').count()).toBe(1);
      // Every control of the contract is there before the card comes near (architecture.md).
      expect(await card.locator('[data-action="save"]').count()).toBe(1);
      expect(await card.locator('[data-action="dismiss"]').count()).toBe(1);
      expect(await card.getAttribute('data-read')).toBe('false');
    }
    const last = page.locator(`[data-paper-id="${daily.at(-1)!.paper.id}"]`);
    expect(await last.getAttribute('data-brief')).toBe('');
    expect(await last.locator('.card-summary').count()).toBe(1);
    // Focus (Tab, a screen reader) draws a brief card whole and stays on the control it reached.
    const focused = page.locator(`[data-paper-id="${await brief.first().getAttribute('data-paper-id')}"]`);
    await focused.locator('[data-action="toggle-read"]').focus();
    await expect.poll(() => focused.getAttribute('data-brief'), POLL).toBeNull();
    expect(await focused.locator('.links').count()).toBe(1);
    expect(await focused.evaluate((card) => document.activeElement === card.querySelector('[data-action="toggle-read"]'))).toBe(true);
    // A brief card's read toggle works like a whole one's. (A click on a card selects it and
    // scrolls it into view, which draws the cards near it whole: the one clicked is picked, and
    // found brief, at the click.)
    const toggled = page.locator(`[data-paper-id="${await brief.last().getAttribute('data-paper-id')}"]`);
    expect(await toggled.locator('[data-action="toggle-read"]').evaluate((button: HTMLElement) => {
      const wasBrief = button.closest('[data-brief]') !== null;
      button.click();
      return wasBrief;
    })).toBe(true);
    await expect.poll(() => toggled.getAttribute('data-read'), POLL).toBe('true');
    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => last.getAttribute('data-brief'), POLL).toBeNull();
    expect(await last.locator('.links a').count()).toBeGreaterThan(0);
    await screenshot(page, 'newtab-scrolled-to-end');
    await page.close();
  });

  it('the options page reads in the pages’ own type, not the browser’s 75 % options style', async () => {
    const options = await openPage(ext, 'options.html', { width: 800, height: 900 });
    // The page's running text (hints inside panels are smaller on purpose).
    const intro = options.locator('.options-main');
    await expect.poll(() => intro.count(), POLL).toBe(1);
    const [font, root] = await intro.evaluate((el) => [getComputedStyle(el), getComputedStyle(document.documentElement)].map((s) => `${s.fontSize} ${s.fontFamily}`));
    expect(font).toBe(root);
    expect(font).toMatch(/^14px /);
    await screenshot(options, 'options');
    expect(await layoutProblems(options)).toEqual([]);
  });
});
