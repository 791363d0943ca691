import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, discard, launch, newProfile, openPage, readFlag, screenshot, waitFor, type Extension } from './browser';
import { ARXIV_FIXTURE_ORIGIN, FIXTURE_ORIGIN, POLL, ROOT } from './config';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';

// The Lite flavour (`npm run build:lite`): the same extension without the new-tab override. Built
// here in mode `e2e-lite` (pointed at the fixture server, like the suite's full build).

const LITE_DIR = resolve(ROOT, '.output/chrome-mv3-e2e-lite');
const daily = recordedItems('2026-06-12');
const trending = recordedItems('2026-08-03');
const server = new FixtureServer(jsonFeeds(daily, trending));
let ext: Extension | undefined;

beforeAll(async () => {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e-lite'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', WXT_HF_ORIGIN: FIXTURE_ORIGIN, WXT_ARXIV_ORIGIN: ARXIV_FIXTURE_ORIGIN },
  });
  await server.start();
});
afterAll(() => server.stop());
afterEach(() => discard(ext));

describe('Paperboy Lite', () => {
  it('loads and syncs without a new-tab override; the popup opens the full view as an extension page', async () => {
    ext = await launch(newProfile(), LITE_DIR);
    await waitFor(() => badgeText(ext!), String(daily.length + trending.length));
    const manifest = await ext.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.chrome_url_overrides).toBeUndefined();

    // A new tab is the browser's own.
    const tab = await ext.context.newPage();
    await tab.goto('chrome://newtab/').catch(() => undefined);
    expect(tab.url()).not.toContain(ext.id);
    expect(await tab.locator('[data-paper-id]').count()).toBe(0);

    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    const [full] = await Promise.all([ext.context.waitForEvent('page', POLL), popup.locator('[data-action="full-view"]').click()]);
    await full.waitForLoadState();
    expect(full.url()).toContain(`chrome-extension://${ext.id}/newtab.html`);
    await expect.poll(() => readFlag(full, trending[0]!.paper.id), POLL).toBe('false');
    await screenshot(full, 'lite-full-view');
  });
});
