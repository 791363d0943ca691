import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badgeText, discard, launch, openPage, readFlag, screenshot, waitFor, type Extension } from './browser';
import { POLL } from './config';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';

// A morning of triage, where focus goes and what can be taken back. The live feeds of
// core.e2e.test.ts: today = the 30 papers of 2026-06-12; trending = the 3 of 2026-08-03 and the
// 10 most upvoted of 06-12 (33 unread papers in all).
const daily = recordedItems('2026-06-12');
const trending = [...recordedItems('2026-08-03'), ...[...daily].sort((a, b) => b.paper.upvotes - a.paper.upvotes).slice(0, 10)];
const UNREAD_AT_START = new Set([...daily, ...trending].map((i) => i.paper.id)).size;
const [t0, t1, t2] = trending.map((i) => i.paper.id) as [string, string, string];

const paper = (page: Page, id: string) => page.locator(`[data-paper-id="${id}"]`);
/** The paper holding focus (undefined when focus is outside every paper). */
const focusedPaper = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-paper-id]')?.getAttribute('data-paper-id') ?? undefined);
const current = (page: Page) => page.locator('[aria-current="true"]').getAttribute('data-paper-id');

describe('a morning of triage in Chromium', () => {
  const server = new FixtureServer(jsonFeeds(daily, trending));
  let ext: Extension;
  let newtab: Page;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(async () => {
    ext = await launch();
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));
    newtab = await openPage(ext, 'newtab.html');
    await expect.poll(() => newtab.locator('[data-paper-id]').count(), POLL).toBe(trending.length);
  });
  afterEach(() => discard(ext));

  it('one current paper: after j, Tab into the next paper makes it current, and s saves that one', async () => {
    await newtab.locator('body').click({ position: { x: 5, y: 5 } });
    await newtab.keyboard.press('j');
    await expect.poll(() => current(newtab), POLL).toBe(t0);
    expect(await focusedPaper(newtab)).toBe(t0);
    // Tab on through the first paper's controls until focus reaches the second paper.
    for (let i = 0; i < 40 && (await focusedPaper(newtab)) !== t1; i++) await newtab.keyboard.press('Tab');
    expect(await focusedPaper(newtab)).toBe(t1);
    await expect.poll(() => current(newtab), POLL).toBe(t1);
    await newtab.keyboard.press('s');
    await expect.poll(() => paper(newtab, t1).getAttribute('data-saved'), POLL).toBe('true');
    expect(await paper(newtab, t0).getAttribute('data-saved')).toBe('false');
    // A click on a paper makes it current too.
    await paper(newtab, t2).locator('.card-meta').click();
    await expect.poll(() => current(newtab), POLL).toBe(t2);
    await newtab.keyboard.press('m');
    await expect.poll(() => readFlag(newtab, t2), POLL).toBe('true');
    expect(await readFlag(newtab, t1)).toBe('false');
  });

  it('Hide: focus goes on to the next paper, the message’s Undo brings the paper back with focus, and the Hidden list restores it', async () => {
    await paper(newtab, t1).locator('[data-action="dismiss"]').click();
    await expect.poll(() => paper(newtab, t1).count(), POLL).toBe(0);
    await expect.poll(() => focusedPaper(newtab), POLL).toBe(t2);
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - 1));
    const toast = newtab.locator('[data-role="toast"]');
    expect(await toast.textContent()).toContain('Hidden');
    await toast.locator('[data-action="undo"]').click();
    await expect.poll(() => paper(newtab, t1).count(), POLL).toBe(1);
    await expect.poll(() => focusedPaper(newtab), POLL).toBe(t1);
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));

    // Hidden for good this time, with the key; it waits in the Hidden list, which restores it.
    await newtab.keyboard.press('Shift+X');
    await expect.poll(() => paper(newtab, t1).count(), POLL).toBe(0);
    const hidden = await openPage(ext, 'newtab.html?feed=hidden');
    await expect.poll(() => hidden.locator('[data-paper-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-paper-id'))), POLL).toEqual([t1]);
    await screenshot(hidden, 'readme-hidden');
    await paper(hidden, t1).locator('[data-action="restore"]').click();
    await expect.poll(() => hidden.locator('[data-paper-id]').count(), POLL).toBe(0);
    await expect.poll(() => hidden.locator('[data-role="empty"]').textContent(), POLL).toContain('Nothing hidden');
    // Restored everywhere at once: the other tab lists it again, the badge counts it again.
    await expect.poll(() => paper(newtab, t1).count(), POLL).toBe(1);
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));
    await hidden.close();
  });

  it('m and "Mark N as read" say what they did and offer Undo; the badge follows both ways', async () => {
    await paper(newtab, t0).locator('[data-action="toggle-read"]').click();
    await expect.poll(() => readFlag(newtab, t0), POLL).toBe('true');
    await paper(newtab, t0).click({ position: { x: 5, y: 5 } });
    // m on a read paper marks it unread, and says so (it used to do that silently).
    await newtab.keyboard.press('m');
    await expect.poll(() => readFlag(newtab, t0), POLL).toBe('false');
    const toast = newtab.locator('[data-role="toast"]');
    await expect.poll(() => toast.textContent(), POLL).toContain('unread');
    expect(await toast.locator('[data-action="undo"]').count()).toBe(1);

    await newtab.locator('[data-action="mark-all-read"]').click();
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START - trending.length));
    await expect.poll(() => toast.textContent(), POLL).toContain(`Marked ${trending.length} papers read`);
    await toast.locator('[data-action="undo"]').click();
    await waitFor(() => badgeText(ext), String(UNREAD_AT_START));
    await expect.poll(() => newtab.locator('[data-read="true"]').count(), POLL).toBe(0);
  });

  it('messages leave by themselves and cover no paper or control', async () => {
    await paper(newtab, t0).locator('[data-action="copy-markdown"]').click();
    const toast = newtab.locator('[data-role="toast"]');
    await expect.poll(() => toast.count(), POLL).toBe(1);
    const covered = await newtab.evaluate(() => {
      const box = document.querySelector('[data-role="toast"]')!.getBoundingClientRect();
      return [...document.querySelectorAll('[data-paper-id], a, button, input, select, summary')]
        .filter((el) => !el.closest('[data-role="toast"]') && el.checkVisibility())
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && Math.min(r.right, box.right) - Math.max(r.left, box.left) > 0 && Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top) > 0;
        })
        .map((el) => el.outerHTML.slice(0, 80));
    });
    expect(covered).toEqual([]);
    expect(await newtab.locator('[role="status"][aria-live="polite"] [data-role="toast"]').count()).toBe(1);
    await expect.poll(() => toast.count(), POLL).toBe(0);
  });

  it('the key map takes focus, keeps Tab inside, and gives focus back; a skip link leads to the papers', async () => {
    await newtab.locator('[data-action="key-help"]').click();
    const dialog = newtab.locator('dialog[data-role="key-help"]');
    await expect.poll(() => newtab.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]'))), POLL).toBe(true);
    // Tab never reaches the page behind it (past its last control, the browser's own toolbar may take focus).
    for (let i = 0; i < 5; i++) {
      await newtab.keyboard.press('Tab');
      const where = await newtab.evaluate(() => (document.activeElement?.closest('dialog[open]') ? 'dialog' : document.activeElement === document.body ? 'browser' : document.activeElement?.outerHTML.slice(0, 60)));
      expect(['dialog', 'browser']).toContain(where);
    }
    await newtab.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    // The dialog gives the focus back as it closes; the poll covers the task that does it.
    await expect.poll(() => newtab.evaluate(() => document.activeElement?.getAttribute('data-action')), POLL).toBe('key-help');

    // From the top of the page: the first Tab reaches the skip link, which leads past the controls.
    const fresh = await openPage(ext, 'newtab.html');
    // The live page, not the copy of the last visit painted before it (`#app` is out of the document until it takes over).
    await expect.poll(() => fresh.locator('#app [data-paper-id]').count(), POLL).toBe(trending.length);
    await fresh.keyboard.press('Tab');
    expect(await fresh.evaluate(() => document.activeElement?.textContent)).toContain('Skip to the papers');
    await fresh.keyboard.press('Enter');
    await fresh.keyboard.press('Tab');
    expect(await focusedPaper(fresh)).toBe(t0);
    // Without it, the first paper is a dozen Tab stops away, not two dozen.
    const stops = await fresh.evaluate(() => {
      const papers = document.querySelector('[data-paper-id]')!;
      return [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, summary, [tabindex="0"]')].filter(
        (el) =>
          el.tabIndex >= 0 &&
          el.checkVisibility() &&
          papers.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING &&
          !(el as HTMLInputElement).disabled &&
          // A radio group is one stop: its checked radio.
          !((el as HTMLInputElement).type === 'radio' && !(el as HTMLInputElement).checked),
      ).length;
    });
    console.log(`Tab stops before the first paper: ${stops}`);
    expect(stops).toBeLessThanOrEqual(16);
    await fresh.close();
  });
});
