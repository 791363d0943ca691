import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, launch, newProfile, openPage, readFlag, waitFor, type Extension } from './browser';
import { POLL } from './config';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';

// The boot copy (utils/boot-cache.ts): a repeat visit paints the first screen the last one saved,
// then the live page takes over. Whatever is on screen lists every paper with its current flag.
const daily = recordedItems('2026-06-12');
const trending = [...daily].sort((a, b) => b.paper.upvotes - a.paper.upvotes).slice(0, 12);

const savedCopy = (page: 'newtab' | 'popup') => `paperboy:boot:${page}`;

/** The `data-read` a page's saved copy shows for a paper (null when no copy is saved). */
function flagInCopy([key, id]: [string, string]): string | null | undefined {
  type Node = string | [string, [string, string][], Node[]];
  const raw = localStorage.getItem(key);
  if (raw === null) return null;
  const find = (nodes: Node[]): string | undefined => {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      const [, attributes, children] = node;
      if (attributes.some(([name, value]) => name === 'data-paper-id' && value === id)) return attributes.find(([name]) => name === 'data-read')?.[1];
      const found = find(children);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return find((JSON.parse(raw) as { nodes: Node[] }).nodes);
}

describe('boot copy of the first screen', () => {
  const server = new FixtureServer(jsonFeeds(daily, trending));
  const profile = newProfile();
  let ext: Extension;

  beforeAll(async () => {
    await server.start();
    ext = await launch(profile);
    await waitFor(() => badgeText(ext), String(daily.length));
  });

  afterAll(async () => {
    await ext?.context.close();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  });

  it('shows every paper from the first frame of a repeat visit, then hands over to the live page', async () => {
    const first = await openPage(ext, 'newtab.html');
    await expect.poll(() => first.locator('[data-paper-id]').count(), POLL).toBe(trending.length);
    await expect.poll(() => first.evaluate((key) => localStorage.getItem(key) !== null, savedCopy('newtab')), POLL).toBe(true);
    await first.close();

    const again = await openPage(ext, 'newtab.html');
    // At the load event, before any waiting: the copy (or the live page) lists them all, once.
    expect(await again.locator('[data-paper-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-paper-id')))).toEqual(
      trending.map((item) => item.paper.id),
    );
    await expect.poll(() => again.locator('#app [data-paper-id]').count(), POLL).toBe(trending.length);
    expect(await again.locator('[data-paper-id]').count()).toBe(trending.length);
    await again.close();
  });

  it('never boots with a read flag that changed since the copy was saved', async () => {
    const id = trending[1]!.paper.id;
    for (const page of ['newtab', 'popup'] as const) {
      const visit = await openPage(ext, `${page}.html`);
      await expect.poll(() => readFlag(visit, id), POLL).toBe('false');
      await expect.poll(() => visit.evaluate(flagInCopy, [savedCopy(page), id] as [string, string]), POLL).toBe('false');
      await visit.close();
    }

    const popup = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    await popup.locator(`#app [data-paper-id="${id}"] [data-action="toggle-read"]`).click();
    await expect.poll(() => readFlag(popup, id), POLL).toBe('true');
    // No saved copy still shows the old flag: the change forgot them (a page may save a new one).
    for (const page of ['newtab', 'popup'] as const) {
      expect(await popup.evaluate(flagInCopy, [savedCopy(page), id] as [string, string])).not.toBe('false');
    }
    await popup.close();

    const newtab = await openPage(ext, 'newtab.html');
    expect(await readFlag(newtab, id)).toBe('true');
    const popupAgain = await openPage(ext, 'popup.html', { width: 420, height: 600 });
    expect(await readFlag(popupAgain, id)).toBe('true');
  });
});
