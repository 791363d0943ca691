import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badgeText, discard, launch, openPage, screenshot, waitFor, type Extension } from './browser';
import { EXTENSION_DIR, POLL } from './config';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';
import { axeViolations, layoutProblems } from './page-checks';

// Today: the 30 papers of 2026-06-12; trending: the 3 of 2026-08-03 (as in core.e2e.test.ts).
const daily = recordedItems('2026-06-12');
const trending = recordedItems('2026-08-03');
const UNREAD = new Set([...daily, ...trending].map((i) => i.paper.id)).size;

describe('Paperboy in German (Chromium started with a German UI)', () => {
  const server = new FixtureServer(jsonFeeds(daily, trending));
  let ext: Extension;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(async () => {
    ext = await launch(undefined, EXTENSION_DIR, 'de');
    await waitFor(() => badgeText(ext), String(UNREAD));
  });
  afterEach(() => discard(ext));

  it('the new tab, popup and options speak German, with German dates and numbers, and hold their layout', async () => {
    const newtab = await openPage(ext, 'newtab.html?feed=hf-daily', { width: 800, height: 900 });
    expect(await newtab.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^de/);
    await expect.poll(() => newtab.locator('[data-paper-id]').count(), POLL).toBe(daily.length);
    expect(await newtab.title()).toBe('Neuer Tab');
    expect(await newtab.locator('html').getAttribute('lang')).toBe('de');
    await expect.poll(() => newtab.locator('[data-action="sync"]').textContent(), POLL).toBe('Jetzt synchronisieren');
    expect(await newtab.locator('[data-feed="hf-trending"]').textContent()).toContain('Im Trend');
    expect(await newtab.locator('[data-role="sync-status"]').textContent()).toMatch(/^Synchronisiert (gerade eben|vor \d+ Minuten?)/);
    // Today's notice names the day the German way: "12. Juni 2026"-style, not "Jun 12, 2026".
    expect(await newtab.locator('[data-role="feed-freshness"]').textContent()).toMatch(/\d{1,2}\. (Jan|Feb|März|Apr|Mai|Juni|Juli|Aug|Sept|Okt|Nov|Dez)\S* \d{4}/);
    expect(await newtab.locator('[data-action="toggle-read"]').first().textContent()).toContain('Gelesen');
    await screenshot(newtab, 'i18n-de-newtab-800');
    expect(await layoutProblems(newtab), 'German new tab at 800 px').toEqual([]);
    expect(await axeViolations(newtab), 'German new tab').toEqual([]);
    await newtab.setViewportSize({ width: 1280, height: 900 });
    await screenshot(newtab, 'i18n-de-newtab-1280');
    expect(await layoutProblems(newtab), 'German new tab at 1280 px').toEqual([]);

    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    await expect.poll(() => popup.locator('[data-paper-id]').count(), POLL).toBeGreaterThan(0);
    expect(await popup.locator('[data-action="full-view"]').textContent()).toContain('Vollansicht');
    expect(await popup.locator('[data-role="search"]').getAttribute('placeholder')).toBe('Paper suchen (/)');
    await screenshot(popup, 'i18n-de-popup-420');
    expect(await layoutProblems(popup), 'German popup at 420 px').toEqual([]);
    expect(await axeViolations(popup), 'German popup').toEqual([]);

    const options = await openPage(ext, 'options.html');
    await expect.poll(() => options.locator('h1').textContent(), POLL).toBe('Paperboy-Einstellungen');
    expect(await options.locator('[data-action="export-backup"]').textContent()).toBe('Sicherung exportieren');
    // A German number (a decimal comma) and a day count in the retention choice.
    await expect.poll(() => options.locator('[data-role="persistence"]').textContent(), POLL).toMatch(/Belegt: \d+,\d MB\./);
    expect(await options.locator('[data-setting="keepUnreadDays"] option').allTextContents()).toEqual(expect.arrayContaining(['immer', '90 Tage']));
    await screenshot(options, 'i18n-de-options');
    expect(await axeViolations(options), 'German options').toEqual([]);
  });
});
