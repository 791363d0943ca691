import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badgeText, discard, launch, openPage, readFlag, screenshot, waitFor, type Extension } from './browser';
import { POLL } from './config';
import { putRows } from './reliability-harness';
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
      // The live page, not a copy painted before it (`#app` is out of the document until it takes over): what is checked, and what the layout switch acts on.
      await expect.poll(() => page.locator(name === 'options' ? '.options-main' : '#app [data-paper-id]').count(), POLL).toBeGreaterThan(0);
      if (name === 'new tab, list') await page.locator('[data-role="density"] input[value="list"]').check();
      if (name === 'new tab') {
        // A message on screen, with its Undo: it is checked too.
        await page.locator(`[data-paper-id="${t3}"] [data-action="toggle-read"]`).click();
        await expect.poll(() => page.locator('[data-role="toast"] [data-action="undo"]').count(), POLL).toBe(1);
      }
      await checkBothThemes(page, name, table, found);
      await page.close();
    }
    console.log(`axe-core ${WCAG_TAGS}\n${table.join('\n')}`);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
  });

  it('and none on Rising, For you and Catch-up, and the rules editor with a rule and its live preview', async () => {
    const setup = await openPage(ext, 'newtab.html?feed=hf-daily');
    await expect.poll(() => setup.locator('[data-paper-id]').count(), POLL).toBe(daily.length);
    // Counts from earlier syncs (sparklines and rates on Rising), and a few reads (For you).
    const now = Date.now();
    const row = (id: string, perHour: number) => ({ id, lastAt: now - HOUR, upvotes: { t: [now - 6 * HOUR, now - 3 * HOUR, now - HOUR], v: [5, 5 + 3 * perHour, 5 + 5 * perHour] } });
    await putRows(setup, 'history', daily.slice(3, 8).map((item, i) => row(item.paper.id, 40 - 8 * i)));
    for (const item of daily.slice(0, 3)) {
      await setup.locator(`[data-paper-id="${item.paper.id}"] [data-action="toggle-read"]`).first().click();
      await expect.poll(() => readFlag(setup, item.paper.id), POLL).toBe('true');
    }
    await setup.close();

    // A rule that pins, one that dims, and one being typed with its live preview on screen.
    const options = await openPage(ext, 'options.html', { width: 1280, height: 900 });
    const words = daily.map((item) => (item.title as string).split(/[^A-Za-z]+/).find((w) => w.length >= 8)).filter(Boolean);
    for (const [i, effect] of (['pin', 'dim'] as const).entries()) {
      await options.locator('[data-role="rule-pattern"]').fill(words[i * 3]!);
      await options.locator('[data-role="rule-effect"]').selectOption(effect);
      await options.locator('[data-action="add-rule"]').click();
      await expect.poll(() => options.locator('[data-role="rules"] li').count(), POLL).toBe(i + 1);
    }
    await options.locator('[data-role="rule-pattern"]').fill('model');
    await expect.poll(() => options.locator('[data-role="rule-preview"] li').count(), POLL).toBeGreaterThan(0);
    await options.locator('[data-role="rule-pattern"]').scrollIntoViewIfNeeded();
    await screenshot(options, 'a11y-rules-editor');

    const table: string[] = ['| page | theme | serious | critical |', '|---|---|---|---|'];
    const found: Record<string, AxeViolation[]> = {};
    await checkBothThemes(options, 'options, rules editor', table, found);
    for (const view of ['rising', 'for-you', 'catch-up']) {
      const page = await openPage(ext, `newtab.html?feed=${view}`, { width: 1280, height: 900 });
      const ready = view === 'for-you' ? '[data-paper-id][data-reason]' : view === 'rising' ? 'svg[data-role="sparkline"]' : '[data-paper-id]';
      await expect.poll(() => page.locator(ready).count(), POLL).toBeGreaterThan(0);
      await checkBothThemes(page, `new tab, ${view}`, table, found);
      table.push(`| (${view}: ${await page.locator('[data-rule-effect]').count()} cards a rule pins or dims) | | | |`);
      await screenshot(page, `a11y-${view}-dark`);
      await page.close();
    }
    console.log(`axe-core ${WCAG_TAGS}\n${table.join('\n')}`);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
  });
});

/** Runs axe-core on a page in the light theme, then the dark one; adds a row per theme. */
async function checkBothThemes(page: Page, name: string, table: string[], found: Record<string, AxeViolation[]>): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const serious = (await axeViolations(page)).filter((v) => SERIOUS.has(v.impact ?? ''));
    found[`${name}, ${colorScheme}`] = serious;
    const count = (impact: string) => serious.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes.length, 0);
    table.push(`| ${name} | ${colorScheme} | ${count('serious')} | ${count('critical')} |`);
  }
}

const HOUR = 3_600_000;


const WCAG_TAGS = 'WCAG 2.2 AA (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)';
