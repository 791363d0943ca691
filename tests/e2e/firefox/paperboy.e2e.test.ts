import { rmSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FixtureServer, jsonFeeds, recordedItems, type Reply, type Route } from '../fixture-server';
import { FIREFOX_FIXTURE_PORT } from './config';
import { badgeText, count, installPaperboy, launch, newProfile, openPage, paperIds, readFlag, screenshot, text, WAIT } from './firefox';

// Each test has its own profile, its own fixture server and its own Firefox, so any one runs
// alone or in any order. Today's list: the 30 papers featured on 2026-06-12. Trending: the 3 of
// 2026-08-03 and the 10 most upvoted of 06-12, so the live feeds overlap and the badge must
// deduplicate (as in the Chromium suite).
const daily = recordedItems('2026-06-12');
const trending = [...recordedItems('2026-08-03'), ...[...daily].sort((a, b) => b.paper.upvotes - a.paper.upvotes).slice(0, 10)];
const trendingIds = trending.map((item) => item.paper.id);
const UNREAD_AT_START = new Set([...daily, ...trending].map((item) => item.paper.id)).size; // 33
const SNAPSHOT_SIZE = 88;
const POPUP = { width: 420, height: 600 };

/** A fresh profile and Firefox, closed and removed when the test ends. */
async function freshFirefox(): Promise<{ browser: Browser; profile: string }> {
  const profile = newProfile();
  const session: { browser?: Browser } = {};
  onTestFinished(async () => {
    if (session.browser?.connected) await session.browser.close();
    rmSync(profile, { recursive: true, force: true });
  });
  session.browser = await launch(profile);
  return { browser: session.browser, profile };
}

/** A fixture server standing in for Hugging Face, then a fresh Firefox. */
async function start(route: Route = jsonFeeds(daily, trending)) {
  const server = new FixtureServer(route, FIREFOX_FIXTURE_PORT);
  onTestFinished(() => server.stop());
  await server.start();
  return { server, ...(await freshFirefox()) };
}

describe('Paperboy end to end in Firefox', () => {
  it('syncs on install from an origin with a port: the recorded papers replace the snapshot', async () => {
    const { browser, server } = await start();
    expect(server.apiRequests()).toEqual([]);

    await installPaperboy(browser);
    const newtab = await openPage(browser, 'newtab.html');
    await expect.poll(() => paperIds(newtab), WAIT).toEqual(trendingIds);
    const api = server.apiRequests().map((url) => url.search);
    expect(api).toContain('?limit=100');
    expect(api).toContain('?sort=trending&limit=50');
    await expect.poll(() => text(newtab, '[data-role="sync-status"]'), WAIT).toMatch(/^Synced/);
  });

  it('counts the unread live papers on the badge once the sync lands', async () => {
    // Hold HF's answers until the badge has been read with the sync still in flight.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    const feeds = jsonFeeds(daily, trending);
    const { browser, server } = await start(async (url): Promise<Reply | undefined> => {
      await held;
      return feeds(url);
    });

    await installPaperboy(browser);
    const page = await openPage(browser, 'options.html');
    await expect.poll(() => server.apiRequests().length, WAIT).toBeGreaterThan(0);
    expect(await badgeText(page)).toBe('');

    release();
    await expect.poll(() => badgeText(page), WAIT).toBe(String(UNREAD_AT_START));
  });

  it('lists the papers on the new tab page, each with its id and read flag', async () => {
    const { browser } = await start();
    await installPaperboy(browser);
    const newtab = await openPage(browser, 'newtab.html');

    await expect.poll(() => paperIds(newtab), WAIT).toEqual(trendingIds);
    const flags = await newtab.$$eval('[data-paper-id]', (els) => els.map((el) => el.getAttribute('data-read')));
    expect(flags).toEqual(trendingIds.map(() => 'false'));
    expect(await count(newtab, '[data-paper-id] a[data-action="open"]')).toBe(trendingIds.length);
    await screenshot(newtab, 'newtab');

    // The next new tab paints the first screen this one saved, and starts its app once that
    // paint is reported (utils/pages/boot/start-page.ts): Firefox must report it, or each
    // repeat visit's app would wait for the one-second cap.
    await expect.poll(() => newtab.evaluate(() => localStorage.getItem('paperboy:boot:newtab') !== null), WAIT).toBe(true);
    const again = await openPage(browser, 'newtab.html');
    await expect.poll(() => again.evaluate(() => performance.getEntriesByName('first-contentful-paint').length), WAIT).toBe(1);
    await expect.poll(() => again.evaluate(() => document.getElementById('app')?.isConnected ?? false), WAIT).toBe(true);
    expect(await paperIds(again)).toEqual(trendingIds);
  });

  it('marks a paper read from the popup, and the flag and badge survive a Firefox restart', async () => {
    const { browser, server, profile } = await start();
    const paper = trendingIds[0]!;
    await installPaperboy(browser);
    const popup = await openPage(browser, 'popup.html', POPUP);
    await expect.poll(() => paperIds(popup), WAIT).toEqual(trendingIds);
    await expect.poll(() => badgeText(popup), WAIT).toBe(String(UNREAD_AT_START));
    expect(await readFlag(popup, paper)).toBe('false');

    await popup.click(`[data-paper-id="${paper}"] [data-action="toggle-read"]`);
    await expect.poll(() => readFlag(popup, paper), WAIT).toBe('true');
    await expect.poll(() => badgeText(popup), WAIT).toBe(String(UNREAD_AT_START - 1));
    await screenshot(popup, 'popup');
    await browser.close();

    // Trending moves on while Firefox is closed (its last paper drops out; it is still in today's
    // list, so the unread count stays). The popup showing the shorter list proves the sync that
    // `runtime.onStartup` runs has landed before the flag and the badge are read.
    const trendingLater = trending.slice(0, -1);
    server.route = jsonFeeds(daily, trendingLater);
    // The same profile directory and no second install: Paperboy is still there.
    const restarted = await launch(profile);
    try {
      const again = await openPage(restarted, 'popup.html', POPUP);
      await expect.poll(() => paperIds(again), WAIT).toEqual(trendingLater.map((item) => item.paper.id));
      expect(await readFlag(again, paper)).toBe('true');
      await expect.poll(() => badgeText(again), WAIT).toBe(String(UNREAD_AT_START - 1));
    } finally {
      await restarted.close();
    }
  });

  it('shows the bundled snapshot, labelled, with an empty badge when Hugging Face is unreachable on first run', async () => {
    // No fixture server: nothing listens on the build's Hugging Face port.
    const { browser } = await freshFirefox();
    await installPaperboy(browser);
    const newtab = await openPage(browser, 'newtab.html');

    await expect.poll(() => count(newtab, '[data-paper-id]'), WAIT).toBe(SNAPSHOT_SIZE);
    await expect.poll(() => count(newtab, '[data-role="snapshot-label"]'), WAIT).toBe(1);
    // The failed sync has run its course before the badge is read.
    await expect.poll(() => text(newtab, '[data-role="sync-status"]'), WAIT).toMatch(/Offline/);
    expect(await badgeText(newtab)).toBe('');
    await screenshot(newtab, 'newtab-snapshot-offline');

    const popup = await openPage(browser, 'popup.html', POPUP);
    await expect.poll(() => count(popup, '[data-paper-id]'), WAIT).toBe(SNAPSHOT_SIZE);
    await screenshot(popup, 'popup-snapshot-offline');
  });
});
