import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

export interface Viewport {
  width: number;
  height: number;
}

export const NEWTAB_VIEWPORT: Viewport = { width: 1280, height: 900 };
/** Chrome's popups are at most 800×600; Paperboy's is 420 wide. */
export const POPUP_VIEWPORT: Viewport = { width: 420, height: 600 };

export async function openAt(context: BrowserContext, url: string, viewport: Viewport): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * Time from navigation start to the first paint of the element marked
 * `elementtiming="first-paper"` (the first paper's title), from the Element Timing API.
 */
export async function firstPaperPaint(context: BrowserContext, url: string, viewport: Viewport, retries = 2): Promise<number> {
  try {
    return await paintOnce(context, url, viewport);
  } catch (error) {
    // A page that navigated under the probe (a reload as the database upgrades): load it again.
    if (retries === 0 || !/Execution context was destroyed/.test(String(error))) throw error;
    return firstPaperPaint(context, url, viewport, retries - 1);
  }
}

async function paintOnce(context: BrowserContext, url: string, viewport: Viewport): Promise<number> {
  const page = await openAt(context, url, viewport);
  try {
    const time = await page.evaluate(
      () =>
        new Promise<number | null>((resolve) => {
          const timeout = setTimeout(() => resolve(null), 15_000);
          new PerformanceObserver((list) => {
            const times = (list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number; loadTime: number })[])
              .filter((entry) => entry.identifier === 'first-paper')
              .map((entry) => entry.renderTime || entry.loadTime);
            if (times.length === 0) return;
            clearTimeout(timeout);
            resolve(Math.min(...times));
          }).observe({ type: 'element', buffered: true });
        }),
    );
    // Nothing painted in 15 s: counted as 15 s (the row then fails by far) rather than ending the run.
    return time ?? 15_000;
  } finally {
    await page.close();
  }
}

/** Waits until the page shows papers and their number stops changing. */
export async function settle(page: Page): Promise<number> {
  let last = -1;
  let stable = 0;
  for (let i = 0; i < 150 && stable < 4; i++) {
    const count = await page.locator('#app [data-paper-id]').count();
    stable = count > 0 && count === last ? stable + 1 : 0;
    last = count;
    await page.waitForTimeout(150);
  }
  return last;
}

/**
 * The physical limit: the page's first screen as the app drew it (same CSS, same markup, the
 * first paper still marked for Element Timing), saved as static HTML with every script removed
 * and every paper below the first screen dropped.
 */
export async function writeStaticCopy(context: BrowserContext, url: string, viewport: Viewport, outPath: string): Promise<number> {
  const page = await openAt(context, url, viewport);
  try {
    await settle(page);
    const { html, papers } = await page.evaluate(() => {
      const below = [...document.querySelectorAll('[data-paper-id]')].map((el) => el.getBoundingClientRect().top + scrollY >= innerHeight);
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('script, link[rel="modulepreload"]').forEach((el) => el.remove());
      copy.querySelectorAll('[data-paper-id]').forEach((el, i) => {
        if (below[i]) el.remove();
      });
      return { html: `<!doctype html>\n${copy.outerHTML}`, papers: below.filter((b) => !b).length };
    });
    writeFileSync(outPath, html);
    return papers;
  } finally {
    await page.close();
  }
}

/** The first search's two moments, ms from the input event (60,000 when not within the minute). */
export interface KeystrokeTimes {
  /** The first screen of ranked results and the match count painted. */
  first: number;
  /** Every result drawn and counted (hidden papers and filters applied). */
  whole: number;
}

/**
 * The first search on a page opened a moment before: the page is opened, shows its papers, and
 * `momentMs` later the user clicks the search field and enters `word` (one input event, as a
 * paste or a fast typist's word). Times from that input event to the first frame after the
 * results for `word` are on screen (the search summary names the word and counts matches), and
 * after all of them are (no `data-counting`, a card for each one counted). Results the page labels
 * partial (`data-partial`) or busy (`aria-busy`: the last query's while the answer to what was
 * typed is on its way) do not count.
 */
export async function firstKeystroke(context: BrowserContext, url: string, viewport: Viewport, word: string, momentMs: number): Promise<KeystrokeTimes> {
  const page = await openAt(context, url, viewport);
  try {
    await page.locator('#app [data-paper-id]').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(momentMs);
    const answered = page.evaluate(
      (query) =>
        new Promise<KeystrokeTimes>((resolve) => {
          const input = document.querySelector('[data-role="search"]')!;
          const times = { first: 60_000, whole: 60_000 };
          let start = 0;
          input.addEventListener('input', () => (start ||= performance.now()), { capture: true });
          const summary = () => {
            const line = document.querySelector('[data-role="search-summary"]');
            // "18 matches for “q”", or "500 of 1,234 matches shown for “q”" when more matched than a page lists.
            const text = line?.textContent ?? '';
            const named = text.includes(`matches for “${query}”`) || text.includes(`matches shown for “${query}”`);
            const ok = line !== null && !line.hasAttribute('data-partial') && !line.hasAttribute('aria-busy') && named;
            return ok ? line : null;
          };
          const whole = (line: Element) => !line.hasAttribute('data-counting') && document.querySelectorAll('#app [data-paper-id]').length >= parseInt(line.textContent ?? '', 10);
          const done = () => {
            observer.disconnect();
            clearTimeout(timeout);
            resolve(times);
          };
          const timeout = setTimeout(done, 60_000);
          const observer = new MutationObserver(() => {
            const line = start ? summary() : null;
            if (!line) return;
            const at = () => performance.now() - start;
            if (times.first === 60_000) requestAnimationFrame(() => (times.first = Math.min(times.first, at())));
            if (whole(line)) {
              observer.disconnect();
              requestAnimationFrame(() => {
                times.whole = at();
                times.first = Math.min(times.first, times.whole);
                done();
              });
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }),
      word,
    );
    await page.locator('[data-role="search"]').click();
    await page.locator('[data-role="search"]').fill(word);
    return await answered;
  } finally {
    await page.close();
  }
}

/**
 * CPU time of the whole browser (every process) over one visit: the page is opened in a new tab
 * and left alone for `seconds`, with no input; `cpuMs` reads the browser's total CPU so far.
 */
export async function visitCpu(context: BrowserContext, url: string, viewport: Viewport, seconds: number, cpuMs: () => number): Promise<number> {
  const before = cpuMs();
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(seconds * 1000);
  const used = cpuMs() - before;
  await page.close();
  return used;
}
