import { panelAttributes } from '../../../components/tab-attributes';
import type { PageData } from '../../data/page-data';
import { t } from '../../lib/i18n';
import { visibleViews } from '../../views/view-id';
import { FIRST_ROWS } from '../first-rows';
import type { CopiedNode } from './boot-copy-store';
import { brand, el, feedNotice, feedTabs, keysButton, markAllRead, pageVisible, paperRow, searchBox, sketchSettings, syncStatusBar, toastSlot, type SketchContext } from './sketch-parts';

// The popup's first screen drawn by its entry script from the entry's own read, on a visit with
// no boot copy to show (the first after an install or an update, or localStorage cleared): it is
// shown as a boot copy is (boot-copy.ts) and the app takes over from it the same way. Drawn with
// DOM calls, it waits neither for the app's files nor for Preact's render: with nothing saved at
// 10,000 papers (bench:cold --pages popup, 11 loads a round, taking turns with the build without
// it), about 230 → 175 ms to the first paper against a static copy of about 145 ms.
//
// It is what the app's first render draws from the same read (entrypoints/popup/App.tsx: no tab
// counts, rules, new pills or sync tooltip yet, every paper past the first screen a shell), and
// must stay so: tests/utils/pages/boot/popup-sketch.test.tsx compares it with the components on
// generated papers, and tests/e2e/boot.e2e.test.ts with the app's first render in Chromium. The
// words, attributes and shapes come from the helpers the components use. A state it does not
// draw the app's way (no papers, odd settings) draws nothing: the app draws it, as before.

export type { SketchContext } from './sketch-parts';

/**
 * The popup's first screen for `data`, as the boot copy's nodes; undefined where the app must draw
 * it: no papers (the empty state), a hidden page (the app then draws every paper whole), or
 * settings the app's schema would change.
 */
export function sketchPopup(data: PageData, context: SketchContext): CopiedNode[] | undefined {
  const settings = sketchSettings(context.settings);
  if (!settings || data.papers.length === 0 || !pageVisible()) return undefined;
  const { view, papers } = data;
  const tabs = visibleViews(data.sizes, [], true, settings.liveFeeds, view).filter((v) => v !== 'hidden' || v === view);
  const unread = papers.filter((v) => !v.state?.readAt).length;
  return [
    el('main', { class: 'popup-main' }, [
      head(context.url(`/newtab.html?feed=${encodeURIComponent(view)}`), context.url('/options.html')),
      feedTabs(tabs, view),
      syncStatusBar(data.status, context.now, settings.period),
      feedNotice({ view, status: data.status, arxiv: data.arxiv, now: context.now, brief: true }),
      el('div', { id: 'papers', class: 'rows-panel', ...panelAttributes(view) }, [el('ol', { class: 'rows' }, papers.map((paper, i) => paperRow(paper, i < FIRST_ROWS, i === 0, context.now)))]),
      toastSlot(),
      el('footer', { class: 'popup-foot' }, [
        keysButton(),
        markAllRead(unread),
      ]),
    ]),
  ];
}

/** PopupHead: the name, the search field, the full view and the settings. */
function head(fullView: string, options: string): CopiedNode {
  return el('header', { class: 'popup-head' }, [
    brand(),
    searchBox(),
    el('a', { class: 'btn ghost', href: fullView, 'data-action': 'full-view' }, [t('popup.fullView')]),
    el('a', { class: 'btn ghost', href: options, 'data-action': 'open-options', title: t('settingsLink.label'), 'aria-label': t('settingsLink.label') }, ['⚙']),
  ]);
}
