import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badgeText, currentWorker, discard, launch, openPage, readFlag, screenshot, waitFor, type Extension } from './browser';
import { POLL } from './config';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';
import { dbRows, HoldableRoute, syncNow } from './reliability-harness';

// Today's list: the 30 papers featured on 2026-06-12. Trending: the 3 of 2026-08-03 and the
// 10 most upvoted of 06-12, so the live feeds overlap and the badge must deduplicate.
const daily = recordedItems('2026-06-12');
const trending = [...recordedItems('2026-08-03'), ...[...daily].sort((a, b) => b.paper.upvotes - a.paper.upvotes).slice(0, 10)];
const liveIds = new Set([...daily, ...trending].map((item) => item.paper.id));
const UNREAD_AT_START = liveIds.size; // 33
const POPUP = { width: 420, height: 600 };
/** `utils/platform/badge.ts`'s colour as `getBadgeBackgroundColor` reports it: set by every badge refresh. */
const BADGE_COLOUR = [0xd9, 0x48, 0x0f, 255];

type SyncStatusRow = { key: string; value: { lastSuccessAt?: number } };
const lastSuccessAt = async (page: Page) =>
  (await dbRows<SyncStatusRow>(page, 'meta')).find((row) => row.key === 'sync-status')?.value.lastSuccessAt;

describe('Paperboy end to end in Chromium', () => {
  const route = new HoldableRoute(jsonFeeds(daily, trending));
  const server = new FixtureServer(route.serve);
  let ext: Extension;
  const opened = trending[0]!.paper.id;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  // Each test on a profile of its own: it depends on no other test's flags, pages or requests.
  beforeEach(async () => {
    route.release();
    server.requests.splice(0);
    ext = await launch();
  });
  afterEach(() => discard(ext));

  /** The install sync has stored both feeds (the badge counts them). */
  const installSynced = () => waitFor(() => badgeText(ext), String(UNREAD_AT_START));

  it('syncs on install and the badge counts the unread live papers', async () => {
    await installSynced();
    const api = server.apiRequests().map((url) => url.search);
    expect(api).toContain('?limit=100');
    expect(api).toContain('?sort=trending&limit=50');
  });

  it('lists trending papers in the popup, opens one, and marks it read everywhere', async () => {
    await installSynced();
    const popup = await openPage(ext, 'popup.html', POPUP);
    // The live page, not the first screen its entry drew before it (`#app` is out of the document until it takes over).
    const rows = popup.locator('#app [data-paper-id]');
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

    // And read again from the popup's toggle: the new tab follows.
    await popup.locator(`[data-paper-id="${opened}"] [data-action="toggle-read"]`).click();
    await expect.poll(() => readFlag(newtab, opened), POLL).toBe('true');
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - 1));
  });

  it('"Sync now" fetches again and shows when it synced', async () => {
    await installSynced();
    const popup = await openPage(ext, 'popup.html', POPUP);
    const status = popup.locator('[data-role="sync-status"]');
    // The install sync already says "Synced just now": only a status that leaves it and comes
    // back, with a later last-success time behind it, shows that this click synced.
    await expect.poll(() => status.textContent(), POLL).toMatch(/^Synced/);
    const before = { requests: server.apiRequests().length, lastSuccessAt: await lastSuccessAt(popup) };
    expect(before.lastSuccessAt).toBeDefined();

    route.hold();
    await popup.locator('[data-action="sync"]').click();
    await route.whenHeld();
    await expect.poll(() => status.textContent(), POLL).toBe('Syncing…');
    route.release();
    await expect.poll(() => status.textContent(), POLL).toBe('Synced just now');
    expect(server.apiRequests().length).toBeGreaterThanOrEqual(before.requests + 2);
    expect(await lastSuccessAt(popup)).toBeGreaterThan(before.lastSuccessAt!);
  });

  it('keeps read flags and the badge across a browser restart', async () => {
    await installSynced();
    const popup = await openPage(ext, 'popup.html', POPUP);
    await popup.locator(`[data-paper-id="${opened}"] [data-action="toggle-read"]`).click();
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - 1));

    await ext.context.close();
    ext = await launch(ext.profile);
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - 1));
    const popupAgain = await openPage(ext, 'popup.html', POPUP);
    await expect.poll(() => readFlag(popupAgain, opened), POLL).toBe('true');
    const newtab = await openPage(ext, 'newtab.html');
    await expect.poll(() => readFlag(newtab, opened), POLL).toBe('true');
    const alarms = await (await currentWorker(ext)).evaluate(() => chrome.alarms.getAll().then((all) => all.map((a) => a.name)));
    expect(alarms).toContain('paperboy-sync');
  });
});

describe('first run with Hugging Face unreachable', () => {
  let ext: Extension | undefined;
  afterEach(() => discard(ext));

  it('shows the bundled snapshot, labelled, with an empty badge', async () => {
    ext = await launch();
    const newtab = await openPage(ext, 'newtab.html');
    await expect.poll(() => newtab.locator('[data-paper-id]').count(), POLL).toBe(88);
    await expect.poll(() => newtab.locator('[data-role="snapshot-label"]').count(), POLL).toBe(1);
    await expect.poll(() => newtab.locator('[data-role="sync-status"]').textContent(), POLL).toMatch(/Offline/);
    // An empty badge is also what a badge never refreshed shows. The worker answers "Sync now"
    // only after the refresh that follows its sync (the install one, or a new one queued behind
    // it), both with the 88 snapshot papers stored: the badge read after that answer is the
    // count of those papers, and the colour says a refresh did write it.
    expect((await syncNow(newtab)).lastError?.kind).toBe('offline');
    const worker = await currentWorker(ext);
    expect(await worker.evaluate(() => chrome.action.getBadgeBackgroundColor({}))).toEqual(BADGE_COLOUR);
    expect(await badgeText(ext)).toBe('');
    await screenshot(newtab, 'newtab-snapshot-offline');
    const popup = await openPage(ext, 'popup.html', POPUP);
    await expect.poll(() => popup.locator('[data-paper-id]').count(), POLL).toBe(88);
    await screenshot(popup, 'popup-snapshot-offline');
  });
});
