// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { useNewtab } from '../../../../entrypoints/newtab/use-newtab';
import type { Paper } from '../../../../utils/data/db';
import type { PageData } from '../../../../utils/data/page-data';
import type { PaperView } from '../../../../utils/data/papers';
import { buildNodes } from '../../../../utils/pages/boot/boot-copy';
import { sketchNewtab } from '../../../../utils/pages/boot/newtab-sketch';
import { firstSpark } from '../../../../utils/pages/boot/sketch-parts';
import { FIRST_CARDS, FIRST_ROWS } from '../../../../utils/pages/first-rows';
import type { CardExtras } from '../../../../utils/pages/use-discover';
import { parseSettings } from '../../../../utils/settings/schema';
import { applyView, DEFAULT_VIEW, topKeywords } from '../../../../utils/views/view-state';
import { defaultViews, handlers, liveFeeds, NOW, paperViews, shape, sizesFor, syncPeriod, syncStatus, URL_OF } from './sketch-cases';

// The new tab's first screen drawn by its entry script (newtab-sketch.ts) against the app's own
// App.tsx, rendered with what its hook (use-newtab.ts) gives on the first render at the plain
// address: the default view state, the entry's read, no tab counts, search, rules, histories,
// last visit or selection yet, the layout from the settings' copy. The same elements, attributes
// and words, for generated papers, user state, sync states, views and both layouts.
// tests/e2e/boot.e2e.test.ts compares it with the app's first render in Chromium, hook and all.

let page: ReturnType<typeof useNewtab>;
vi.mock('../../../../entrypoints/newtab/use-newtab', () => ({ useNewtab: () => page }));

// App localises the document as it loads: after the test setup has given the browser its words.
let App: typeof import('../../../../entrypoints/newtab/App').App;
beforeEach(async () => {
  App ??= (await import('../../../../entrypoints/newtab/App')).App;
});
afterEach(cleanup);

/** What useNewtab gives on the first render of the plain address, for the entry's read and the settings' copy. */
function firstRender(data: PageData, mirror: Record<string, unknown>): ReturnType<typeof useNewtab> {
  const settings = parseSettings(mirror);
  const shown = applyView(data.papers, DEFAULT_VIEW);
  const extras = new Map<string, CardExtras>();
  for (const { paper } of data.papers) {
    const spark = firstSpark(paper, NOW);
    if (spark) extras.set(paper.id, { spark });
  }
  const page = {
    state: DEFAULT_VIEW,
    update: vi.fn(),
    searchRef: { current: null },
    search: { status: 'idle', prepare: vi.fn() },
    searching: false,
    sizes: data.sizes,
    tabCounts: undefined,
    status: data.status,
    arxiv: data.arxiv,
    view: data.view,
    papers: data.papers,
    results: 'all',
    syncing: false,
    syncError: undefined,
    syncNow: vi.fn(),
    refresh: { busy: false, error: undefined, needsAccess: false, refresh: vi.fn(), addCategory: vi.fn(), removeCategory: vi.fn() },
    shown,
    cards: shown,
    extras,
    keywords: topKeywords(data.papers),
    triage: { selected: undefined, help: false, message: undefined, handlers, setHelp: vi.fn(), closeMessage: vi.fn(), focusCurrent: vi.fn(), markAllRead: vi.fn(), exportList: vi.fn() },
    density: settings.density,
    setDensity: vi.fn(),
    lastVisit: undefined,
    now: NOW,
    settings,
    options: { url: URL_OF('/options.html'), open: vi.fn() },
  };
  return page as unknown as ReturnType<typeof useNewtab>;
}

/** The sketch's nodes, built as the page builds them, and App's first render, side by side. */
function both(data: PageData, mirror: Record<string, unknown>) {
  const nodes = sketchNewtab(data, { settings: mirror, now: NOW, url: URL_OF });
  expect(nodes).toBeDefined();
  const drawn = document.createElement('div');
  drawn.append(...buildNodes(document, nodes!));
  // happy-dom has no `spellcheck` property for Preact to set (Chromium reflects it as the attribute
  // the sketch sets: the e2e comparison sees it).
  drawn.querySelector('[data-role="search"]')?.removeAttribute('spellcheck');
  page = firstRender(data, mirror);
  const { container } = render(<App />);
  return { drawn, app: container };
}

const dataOf = (view: string, papers: PaperView[], status: unknown, categories: string[] = []) =>
  ({ sizes: sizesFor(view), status, arxiv: { feeds: {}, categories }, view, papers, bootPatches: [] }) as unknown as PageData;

describe('the new tab drawn by its entry script', () => {
  it("draws App's first render, element for element, in either layout", () => {
    fc.assert(
      fc.property(
        paperViews(Math.max(FIRST_CARDS, FIRST_ROWS) + 6),
        syncStatus,
        defaultViews,
        liveFeeds,
        syncPeriod,
        fc.constantFrom('cards', 'list'),
        fc.constantFrom<string[][]>([], ['cs.LG'], ['cs.CL', 'math.OC']),
        (papers, status, view, feeds, period, density, categories) => {
          const { drawn, app } = both(dataOf(view, papers, status, categories), { liveFeeds: feeds, syncPeriodMinutes: period, density });
          expect(shape(drawn)).toEqual(shape(app));
          cleanup();
        },
      ),
      { numRuns: 60 },
    );
    // 60 renders of a whole new tab: a few seconds alone, more on a busy machine.
  }, 60_000);

  it('draws the first screen whole and every paper past it as a shell with its flags', () => {
    const papers = Array.from({ length: FIRST_CARDS + 3 }, (_, i): PaperView => ({
      paper: { id: `2606.${10_000 + i}`, title: `Paper ${i}`, summary: 'An abstract.', authors: ['A. Author'], links: { hf: `https://huggingface.co/papers/2606.${10_000 + i}` }, source: 'hf', firstSeenAt: NOW - 3_600_000 } as unknown as Paper,
      state: i === FIRST_CARDS + 1 ? { id: `2606.${10_000 + i}`, readAt: NOW } : undefined,
      rank: i + 1,
    }));
    const { drawn } = both(dataOf('hf-trending', papers, { feeds: {} }), { liveFeeds: ['hf-trending'], density: 'cards' });
    const cards = [...drawn.querySelectorAll('article[data-paper-id]')];
    expect(cards.map((card) => card.hasAttribute('data-shell'))).toEqual(papers.map((_, i) => i >= FIRST_CARDS));
    expect(cards.map((card) => card.getAttribute('data-read'))).toEqual(papers.map((_, i) => String(i === FIRST_CARDS + 1)));
    expect(drawn.querySelector('[elementtiming="first-paper"]')?.textContent).toBe('Paper 0');
    expect(drawn.querySelector('[data-action="mark-all-read"]')?.textContent).toContain(String(papers.length - 1));
  });

  it('draws nothing where the app must: no papers, a view it does not read, a hidden page, no layout or settings its schema would change', () => {
    const one: PaperView = { paper: { id: '2606.00001', title: 'A', summary: '', authors: [], links: {}, source: 'hf', firstSeenAt: NOW } as unknown as Paper, state: undefined, rank: 1 };
    const data = dataOf('hf-trending', [one], { feeds: {} });
    const context = { settings: { liveFeeds: ['hf-trending'], density: 'list' }, now: NOW, url: URL_OF };
    expect(sketchNewtab(data, context)).toBeDefined();
    expect(sketchNewtab({ ...data, papers: [] }, context)).toBeUndefined();
    expect(sketchNewtab({ ...data, view: 'saved' }, context)).toBeUndefined();
    for (const settings of [{ liveFeeds: ['hf-trending'] }, { liveFeeds: ['hf-trending'], density: 'grid' }, { liveFeeds: [], density: 'cards' }, { liveFeeds: ['hf-trending'], density: 'cards', syncPeriodMinutes: '60' }]) {
      expect(sketchNewtab(data, { ...context, settings }), JSON.stringify(settings)).toBeUndefined();
    }
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    expect(sketchNewtab(data, context)).toBeUndefined();
    visibility.mockRestore();
  });
});
