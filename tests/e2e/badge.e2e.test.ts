import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeText, discard, launch, openPage, readFlag, waitFor, type Extension } from './browser';
import { POLL } from './config';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';

// utils/platform/badge.ts orders badge refreshes with a Web Lock: each page and the worker is a JavaScript
// context of its own, with its own copy of every module, and only a lock of their shared origin
// lines their refreshes up (else a count taken before one page's write can be set after the
// other page's fresher count). Node has no Web Locks, so only a real browser shows it at work.

const daily = recordedItems('2026-06-12');
const trending = recordedItems('2026-08-03');
const LIVE = daily.length + trending.length; // 33, no overlap
const BADGE_LOCK = 'paperboy-badge';

declare global {
  interface Window {
    __releaseBadgeLock?: () => void;
  }
}

/** The client ids of the requests waiting for the badge lock, as the lock manager lists them. */
function waitingForLock(page: Page): Promise<(string | undefined)[]> {
  return page.evaluate(async (name) => (await navigator.locks.query()).pending?.filter((lock) => lock.name === name).map((lock) => lock.clientId) ?? [], BADGE_LOCK);
}

describe('badge refreshes from two pages at once', () => {
  const server = new FixtureServer(jsonFeeds(daily, trending));
  let ext: Extension;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(async () => {
    ext = await launch();
    await waitFor(() => badgeText(ext), String(LIVE));
  });
  afterEach(() => discard(ext));

  it('wait for the one Web Lock, each from its own page, and the badge ends at the count after both changes', async () => {
    const [a, b] = [trending[0]!.paper.id, daily[0]!.paper.id];
    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    const newtab = await openPage(ext, 'newtab.html?feed=hf-daily');
    await expect.poll(() => readFlag(popup, a), POLL).toBe('false');
    await expect.poll(() => readFlag(newtab, b), POLL).toBe('false');

    // A third page takes the badge lock first and keeps it: while it does, no refresh may count.
    const holder = await openPage(ext, 'options.html');
    await holder.evaluate(
      (name) =>
        new Promise<void>((held) => {
          void navigator.locks.request(name, () => new Promise<void>((release) => ((window.__releaseBadgeLock = release), held())));
        }),
      BADGE_LOCK,
    );
    expect(await waitingForLock(holder)).toEqual([]);

    // Both pages mark a paper read, at once; each then asks to refresh the badge.
    await Promise.all([
      popup.locator(`[data-paper-id="${a}"] [data-action="toggle-read"]`).click(),
      newtab.locator(`[data-paper-id="${b}"] [data-action="toggle-read"]`).click(),
    ]);
    await expect.poll(() => readFlag(popup, a), POLL).toBe('true');
    await expect.poll(() => readFlag(newtab, b), POLL).toBe('true');
    // Both refreshes wait behind the holder, from two different clients, and none has counted.
    await expect.poll(async () => new Set(await waitingForLock(holder)).size, POLL).toBe(2);
    expect(await badgeText(ext)).toBe(String(LIVE));

    await holder.evaluate(() => window.__releaseBadgeLock!());
    await waitFor(() => badgeText(ext), String(LIVE - 2));
    await expect.poll(() => waitingForLock(holder), POLL).toEqual([]);
  });
});
