import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { browser as extensionBrowser } from 'wxt/browser';
import { ARTIFACTS_DIR } from '../config';
import { EXTENSION_UUID, FIREFOX, FIREFOX_XPI, GECKO_ID } from './config';

/** Every wait in this suite: generous for two cores shared with other test runs. */
export const WAIT = { timeout: 30_000, interval: 200 } as const;

export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'paperboy-firefox-'));
}

/** Starts Firefox ESR headless on a (new or reused) profile. */
export function launch(profile: string): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // An unsigned add-on may be installed for good (ESR, Developer Edition and Nightly honour
      // this; release Firefox does not).
      'xpinstall.signatures.required': false,
    },
  });
}

/**
 * Installs Paperboy into the profile for good, as a user's install is. A temporary add-on (what
 * `browser.installExtension` and about:debugging give) is removed when Firefox quits: after a
 * restart its pages fail with NS_ERROR_NOT_AVAILABLE, and installing it again fires
 * `runtime.onInstalled`, not the `onStartup` a restart must exercise. A permanent install
 * survives the restart and keeps its moz-extension origin, so the same IndexedDB.
 */
export async function installPaperboy(browser: Browser): Promise<void> {
  await bidi(browser).send('webExtension.install', { extensionData: { type: 'archivePath', path: FIREFOX_XPI }, 'moz:permanent': true });
}

/**
 * Opens one of Paperboy's pages in a new tab. Navigates with WebDriver BiDi directly: puppeteer's
 * `page.goto` never sees a moz-extension navigation finish and times out.
 */
export async function openPage(browser: Browser, path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage();
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  // Not `page.setViewport`: it also sends emulation.setScreenOrientationOverride, which Firefox
  // 140 does not know.
  if (viewport) await bidi(browser).send('browsingContext.setViewport', { context, viewport });
  await bidi(browser).send('browsingContext.navigate', { context, url: `moz-extension://${EXTENSION_UUID}/${path}`, wait: 'complete' });
  return page;
}

/** The toolbar badge, read through the extension API from one of Paperboy's pages. */
export function badgeText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { browser: typeof extensionBrowser }).browser.action.getBadgeText({}));
}

/** The ids of the rendered papers, in order. */
export function paperIds(page: Page): Promise<(string | null)[]> {
  return page.$$eval('[data-paper-id]', (els) => els.map((el) => el.getAttribute('data-paper-id')));
}

/** The `data-read` value of one rendered paper (null while it is not rendered). */
export function readFlag(page: Page, id: string): Promise<string | null> {
  return page.evaluate((paperId) => document.querySelector(`[data-paper-id="${CSS.escape(paperId)}"]`)?.getAttribute('data-read') ?? null, id);
}

export function count(page: Page, selector: string): Promise<number> {
  return page.$$eval(selector, (els) => els.length);
}

export function text(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS_DIR, `firefox-${name}.png`) });
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

// The raw BiDi connection and (above) a tab's BiDi context id, both internal to puppeteer: it
// has no public call for a permanent install or a navigation that waits for a moz-extension page.
function bidi(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}
