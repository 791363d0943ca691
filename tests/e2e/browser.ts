import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ARTIFACTS_DIR, CHROMIUM, EXTENSION_DIR, WAIT_MS } from './config';

export interface Extension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  profile: string;
}

export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'paperboy-e2e-'));
}

/**
 * Starts Debian's Chromium with the built extension on a (new or reused) profile; `lang` starts
 * it with that UI language. Debian's Chromium needs both `--lang` and Playwright's `locale` for
 * `chrome.i18n.getUILanguage()` to change (neither alone does; LANGUAGE/LANG do nothing).
 */
export async function launch(profile = newProfile(), extensionDir = EXTENSION_DIR, lang?: string): Promise<Extension> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ...(lang && { locale: lang }),
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(lang ? [`--lang=${lang}`] : []),
    ],
  });
  // Every locator action and wait (click, getAttribute, waitForEvent) in the suite.
  context.setDefaultTimeout(WAIT_MS);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const id = new URL(worker.url()).host;
  return { context, worker, id, profile };
}

/** Closes the browser and deletes its profile (nothing to do when it never launched). */
export async function discard(ext: Extension | undefined): Promise<void> {
  if (!ext) return;
  await ext.context.close();
  rmSync(ext.profile, { recursive: true, force: true });
}

/** The worker as it is now: Chrome may have stopped and restarted it since launch. */
export async function currentWorker(ext: Extension): Promise<Worker> {
  const live = ext.context.serviceWorkers().find((w) => w.url().includes(ext.id));
  return live ?? (await ext.context.waitForEvent('serviceworker', { timeout: 30_000 }));
}

export async function badgeText(ext: Extension): Promise<string> {
  const worker = await currentWorker(ext);
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** Polls until `read()` returns `expected` (or fails with the last value seen). */
export async function waitFor<T>(read: () => Promise<T>, expected: T, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (last === expected) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out waiting for ${JSON.stringify(expected)}; last saw ${JSON.stringify(last)}`);
}

/**
 * Opens one of the extension's pages, once the app has taken over: what a test then does acts on
 * the live page, not on the first screen its entry drew or the copy it showed, about to be
 * replaced (boot.e2e.test.ts tests those, from init scripts).
 */
export async function openPage(ext: Extension, path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await ext.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${ext.id}/${path}`);
  await untilLive(page);
  return page;
}

/** Waits for an extension page's live root (`#app`) to be in the document: the app has taken over from a copy, or none was shown. */
export async function untilLive(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('app')?.isConnected === true);
}

/**
 * Saves a screenshot for a person to look at (tests/e2e/artifacts). Headless Chromium has, once in
 * several hundred captures, not answered one for 20 s while the page answered every other call
 * (a fresh-clone CI run of 8e6a4df; never again in 74 tries at the same moment, under load too): a
 * capture with no answer in 10 s is tried once more, the page brought to the front.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  try {
    await page.screenshot({ path, timeout: 10_000 });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
    console.warn(`screenshot ${name}: no capture in 10 s; once more, in front`);
    await page.bringToFront();
    await page.screenshot({ path });
  }
}

/** The `data-read` value of one rendered paper. */
export function readFlag(page: Page, id: string): Promise<string | null> {
  return page.locator(`[data-paper-id="${id}"]`).first().getAttribute('data-read');
}
