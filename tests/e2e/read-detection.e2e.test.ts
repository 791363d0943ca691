import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badgeText, discard, launch, openPage, screenshot, waitFor, type Extension } from './browser';
import { ARXIV_SITE_FIXTURE_ORIGIN, POLL } from './config';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';
import { dbRows } from './reliability-harness';

// Read detection: the e2e build points the arXiv site at the fixture server (tests/e2e/config.ts),
// which answers `/abs/<id>` with a page, as arxiv.org would.
const daily = recordedItems('2026-06-12');
const trending = recordedItems('2026-08-03');
const UNREAD_AT_START = new Set([...daily, ...trending].map((item) => item.paper.id)).size;

type UserStateRow = { id: string; readAt?: number };
const readAt = async (page: Page, id: string) => (await dbRows<UserStateRow>(page, 'userState')).find((row) => row.id === id)?.readAt;

describe('read detection in Chromium', () => {
  const server = new FixtureServer(jsonFeeds(daily, trending));
  let ext: Extension;
  const [first, second, third, fourth] = daily.map((item) => item.paper.id);

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(async () => {
    ext = await launch();
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));
  });
  afterEach(() => discard(ext));

  /** Opens a paper's arXiv page in a tab of its own, as the user would, and waits for it to load. */
  async function visit(path: string): Promise<void> {
    const tab = await ext.context.newPage();
    await tab.goto(`${ARXIV_SITE_FIXTURE_ORIGIN}${path}`);
    await expect.poll(() => tab.title(), POLL).toContain('Paper');
    await tab.close();
  }

  it('marks nothing read until it is turned on in Options; then opening an arXiv page marks that paper read', async () => {
    const options = await openPage(ext, 'options.html');
    const toggle = options.locator('[data-setting="read-detection"]');
    await expect.poll(() => toggle.isEnabled(), POLL).toBe(true);
    expect(await toggle.isChecked()).toBe(false);

    // Off (the optional permission never asked for): a visit changes nothing.
    await visit(`/abs/${first}v1`);

    await toggle.click(); // the switch turns once the browser has answered the permission request, not within the click
    await expect.poll(() => toggle.isChecked(), POLL).toBe(true);
    await screenshot(options, 'read-detection-options');
    // A versioned PDF address of another paper: marked read, and the badge follows.
    await visit(`/pdf/${second}v2`);
    await expect.poll(() => readAt(options, second!), POLL).toBeGreaterThan(0);
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - 1));
    // The first visit, made while it was off, left its paper unread.
    expect(await readAt(options, first!)).toBeUndefined();

    // Off again: a visit changes nothing; on once more, the next one counts, and the one before still did not.
    await toggle.click();
    await expect.poll(() => toggle.isChecked(), POLL).toBe(false);
    await visit(`/html/${third}v3`);
    await toggle.click(); // the switch turns once the browser has answered the permission request, not within the click
    await expect.poll(() => toggle.isChecked(), POLL).toBe(true);
    await visit(`/abs/${fourth}`);
    await expect.poll(() => readAt(options, fourth!), POLL).toBeGreaterThan(0);
    expect(await readAt(options, third!)).toBeUndefined();
  });
});
