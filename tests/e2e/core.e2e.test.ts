import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, launch, newProfile, openPage, readFlag, screenshot, waitFor, type Extension } from './browser';
import { POLL } from './config';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';

// Today's list: the 30 papers featured on 2026-06-12. Trending: the 3 of 2026-08-03 and the
// 10 most upvoted of 06-12, so the live feeds overlap and the badge must deduplicate.
const daily = recordedItems('2026-06-12');
const trending = [...recordedItems('2026-08-03'), ...[...daily].sort((a, b) => b.paper.upvotes - a.paper.upvotes).slice(0, 10)];
const liveIds = new Set([...daily, ...trending].map((item) => item.paper.id));
const UNREAD_AT_START = liveIds.size; // 33

describe('Paperboy end to end in Chromium', () => {
  const server = new FixtureServer(jsonFeeds(daily, trending));
  const profile = newProfile();
  let ext: Extension;
  const opened = trending[0]!.paper.id;

  beforeAll(async () => {
    await server.start();
    ext = await launch(profile);
  });

  afterAll(async () => {
    await ext?.context.close();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  });

  it('syncs on install and the badge counts the unread live papers', async () => {
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));
    const api = server.apiRequests().map((url) => url.search);
    expect(api).toContain('?limit=100');
    expect(api).toContain('?sort=trending&limit=50');
  });

  it('lists trending papers in the popup, opens one, and marks it read everywhere', async () => {
    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    const rows = popup.locator('[data-paper-id]');
    await expect.poll(() => rows.count(), POLL).toBe(trending.length);
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-paper-id')))).toEqual(trending.map((i) => i.paper.id));
    expect(await readFlag(popup, opened)).toBe('false');
    await screenshot(popup, 'popup');

    const [paperTab] = await Promise.all([
      ext.context.waitForEvent('page'),
      popup.locator(`[data-paper-id="${opened}"] a[data-action="open"]`).click(),
    ]);
    await paperTab.waitForLoadState();
    expect(paperTab.url()).toBe(`${server.origin}/papers/${opened}`);
    await expect.poll(() => readFlag(popup, opened), POLL).toBe('true');
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - 1));

    const newtab = await openPage(ext, 'newtab.html');
    await expect.poll(() => readFlag(newtab, opened), POLL).toBe('true');
    expect(await newtab.locator('[data-paper-id]').count()).toBe(trending.length);
    await screenshot(newtab, 'newtab');

    // Toggle back from the new tab: the popup follows through liveQuery, the badge goes back up.
    await newtab.locator(`[data-paper-id="${opened}"] [data-action="toggle-read"]`).click();
    await expect.poll(() => readFlag(newtab, opened), POLL).toBe('false');
    await expect.poll(() => readFlag(popup, opened), POLL).toBe('false');
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));

    // Read it again from the popup's toggle, ready for the restart.
    await popup.locator(`[data-paper-id="${opened}"] [data-action="toggle-read"]`).click();
    await expect.poll(() => readFlag(newtab, opened), POLL).toBe('true');
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - 1));
    await Promise.all([popup.close(), newtab.close(), paperTab.close()]);
  });

  it('"Sync now" fetches again and shows when it synced', async () => {
    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    const before = server.apiRequests().length;
    await popup.locator('[data-action="sync"]').click();
    await expect.poll(() => server.apiRequests().length, POLL).toBeGreaterThanOrEqual(before + 2);
    await expect.poll(() => popup.locator('[data-role="sync-status"]').textContent(), POLL).toMatch(/^Synced/);
    await popup.close();
  });

  it('keeps read flags and the badge across a browser restart', async () => {
    await ext.context.close();
    ext = await launch(profile);
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - 1));
    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    await expect.poll(() => readFlag(popup, opened), POLL).toBe('true');
    const newtab = await openPage(ext, 'newtab.html');
    await expect.poll(() => readFlag(newtab, opened), POLL).toBe('true');
    const alarms = await ext.worker.evaluate(() => chrome.alarms.getAll().then((all) => all.map((a) => a.name)));
    expect(alarms).toContain('paperboy-sync');
  });
});

describe('first run with Hugging Face unreachable', () => {
  it('shows the bundled snapshot, labelled, with an empty badge', async () => {
    const profile = newProfile();
    const ext = await launch(profile);
    try {
      const newtab = await openPage(ext, 'newtab.html');
      await expect.poll(() => newtab.locator('[data-paper-id]').count(), POLL).toBe(88);
      await expect.poll(() => newtab.locator('[data-role="snapshot-label"]').count(), POLL).toBe(1);
      await expect.poll(() => newtab.locator('[data-role="sync-status"]').textContent(), POLL).toMatch(/Offline/);
      expect(await badgeText(ext)).toBe('');
      await screenshot(newtab, 'newtab-snapshot-offline');
      const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
      await expect.poll(() => popup.locator('[data-paper-id]').count(), POLL).toBe(88);
      await screenshot(popup, 'popup-snapshot-offline');
    } finally {
      await ext.context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
