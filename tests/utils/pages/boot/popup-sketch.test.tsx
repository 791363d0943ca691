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
import type { Paper } from '../../../../utils/data/db';
import { impliedHistory } from '../../../../utils/data/history-store';
import type { PageData } from '../../../../utils/data/page-data';
import type { PaperView } from '../../../../utils/data/papers';
import { recent } from '../../../../utils/discover/series';
import { t } from '../../../../utils/lib/i18n';
import { buildNodes } from '../../../../utils/pages/boot/boot-copy';
import { sketchPopup } from '../../../../utils/pages/boot/popup-sketch';
import { FIRST_ROWS } from '../../../../utils/pages/first-rows';
import { parseSettings } from '../../../../utils/settings/schema';
import { viewLabel, visibleViews } from '../../../../utils/views/view-id';
import { defaultViews, handlers, liveFeeds, NOW, paperViews, shape, sizesFor, syncPeriod, syncStatus, URL_OF } from './sketch-cases';

// The popup's first screen drawn by its entry script (popup-sketch.ts) against the components the
// app draws it with, put together as entrypoints/popup/App.tsx's first render puts them (no tab
// counts, no rules or new pills, sparklines from the papers' own counts, rows past the first screen
// as shells, no sync tooltip): the same elements, attributes and words, for generated papers, user
// state, sync states and views. tests/e2e/boot.e2e.test.ts compares it with the app's own first
// render in Chromium.

afterEach(cleanup);

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

describe('the popup drawn by its entry script', () => {
  it("draws the app's first render, element for element", () => {
    fc.assert(
      fc.property(
        paperViews(FIRST_ROWS + 6),
        syncStatus,
        defaultViews,
        liveFeeds,
        syncPeriod,
        (papers, status, view, feeds, period) => {
          const data = { sizes: sizesFor(view), status, arxiv: { feeds: {} }, view, papers, bootPatches: [] } as unknown as PageData;
          const mirror = { liveFeeds: feeds, syncPeriodMinutes: period };
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
