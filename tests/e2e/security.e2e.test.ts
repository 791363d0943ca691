import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_AI_SUMMARY, HOSTILE_AUTHOR, HOSTILE_COUNT, HOSTILE_KEYWORDS, HOSTILE_ORGANIZATION, HOSTILE_SUMMARY, HOSTILE_TITLES, hostileItems } from '../fixtures/hostile-hf';
import { badgeText, currentWorker, discard, launch, waitFor, type Extension } from './browser';
import { POLL } from './config';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';
import { dbRows, HoldableRoute, syncNow } from './reliability-harness';
import { cspViolations, isAllowedRequest, openWatched, recordRequests, scanDom, watchCsp, type SeenRequest } from './security-probes';

// Both feeds serve the 30 papers of 2026-06-12, the first 11 rewritten with markup in every
// text field, script/data/protocol-relative URLs in every link field and thumbnails pointing
// away from HF (one at the fixture server itself, so a request to it would be logged).
const server = new FixtureServer(() => undefined);
const items = hostileItems(recordedItems('2026-06-12'), server.origin);
const route = new HoldableRoute(jsonFeeds(items, items));
server.route = route.serve;
const hostileIds = items.slice(0, HOSTILE_COUNT).map((item) => item.paper.id);
const titleOf = (i: number) => HOSTILE_TITLES[i % HOSTILE_TITLES.length]!;

describe('hostile Hugging Face data in real Chromium', () => {
  let ext: Extension;
  let requests: SeenRequest[];
  let pages: { name: string; page: Page; consoleReports: string[] }[];

  async function open(name: string, path: string, viewport?: { width: number; height: number }) {
    const watched = await openWatched(ext.context, `chrome-extension://${ext.id}/${path}`, viewport);
    pages.push({ name, ...watched });
    return watched.page;
  }

  /** The popup with every paper listed. */
  async function openPopup() {
    const popup = await open('popup', 'popup.html', { width: 420, height: 600 });
    await expect.poll(() => popup.locator('[data-paper-id]').count(), POLL).toBe(items.length);
    return popup;
  }

  /** The new tab with every paper shown and every lazy thumbnail scrolled into view (requested now). */
  async function openNewtab() {
    const newtab = await open('newtab', 'newtab.html');
    await expect.poll(() => newtab.locator('[data-paper-id]').count(), POLL).toBe(items.length);
    await newtab.locator('[data-paper-id]').last().scrollIntoViewIfNeeded();
    return newtab;
  }

  /** The install sync has stored the 30 papers (the badge counts them). */
  const installSynced = () => waitFor(() => badgeText(ext), String(items.length));

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  // Each test on a profile of its own. From its launch on, every request of every page and of
  // the worker is recorded, and every page reports content-security-policy violations.
  beforeEach(async () => {
    route.release();
    server.requests.splice(0);
    pages = [];
    ext = await launch();
    requests = recordRequests(ext.context);
    await watchCsp(ext.context);
  });
  afterEach(() => discard(ext));

  it('stores the hostile papers like any other (the badge counts all 30)', async () => {
    await installSynced();
  });

  it('shows hostile titles in the popup as literal text, with nothing executed', async () => {
    await installSynced();
    const popup = await openPopup();
    for (const [i, id] of hostileIds.entries()) {
      expect(await popup.locator(`[data-paper-id="${id}"] a[data-action="open"]`).textContent()).toBe(titleOf(i));
      expect(await popup.locator(`[data-paper-id="${id}"] .row-summary`).textContent()).toBe(HOSTILE_AI_SUMMARY);
    }
    const scan = await scanDom(popup);
    expect(scan).toEqual({ badUrls: [], handlers: [], injected: [], pwned: null });
  });

  it('shows every hostile field in the new tab as literal text, links only to http(s), no foreign images', async () => {
    await installSynced();
    const newtab = await openNewtab();
    for (const [i, id] of hostileIds.entries()) {
      const card = newtab.locator(`[data-paper-id="${id}"]`);
      expect(await card.locator('a[data-action="open"]').textContent()).toBe(titleOf(i));
      expect(await card.locator('.card-authors').textContent()).toBe(HOSTILE_AUTHOR);
      expect(await card.locator('.keywords li').allTextContents()).toEqual(HOSTILE_KEYWORDS);
      expect(await card.locator('.card-meta').textContent()).toContain(HOSTILE_ORGANIZATION);
      // Only the links Paperboy builds itself; no image at all (every hostile thumbnail dropped).
      expect(await card.locator('.links a').allTextContents()).toEqual(['Hugging Face', 'arXiv', 'PDF']);
      expect(await card.locator('img').count()).toBe(0);
      await card.getByRole('button', { name: 'Show abstract' }).click();
      await expect.poll(() => card.locator('.card-summary').textContent(), POLL).toBe(HOSTILE_SUMMARY);
    }
    // The control papers keep their real code links (their CDN thumbnails show up in the request
    // log: with no network here the image fails and the card drops it).
    const withCode = items.slice(HOSTILE_COUNT).find((item) => typeof item.paper.githubRepo === 'string')!;
    const control = newtab.locator(`[data-paper-id="${withCode.paper.id}"]`);
    expect(await control.locator('.links a', { hasText: 'Code' }).getAttribute('href')).toMatch(/^https:\/\/github\.com\//);

    for (const href of await newtab.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
      expect(href).toMatch(/^(https?|chrome-extension):\/\//);
    }
    const scan = await scanDom(newtab);
    expect(scan).toEqual({ badUrls: [], handlers: [], injected: [], pwned: null });
  });

  it('runs nothing in the worker either', async () => {
    await installSynced();
    const worker = await currentWorker(ext);
    expect(await worker.evaluate(() => (self as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
  });

  it('"Sync now" from the popup fetches again through the recorded worker', async () => {
    await installSynced();
    const popup = await openPopup();
    const status = popup.locator('[data-role="sync-status"]');
    // "Synced just now" already, from the install sync: the click must take the status through
    // "Syncing…" and move the last success, through requests the recorder sees.
    await expect.poll(() => status.textContent(), POLL).toMatch(/^Synced/);
    const lastSuccessAt = async () => (await dbRows<{ key: string; value: { lastSuccessAt?: number } }>(popup, 'meta')).find((row) => row.key === 'sync-status')?.value.lastSuccessAt;
    const before = { requests: server.apiRequests().length, recorded: requests.length, lastSuccessAt: await lastSuccessAt() };
    expect(before.lastSuccessAt).toBeDefined();

    route.hold();
    await popup.locator('[data-action="sync"]').click();
    await route.whenHeld();
    await expect.poll(() => status.textContent(), POLL).toBe('Syncing…');
    route.release();
    await expect.poll(() => status.textContent(), POLL).toMatch(/^Synced just now/);
    expect(server.apiRequests().length).toBeGreaterThanOrEqual(before.requests + 2);
    expect(requests.slice(before.recorded).filter((r) => r.from.startsWith('worker') && r.url.startsWith(`${server.origin}/api/daily_papers`)).length).toBeGreaterThanOrEqual(2);
    expect(await lastSuccessAt()).toBeGreaterThan(before.lastSuccessAt!);
  });

  it('makes no request outside the allow-list, from the pages or the worker', async () => {
    // A whole visit: a sync the recorder sees from its start, the popup, the new tab scrolled to
    // its last card (every lazy thumbnail requested), the options page.
    await installSynced();
    const popup = await openPopup();
    const workerFetches = () => requests.filter((r) => r.from.startsWith('worker') && r.url.startsWith(`${server.origin}/api/daily_papers`)).length;
    const fetchedBefore = workerFetches();
    expect((await syncNow(popup)).lastError).toBeUndefined();
    await expect.poll(workerFetches, POLL).toBeGreaterThanOrEqual(fetchedBefore + 2);
    await openNewtab();
    await expect.poll(() => requests.some((r) => r.url.startsWith('https://cdn-thumbnails.huggingface.co/')), POLL).toBe(true);
    const options = await open('options', 'options.html');
    await expect.poll(() => options.locator('h1').textContent(), POLL).toBe('Paperboy options');

    const outside = requests.filter((request) => !isAllowedRequest(request.url, ext.id));
    expect(outside).toEqual([]);
    // The recorder saw all three kinds, so an empty list above is a real result.
    expect(requests.some((r) => r.from.startsWith('page') && r.url.startsWith(`chrome-extension://${ext.id}/`))).toBe(true);
    // The fixture server, which one hostile thumbnail pointed at, only ever served the API.
    expect(server.requests.filter((url) => !url.pathname.startsWith('/api/')).map(String)).toEqual([]);
  });

  it('reports no content-security-policy violation in the popup, the new tab or the options page', async () => {
    await installSynced();
    await openPopup();
    await openNewtab();
    const options = await open('options', 'options.html');
    await expect.poll(() => options.locator('h1').textContent(), POLL).toBe('Paperboy options');
    expect(pages.map((p) => p.name)).toEqual(['popup', 'newtab', 'options']);
    for (const { name, page, consoleReports } of pages) {
      expect({ name, violations: await cspViolations(page), consoleReports }).toEqual({ name, violations: [], consoleReports: [] });
    }
  });

  it('enforces the policy: a foreign fetch, image or inline style is blocked and reported', async () => {
    await installSynced();
    const { page, consoleReports } = await openWatched(ext.context, `chrome-extension://${ext.id}/newtab.html`);
    await expect.poll(() => page.locator('[data-paper-id]').count(), POLL).toBe(items.length);
    const fetched = await page.evaluate(() => fetch('https://evil.example/x').then(() => 'fetched', () => 'blocked'));
    expect(fetched).toBe('blocked');
    await page.evaluate(() => {
      const image = new Image();
      image.src = 'https://evil.example/pixel.png';
      document.body.append(image);
      document.head.append(Object.assign(document.createElement('style'), { textContent: 'body { outline: 1px solid red }' }));
    });
    await expect.poll(async () => (await cspViolations(page)).sort(), POLL).toEqual([
      'connect-src https://evil.example/x',
      'img-src https://evil.example/pixel.png',
      'style-src-elem inline',
    ]);
    expect(consoleReports.length).toBeGreaterThanOrEqual(3);
  });
});

describe('no white flash without inline styles', () => {
  it('colours the page from a stylesheet in <head>, light and dark', async () => {
    const ext = await launch();
    try {
      for (const [scheme, background] of [['dark', 'rgb(23, 24, 26)'], ['light', 'rgb(251, 250, 247)']] as const) {
        for (const path of ['newtab.html', 'popup.html']) {
          const page = await ext.context.newPage();
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(`chrome-extension://${ext.id}/${path}`);
          const look = await page.evaluate(() => ({
            background: getComputedStyle(document.documentElement).backgroundColor,
            inlineStyles: document.querySelectorAll('style, [style]').length,
            // Parser-inserted stylesheets in <head> hold the first paint until they are loaded.
            headSheets: document.head.querySelectorAll('link[rel="stylesheet"]').length,
          }));
          expect({ path, background: look.background, inlineStyles: look.inlineStyles }).toEqual({ path, background, inlineStyles: 0 });
          expect(look.headSheets).toBeGreaterThan(0);
          await page.close();
        }
      }
    } finally {
      await discard(ext);
    }
  });
});
