// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedNotice } from '../../../../components/FeedNotice';
import { FeedTabs, panelAttributes } from '../../../../components/FeedTabs';
import { MarkAllRead } from '../../../../components/MarkAllRead';
import { PaperRow } from '../../../../components/PaperRow';
import { SyncStatusBar } from '../../../../components/SyncStatusBar';
import { Toast } from '../../../../components/Toast';
import { PopupHead } from '../../../../entrypoints/popup/PopupHead';
import type { Paper, UserState } from '../../../../utils/data/db';
import { impliedHistory } from '../../../../utils/data/history-store';
import type { PageData } from '../../../../utils/data/page-data';
import type { PaperView } from '../../../../utils/data/papers';
import { recent } from '../../../../utils/discover/series';
import { t } from '../../../../utils/lib/i18n';
import { buildNodes } from '../../../../utils/pages/boot/boot-copy';
import { sketchPopup } from '../../../../utils/pages/boot/popup-sketch';
import { FIRST_ROWS } from '../../../../utils/pages/first-rows';
import type { PaperHandlers } from '../../../../utils/triage/types';
import { parseSettings } from '../../../../utils/settings/schema';
import { viewLabel, visibleViews } from '../../../../utils/views/view-id';
import { HOSTILE_LINKS, HOSTILE_SUMMARY, HOSTILE_TITLES } from '../../../fixtures/hostile-hf';

// The popup's first screen drawn by its entry script (popup-sketch.ts) against the components the
// app draws it with, put together as entrypoints/popup/App.tsx's first render puts them (no tab
// counts, no rules or new pills, sparklines from the papers' own counts, rows past the first screen
// as shells, no sync tooltip): the same elements, attributes and words, for generated papers, user
// state, sync states and views. tests/e2e/boot.e2e.test.ts compares it with the app's own first
// render in Chromium.

afterEach(cleanup);

const NOW = Date.parse('2026-06-12T10:00:00Z');
const URL_OF = (path: string) => `${location.origin}${path}`;

type Shape = string | [string, string[], Shape[]];
/** Tag, sorted attributes and children; adjacent text joined and empty text dropped. */
function shape(node: Node): Shape[] {
  const out: Shape[] = [];
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      const text = child.nodeValue ?? '';
      if (text === '') continue;
      if (typeof out[out.length - 1] === 'string') out[out.length - 1] += text;
      else out.push(text);
    } else if (child instanceof Element) {
      out.push([child.localName, [...child.attributes].map((a) => `${a.name}=${a.value}`).sort(), shape(child)]);
    }
  }
  return out;
}

const handlers = new Proxy({}, { get: () => vi.fn() }) as PaperHandlers;

/** The app's first render of the popup for `data`, from its components. */
function AppFirstRender({ data, mirror }: { data: PageData; mirror: Record<string, unknown> }) {
  const { view, papers } = data;
  // The settings as the app reads them from their copy (useSettings).
  const settings = parseSettings(mirror);
  const views = visibleViews(data.sizes, [], true, settings.liveFeeds, view).filter((v) => v !== 'hidden' || v === view);
  const extras = (paper: Paper) => {
    const implied = impliedHistory(paper);
    return implied && { spark: recent(implied.upvotes, NOW) };
  };
  return (
    <main class="popup-main">
      <PopupHead query="" search={{ status: 'idle', prepare: vi.fn() } as never} searchRef={{ current: null }} onInput={vi.fn()} fullView={URL_OF(`/newtab.html?feed=${encodeURIComponent(view)}`)} onFullView={vi.fn()} optionsUrl={URL_OF('/options.html')} onOptions={vi.fn()} />
      <FeedTabs views={views} current={view} label={viewLabel} counts={undefined} dimmed={false} panel="papers" onSelect={vi.fn()} />
      <SyncStatusBar status={data.status} syncing={false} now={NOW} onSync={vi.fn()} periodMinutes={settings.syncPeriodMinutes} />
      <FeedNotice view={view} status={data.status} arxiv={data.arxiv} now={NOW} brief />
      <div id="papers" class="rows-panel" {...panelAttributes(view)}>
        <ol class="rows">
          {papers.map((v, i) => (
            <PaperRow key={v.paper.id} view={v} first={i === 0} handlers={handlers} isNew={false} extras={extras(v.paper)} shell={i >= FIRST_ROWS} />
          ))}
        </ol>
      </div>
      <Toast message={undefined} onClose={vi.fn()} onUndone={vi.fn()} />
      <footer class="popup-foot">
        <button type="button" class="btn ghost" data-action="key-help" title={t('keys.buttonTitle')} aria-keyshortcuts="?">
          {t('keys.button')}
        </button>
        <MarkAllRead unread={papers.filter((v) => !v.state?.readAt).length} onClick={vi.fn()} />
      </footer>
    </main>
  );
}

const text = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom(...HOSTILE_TITLES, HOSTILE_SUMMARY));
const day = fc.integer({ min: Date.parse('2026-05-01'), max: NOW }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const link = fc.option(fc.constantFrom('https://huggingface.co/papers/2606.00001', ' https://arxiv.org/abs/2606.00001 ', 'not a url', ...HOSTILE_LINKS), { nil: undefined });

const paper = (id: string) =>
  fc.record({
    title: text,
    authors: fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }),
    upvotes: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    githubStars: fc.option(fc.integer({ min: 0, max: 90_000 }), { nil: undefined }),
    featuredOn: fc.option(day, { nil: undefined }),
    publishedAt: fc.option(fc.integer({ min: Date.parse('2020-01-01'), max: NOW }), { nil: undefined }),
    aiSummary: fc.option(fc.oneof(fc.constant(''), text), { nil: undefined }),
    source: fc.constantFrom('hf', 'arxiv', 'bundled'),
    hf: link,
    arxiv: link,
    // Stored an hour to two weeks ago: the oldest have no sparkline left in its window.
    firstSeenAt: fc.integer({ min: NOW - 14 * 86_400_000, max: NOW - 3_600_000 }),
    lastSeenInFeedAt: fc.option(fc.integer({ min: NOW - 5 * 86_400_000, max: NOW }), { nil: undefined }),
  }).map(({ hf, arxiv, ...rest }): Paper => ({ id, summary: 'An abstract.', links: { hf, arxiv } as Paper['links'], ...rest }) as Paper);

const state = fc.option(
  fc.record({ readAt: fc.option(fc.constant(NOW - 60_000), { nil: undefined }), savedAt: fc.option(fc.constant(NOW - 60_000), { nil: undefined }) }),
  { nil: undefined },
);

const views = fc.array(fc.tuple(fc.nat(), state), { minLength: 1, maxLength: FIRST_ROWS + 6 }).chain((rows) =>
  fc.tuple(...rows.map(([, s], i) => paper(`2606.${String(10_000 + i)}`).map((p): PaperView => ({ paper: p, state: s && ({ id: p.id, ...s } as UserState), rank: i + 1 })))),
);

const status = fc.record({
  lastSuccessAt: fc.option(fc.integer({ min: NOW - 3 * 86_400_000, max: NOW }), { nil: undefined }),
  lastError: fc.option(
    fc.record({ at: fc.integer({ min: NOW - 86_400_000, max: NOW }), kind: fc.constantFrom('offline', 'http'), message: fc.constantFrom('HTTP 503', 'Offline') }),
    { nil: undefined },
  ),
  nextAttemptAt: fc.option(fc.integer({ min: NOW - 60_000, max: NOW + 3_600_000 }), { nil: undefined }),
  feeds: fc.record({ 'hf-daily': fc.record({ day: day, fetchedAt: fc.constant(NOW - 60_000), skipped: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) }) }),
});

describe('the popup drawn by its entry script', () => {
  it("draws the app's first render, element for element", () => {
    fc.assert(
      fc.property(
        views,
        status,
        fc.constantFrom('hf-trending', 'hf-daily', 'bundled'),
        fc.constantFrom<('hf-trending' | 'hf-daily')[]>(['hf-trending', 'hf-daily'], ['hf-daily'], ['hf-trending']),
        fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
        (papers, syncStatus, view, liveFeeds, period) => {
          const sizes = { 'hf-trending': view === 'bundled' ? 0 : 12, 'hf-daily': view === 'bundled' ? 0 : 30, bundled: 88 };
          const data = { sizes, status: syncStatus, arxiv: { feeds: {} }, view, papers, bootPatches: [] } as unknown as PageData;
          const mirror = { liveFeeds, syncPeriodMinutes: period };
          const nodes = sketchPopup(data, { settings: mirror, now: NOW, url: URL_OF })!;
          expect(nodes).toBeDefined();
          const drawn = document.createElement('div');
          drawn.append(...buildNodes(document, nodes));
          const { container } = render(<AppFirstRender data={data} mirror={mirror} />);
          // happy-dom has no `spellcheck` property for Preact to set (Chromium reflects it as the
          // attribute the sketch sets: the e2e comparison sees it).
          drawn.querySelector('[data-role="search"]')?.removeAttribute('spellcheck');
          expect(shape(drawn)).toEqual(shape(container));
          cleanup();
        },
      ),
      { numRuns: 100 },
    );
    // 100 renders of a whole first screen: about a second alone, several on a busy machine.
  }, 30_000);

  it('draws nothing where the app must: no papers, a hidden page, settings its schema would change', () => {
    const data = { sizes: { 'hf-trending': 1, 'hf-daily': 0, bundled: 0 }, status: { feeds: {} }, arxiv: { feeds: {} }, view: 'hf-trending', bootPatches: [] } as unknown as PageData;
    const one: PaperView = { paper: { id: '2606.00001', title: 'A', summary: '', authors: [], links: {}, source: 'hf', firstSeenAt: NOW } as unknown as Paper, state: undefined, rank: 1 };
    const context = { settings: { liveFeeds: ['hf-trending'] }, now: NOW, url: URL_OF };
    expect(sketchPopup({ ...data, papers: [one] }, context)).toBeDefined();
    expect(sketchPopup({ ...data, papers: [] }, context)).toBeUndefined();
    for (const settings of [{}, { liveFeeds: 'hf-trending' }, { liveFeeds: ['hf-weekly'] }, { liveFeeds: [] }, { liveFeeds: ['hf-trending'], syncPeriodMinutes: '60' }]) {
      expect(sketchPopup({ ...data, papers: [one] }, { ...context, settings }), JSON.stringify(settings)).toBeUndefined();
    }
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    expect(sketchPopup({ ...data, papers: [one] }, context)).toBeUndefined();
    visibility.mockRestore();
  });
});
