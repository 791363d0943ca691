import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badgeText, discard, launch, openPage, waitFor, type Extension } from './browser';
import { POLL } from './config';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';
import { axeViolations, type AxeViolation } from './page-checks';

// The live feeds of core.e2e.test.ts: today = the 30 papers of 2026-06-12; trending = the 3 of
// 2026-08-03 and the 10 most upvoted of 06-12.
const daily = recordedItems('2026-06-12');
const trending = [...recordedItems('2026-08-03'), ...[...daily].sort((a, b) => b.paper.upvotes - a.paper.upvotes).slice(0, 10)];
const UNREAD_AT_START = new Set([...daily, ...trending].map((i) => i.paper.id)).size;
const [t0, t1, t2, t3] = trending.map((i) => i.paper.id);

const PAGES = [
  ['popup', 'popup.html', { width: 420, height: 600 }],
  ['new tab', 'newtab.html', { width: 1280, height: 900 }],
  ['new tab, list', 'newtab.html', { width: 1280, height: 900 }],
  ['new tab, Hidden', 'newtab.html?feed=hidden', { width: 1280, height: 900 }],
  ['options', 'options.html', { width: 1280, height: 900 }],
] as const;

const SERIOUS = new Set(['serious', 'critical']);

describe('accessibility in Chromium', () => {
  const server = new FixtureServer(jsonFeeds(daily, trending));
  let ext: Extension;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(async () => {
    ext = await launch();
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));
  });
  afterEach(() => discard(ext));

  /** Marks one paper read, saves one, hides one, through the new tab's own controls; leaves its message up. */
  async function triage(page: Page): Promise<void> {
    await page.locator(`[data-paper-id="${t0}"] [data-action="toggle-read"]`).click();
    await page.locator(`[data-paper-id="${t1}"] [data-action="save"]`).click();
    await page.locator(`[data-paper-id="${t2}"] [data-action="dismiss"]`).click();
    await expect.poll(() => page.locator(`[data-paper-id="${t2}"]`).count(), POLL).toBe(0);
    await expect.poll(() => page.locator('[data-role="toast"]').count(), POLL).toBe(1);
  }

  it('axe-core finds no serious or critical WCAG 2.2 AA violation on any page, light or dark, with read, saved and hidden papers', async () => {
    const setup = await openPage(ext, 'newtab.html');
    await expect.poll(() => setup.locator('[data-paper-id]').count(), POLL).toBe(trending.length);
    await triage(setup);
    await setup.close();

    const table: string[] = ['| page | theme | serious | critical |', '|---|---|---|---|'];
    const found: Record<string, AxeViolation[]> = {};
    for (const [name, path, viewport] of PAGES) {
      const page = await openPage(ext, path, viewport);
      await expect.poll(() => page.locator(name === 'options' ? '.options-main' : '[data-paper-id]').count(), POLL).toBeGreaterThan(0);
      if (name === 'new tab, list') await page.locator('[data-role="density"] input[value="list"]').check();
      if (name === 'new tab') {
        // A message on screen, with its Undo: it is checked too.
        await page.locator(`[data-paper-id="${t3}"] [data-action="toggle-read"]`).click();
        await expect.poll(() => page.locator('[data-role="toast"] [data-action="undo"]').count(), POLL).toBe(1);
      }
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const serious = (await axeViolations(page)).filter((v) => SERIOUS.has(v.impact ?? ''));
        found[`${name}, ${colorScheme}`] = serious;
        const count = (impact: string) => serious.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes.length, 0);
        table.push(`| ${name} | ${colorScheme} | ${count('serious')} | ${count('critical')} |`);
      }
      await page.close();
    }
    console.log(`axe-core ${WCAG_TAGS}\n${table.join('\n')}`);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
  });
});

const WCAG_TAGS = 'WCAG 2.2 AA (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)';
