import { paperAttributes } from '../../../components/paper-attributes';
import { panelAttributes } from '../../../components/tab-attributes';
import type { PageData } from '../../data/page-data';
import type { PaperView } from '../../data/papers';
import { formatAuthors } from '../../lib/format';
import { t, type MessageKey } from '../../lib/i18n';
import { safeImageUrl, safeUrl } from '../../platform/url';
import { DENSITIES, type Density } from '../../settings/defaults';
import { BUNDLED_FEED, isLiveFeed } from '../../views/default-view';
import { visibleViews, type ViewId } from '../../views/view-id';
import { applyView, DEFAULT_VIEW, topKeywords } from '../../views/view-state';
import { FIRST_CARDS, FIRST_ROWS } from '../first-rows';
import type { CopiedNode } from './boot-copy-store';
import {
  brand,
  discoverReason,
  el,
  feedNotice,
  feedTabs,
  firstSpark,
  keysButton,
  markAllRead,
  pageVisible,
  paperActions,
  paperLink,
  paperMeta,
  paperRow,
  rank,
  searchBox,
  sketchSettings,
  sparkline,
  syncStatusBar,
  toastSlot,
  type Child,
  type SketchContext,
} from './sketch-parts';

// The new tab's first screen drawn by its entry script from the entry's own read, on a visit with
// no boot copy to show, as the popup's is (popup-sketch.ts): shown as a boot copy is, the app
// taking over from it the same way, without waiting for the app's files or Preact's render.
//
// It is what entrypoints/newtab/App.tsx's first render draws at the plain address (the default
// view, no search, no filters) from the same read: the header, the tabs without counts, the
// filters, the list's head, and the papers in the layout of the settings' copy, every one past the
// first screen a shell. tests/utils/pages/boot/newtab-sketch.test.tsx compares it with the
// components on generated papers, and tests/e2e/boot.e2e.test.ts with the app's first render in
// Chromium. A state it does not draw the app's way (no papers, no layout in the copy, odd
// settings) draws nothing: the app draws it, as before.

const LINK_LABELS: [keyof PaperView['paper']['links'], MessageKey][] = [
  ['hf', 'paper.link.hf'],
  ['arxiv', 'paper.link.arxiv'],
  ['pdf', 'paper.link.pdf'],
  ['code', 'paper.link.code'],
  ['project', 'paper.link.project'],
];

/**
 * The new tab's first screen for `data` at its plain address, as the boot copy's nodes; undefined
 * where the app must draw it: no papers (the empty state), a view other than a live feed or the
 * snapshot (the entry reads no other), a hidden page, or a settings' copy without a layout or that
 * the app's schema would change.
 */
export function sketchNewtab(data: PageData, context: SketchContext): CopiedNode[] | undefined {
  const settings = sketchSettings(context.settings);
  const density = context.settings.density as Density;
  const drawn = isLiveFeed(data.view) || data.view === BUNDLED_FEED;
  if (!settings || !DENSITIES.includes(density) || !drawn || data.papers.length === 0 || !pageVisible()) return undefined;
  const { view, papers, status, arxiv } = data;
  const { now } = context;
  const shown = applyView(papers, DEFAULT_VIEW);
  const views = visibleViews(data.sizes, arxiv?.categories ?? [], false, settings.liveFeeds, view);
  const cards = density !== 'list';
  const items = shown.map((paper, i) => (cards ? card(paper, i < FIRST_CARDS, i === 0, now) : paperRow(paper, i < FIRST_ROWS, i === 0, now)));
  return [
    el('div', { class: `page density-${density}` }, [
      el('a', { class: 'skip-link', href: '#papers' }, [t('newtab.skip')]),
      el('header', { class: 'page-head' }, [
        brand(),
        searchBox(),
        el('div', { class: 'head-actions' }, [
          syncStatusBar(status, now, settings.period),
          el('a', { class: 'btn ghost', href: context.url('/options.html'), 'data-action': 'open-options', title: t('settingsLink.label') }, [t('settingsLink.text')]),
        ]),
      ]),
      el('main', {}, [
        el('nav', { class: 'view-bar', 'aria-label': t('tabs.lists') }, [
          feedTabs(views, view),
          el('button', { type: 'button', class: 'tab', 'data-action': 'show-arxiv', title: t('arxiv.addTitle') }, [t('arxiv.add')]),
        ]),
        filterBar(papers),
        el('div', { class: 'list-head' }, [
          el('div', { class: 'list-head-text' }, [toastSlot(), feedNotice({ view, status, arxiv, now })]),
          viewActions(view, shown.filter((v) => !v.state?.readAt).length, density),
        ]),
        el('section', { id: 'papers', tabIndex: -1, ...panelAttributes(view) }, [el(cards ? 'div' : 'ol', { class: cards ? 'cards' : 'rows list' }, items)]),
      ]),
    ]),
  ];
}

/** PaperCard as the app's first render draws it: whole on the first screen, a shell past it. */
function card(view: PaperView, whole: boolean, first: boolean, now: number): CopiedNode {
  const { paper } = view;
  const attributes = paperAttributes(view, { kind: 'card', onSelect: () => undefined });
  if (!whole) return el('article', { ...attributes, 'data-shell': '' });
  const thumbnail = safeImageUrl(paper.thumbnail);
  return el('article', attributes, [
    thumbnail !== undefined && el('img', { class: 'thumb', src: thumbnail, alt: '', loading: 'lazy', decoding: 'async', width: 640, height: 320, referrerpolicy: 'no-referrer' }),
    el('div', { class: 'card-body' }, [
      el('header', { class: 'card-head' }, [rank(view.rank, { title: t('paper.rankTitle') }), el('h2', { class: 'card-title', elementtiming: first ? 'first-paper' : undefined }, [paperLink(paper)])]),
      el('p', { class: 'card-meta' }, [...paperMeta(paper, true), sparkline(firstSpark(paper, now))]),
      discoverReason(view),
      paper.authors.length > 0 && el('p', { class: 'card-authors' }, [formatAuthors(paper.authors, 6)]),
      ...cardSummary(view),
      paper.aiKeywords && el('ul', { class: 'keywords', 'aria-label': t('paper.keywords') }, paper.aiKeywords.slice(0, 8).map((keyword) => el('li', {}, [el('button', { type: 'button', class: 'chip', title: t('paper.keywordTitle', [keyword]) }, [keyword])]))),
      el(
        'p',
        { class: 'links' },
        LINK_LABELS.map(([key, label]) => {
          const url = safeUrl(paper.links[key]);
          return url !== undefined && el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, [t(label)]);
        }),
      ),
      paperActions(view, 'whole'),
    ]),
  ]);
}

/** CardSummary, folded: the AI one-liner or the abstract (clamped when long), and the button that unfolds it. */
function cardSummary({ paper }: PaperView): Child[] {
  const expandable = paper.summary !== '' && (paper.aiSummary !== undefined || paper.summary.length > 280);
  const summary = paper.aiSummary
    ? el('p', { class: 'card-summary' }, [el('span', { class: 'ai-label' }, [`${t('paper.aiSummary')} · `]), paper.aiSummary])
    : paper.summary !== '' && el('p', { class: `card-summary ${expandable ? 'clamped' : ''}` }, [paper.summary]);
  return [summary, expandable && el('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' }, [t('paper.showAbstract')])];
}

/** FilterBar at the default view: nothing filtered, the sort by rank, the rest folded. */
function filterBar(papers: PaperView[]): CopiedNode {
  const option = (value: string, text: string) => el('option', { value }, [text]);
  const field = (label: MessageKey, ...children: Child[]) => el('label', { class: 'field' }, [t(label), ...children]);
  const check = (filter: string, label: MessageKey) => el('label', { class: 'check' }, [el('input', { type: 'checkbox', 'data-filter': filter }), ` ${t(label)}`]);
  return el('div', { class: 'filters', role: 'group', 'aria-label': t('filters.label') }, [
    field('filters.topic', el('select', { 'data-filter': 'keyword' }, [option('', t('filters.any')), ...topKeywords(papers).map(({ keyword, count }) => option(keyword, `${keyword} (${count})`))])),
    check('code', 'filters.hasCode'),
    check('unread', 'filters.unreadOnly'),
    field('filters.sort', el('select', { 'data-filter': 'sort' }, [option('rank', t('filters.sortRank')), option('upvotes', t('filters.sortUpvotes')), option('newest', t('filters.sortNewest'))])),
    el('details', { class: 'more-filters' }, [
      el('summary', {}, [t('filters.more')]),
      el('div', { class: 'more-filters-body' }, [
        field('filters.atLeast', el('input', { type: 'number', min: 0, step: 1, 'data-filter': 'min-upvotes' }), t('filters.upvotes')),
        el('div', { class: 'field-group', role: 'group', 'aria-labelledby': 'dates-label' }, [
          el('span', { id: 'dates-label', title: t('filters.publishedTitle') }, [t('filters.published')]),
          field('filters.from', ' ', el('input', { type: 'date', 'data-filter': 'from' })),
          field('filters.to', ' ', el('input', { type: 'date', 'data-filter': 'to' })),
        ]),
      ]),
    ]),
  ]);
}

/** ViewActions of a live feed or the snapshot: mark all read, the layout switch, the key map. */
function viewActions(view: ViewId, unread: number, density: Density): CopiedNode {
  // The radio of the layout in force is checked (the app sets the property: tests compare it as the attribute).
  const segment = (value: Density, label: MessageKey) => el('label', { class: `segment ${value === density ? 'is-on' : ''}` }, [el('input', { type: 'radio', name: 'density', value, checked: value === density ? '' : undefined }), t(label)]);
  return el('div', { class: 'view-actions' }, [
    view !== 'hidden' && markAllRead(unread),
    el('div', { class: 'density', 'data-role': 'density', role: 'radiogroup', 'aria-labelledby': 'density-label' }, [el('span', { id: 'density-label' }, [t('list.layout')]), segment('cards', 'list.cards'), segment('list', 'list.list')]),
    keysButton(),
  ]);
}
