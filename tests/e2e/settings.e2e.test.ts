import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeText, currentWorker, discard, launch, openPage, readFlag, screenshot, waitFor, type Extension } from './browser';
import { ARTIFACTS_DIR, POLL } from './config';
import { FixtureServer, jsonFeeds, recordedItems, type Route } from './fixture-server';

// Settings followed live by open pages, each badge mode, a notification for a matching paper,
// and read state carried from one profile to another through storage.sync.

const daily = recordedItems('2026-06-12');
const trending = recordedItems('2026-08-03');
const LIVE = daily.length + trending.length; // 33, no overlap
const EXTRA_TITLE = 'An extra paper published after the first sync';
const EXTRA = { ...daily[0]!, title: EXTRA_TITLE, paper: { ...daily[0]!.paper, id: '2606.99999', title: EXTRA_TITLE } };

let feeds: Route = jsonFeeds(daily, trending);
const server = new FixtureServer((url) => feeds(url));
const opened: Extension[] = [];

async function start(): Promise<Extension> {
  const ext = await launch();
  opened.push(ext);
  await waitFor(() => badgeText(ext), String(LIVE));
  return ext;
}

function choose(options: Page, setting: string, value: string) {
  return options.locator(`select[data-setting="${setting}"]`).selectOption(value);
}

/** Everything this profile's Paperboy keeps in `storage.sync`. */
async function syncData(ext: Extension): Promise<Record<string, string>> {
  return (await currentWorker(ext)).evaluate(() => chrome.storage.sync.get(null) as Promise<Record<string, string>>);
}

beforeAll(() => server.start());
afterAll(() => server.stop());
afterEach(async () => {
  feeds = jsonFeeds(daily, trending);
  await Promise.all(opened.splice(0).map(discard));
});

describe('settings', () => {
  it('a setting changed in options is followed by an open new tab and popup', async () => {
    const ext = await start();
    const newtab = await openPage(ext, 'newtab.html?feed=hf-daily');
    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    await expect.poll(() => newtab.locator('.page').getAttribute('class'), POLL).toContain('density-cards');
    const options = await openPage(ext, 'options.html');
    await choose(options, 'density', 'list');
    await choose(options, 'theme', 'dark');
    await expect.poll(() => newtab.locator('.page').getAttribute('class'), POLL).toContain('density-list');
    await expect.poll(() => newtab.evaluate(() => document.documentElement.dataset.theme), POLL).toBe('dark');
    await expect.poll(() => popup.evaluate(() => document.documentElement.dataset.theme), POLL).toBe('dark');
    await screenshot(newtab, 'settings-newtab-list-dark');
    // The whole options page, for the README (assets/screenshots/options.png).
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'settings-options.png'), fullPage: true });
  });

  it('badge modes: unread in the live feeds, new since the last visit, off', async () => {
    const ext = await start();
    const options = await openPage(ext, 'options.html');
    await choose(options, 'badge-mode', 'off');
    await waitFor(() => badgeText(ext), '');
    await choose(options, 'badge-mode', 'new');
    await waitFor(() => badgeText(ext), String(LIVE)); // no visit yet: every paper is new
    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    await waitFor(() => badgeText(ext), ''); // looked at them: nothing new
    feeds = jsonFeeds([EXTRA, ...daily], trending);
    await popup.locator('[data-action="sync"]').first().click();
    await waitFor(() => badgeText(ext), '1');
    await choose(options, 'badge-mode', 'unread');
    await waitFor(() => badgeText(ext), String(LIVE + 1));
  });

  it('a notification is created for a paper matching a watched keyword', async () => {
    const ext = await start();
    const options = await openPage(ext, 'options.html');
    await options.locator('[data-setting="notifications"]').click();
    await expect.poll(() => options.locator('[data-setting="notifications"]').isChecked(), POLL).toBe(true);
    const keywords = options.locator('input[data-setting="notify-keywords"]');
    await keywords.fill('published after the first sync');
    await keywords.press('Tab');
    feeds = jsonFeeds([EXTRA, ...daily], trending);
    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    await popup.locator('[data-action="sync"]').first().click();
    const shown = async () => Object.keys(await (await currentWorker(ext)).evaluate(() => chrome.notifications.getAll()));
    await expect.poll(shown, POLL).toHaveLength(1);
    const [id] = await shown();
    expect(id).toMatch(/^paperboy:/);
    expect(id).toContain(EXTRA.paper.id);
  });
});

describe('read state on every computer', () => {
  it('flags written to storage.sync by one profile are merged by a second profile given the same data', async () => {
    const [read, saved] = [daily[2]!.paper.id, daily[3]!.paper.id];
    const one = await start();
    const options = await openPage(one, 'options.html');
    await options.locator('[data-setting="cross-device-sync"]').click();
    const newtab = await openPage(one, 'newtab.html?feed=hf-daily');
    await newtab.locator(`[data-paper-id="${read}"] [data-action="toggle-read"]`).first().click();
    await newtab.locator(`[data-paper-id="${saved}"] [data-action="save"]`).first().click();
    await expect.poll(() => options.locator('[data-role="cross-device-status"]').textContent(), POLL).toMatch(/2 marks/);
    const data = await syncData(one);

    const two = await start();
    const other = await openPage(two, 'options.html');
    await other.locator('[data-setting="cross-device-sync"]').click();
    const page = await openPage(two, 'newtab.html?feed=hf-daily');
    await expect.poll(() => readFlag(page, read), POLL).toBe('false');
    // What the browser's sync would bring: the first profile's items, arriving in the second.
    await (await currentWorker(two)).evaluate((items) => chrome.storage.sync.set(items), data);
    await expect.poll(() => readFlag(page, read), POLL).toBe('true');
    await expect.poll(() => page.locator(`[data-paper-id="${saved}"] [data-action="save"]`).first().getAttribute('aria-pressed'), POLL).toBe('true');
    await waitFor(() => badgeText(two), String(LIVE - 1));
    await screenshot(other, 'cross-device-options');
  });
});
