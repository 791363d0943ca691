import { markAllReadText, markAllReadTitle, paperAttributes, paperDay, paperHref, readToggleLook, saveLook } from '../../../components/paper-attributes';
import { SPARK_H, SPARK_PAD, SPARK_W, sparkShape } from '../../../components/sparkline-shape';
import { panelAttributes, tabId } from '../../../components/tab-attributes';
import type { PageData } from '../../data/page-data';
import type { PaperView } from '../../data/papers';
import { impliedHistory } from '../../data/history-store';
import { recent } from '../../discover/series';
import { formatAuthors, formatCount, formatDay, formatMonth } from '../../lib/format';
import { t } from '../../lib/i18n';
import { clampSyncPeriod, DEFAULTS } from '../../settings/defaults';
import { LIVE_FEEDS, type LiveFeed } from '../../views/default-view';
import { viewLabel, visibleViews } from '../../views/view-id';
import { describeFeed } from '../feed-notice-text';
import { FIRST_ROWS } from '../first-rows';
import { describeSyncStatus } from '../sync-status-text';
import type { CopiedNode } from './boot-copy-store';

// The popup's first screen drawn by its entry script from the entry's own read, on a visit with
// no boot copy to show (the first after an install or an update, or localStorage cleared): it is
// shown as a boot copy is (boot-copy.ts) and the app takes over from it the same way. Drawn with
// DOM calls, it waits neither for the app's files nor for Preact's render: with nothing saved at
// 10,000 papers (bench:cold --pages popup, 11 loads a round, taking turns with the build without
// it), about 230 → 175 ms to the first paper against a static copy of about 145 ms.
//
// It is what the app's first render draws from the same read (entrypoints/popup/App.tsx: no tab
// counts, rules, new pills or sync tooltip yet, every paper past the first screen a shell), and
// must stay so: tests/utils/pages/popup-sketch.test.tsx compares it with the components on
// generated papers, and tests/e2e/boot.e2e.test.ts with the app's first render in Chromium. The
// words, attributes and shapes come from the helpers the components use. A state it does not
// draw the app's way (no papers, odd settings) draws nothing: the app draws it, as before.

const SVG_NS = 'http://www.w3.org/2000/svg';

type Props = Record<string, string | number | undefined | ((...args: never[]) => unknown)>;
type Child = CopiedNode | undefined | false;

/** An element as Preact sets `props` on it: no handlers, nothing for undefined, `tabIndex` as its attribute. */
function el(tag: string, props: Props, children: Child[] = [], namespace?: string): CopiedNode {
  const attributes: [string, string][] = [];
  for (const [name, value] of Object.entries(props)) {
    if (value !== undefined && typeof value !== 'function') attributes.push([name === 'tabIndex' ? 'tabindex' : name, String(value)]);
  }
  const kept = children.filter((child): child is CopiedNode => child !== undefined && child !== false && child !== '');
  return namespace ? [tag, attributes, kept, namespace] : [tag, attributes, kept];
}

/** What the sketch needs beyond the read: the settings' copy (unchecked), the time, the extension's URLs. */
export interface SketchContext {
  settings: Record<string, unknown>;
  now: number;
  /** `runtime.getURL`. */
  url: (path: string) => string;
}

/** The settings the first screen shows, checked as the app's schema checks them; undefined for a copy it would change. */
function sketchSettings(settings: Record<string, unknown>): { liveFeeds: LiveFeed[]; period: number } | undefined {
  const { liveFeeds, syncPeriodMinutes } = settings;
  if (!Array.isArray(liveFeeds) || !liveFeeds.every((feed) => (LIVE_FEEDS as readonly unknown[]).includes(feed))) return undefined;
  const kept = LIVE_FEEDS.filter((feed) => liveFeeds.includes(feed));
  if (kept.length === 0) return undefined;
  const period = typeof syncPeriodMinutes === 'number' ? clampSyncPeriod(syncPeriodMinutes) : syncPeriodMinutes === undefined ? DEFAULTS.syncPeriodMinutes : undefined;
  return period === undefined ? undefined : { liveFeeds: kept, period };
}

/**
 * The popup's first screen for `data`, as the boot copy's nodes; undefined where the app must draw
 * it: no papers (the empty state), a hidden page (the app then draws every paper whole), or
 * settings the app's schema would change.
 */
export function sketchPopup(data: PageData, context: SketchContext): CopiedNode[] | undefined {
  const settings = sketchSettings(context.settings);
  if (!settings || data.papers.length === 0 || globalThis.document?.visibilityState !== 'visible') return undefined;
  const { view, papers } = data;
  const tabs = visibleViews(data.sizes, [], true, settings.liveFeeds, view).filter((v) => v !== 'hidden' || v === view);
  const status = describeSyncStatus(data.status, false, context.now, settings.period, false);
  const notice = view === 'bundled' ? el('p', { class: 'notice snapshot', 'data-role': 'snapshot-label' }, [t('notice.snapshot')]) : feedNotice(describeFeed({ view, status: data.status, arxiv: data.arxiv, now: context.now, brief: true }));
  const unread = papers.filter((v) => !v.state?.readAt).length;
  return [
    el('main', { class: 'popup-main' }, [
      head(context.url(`/newtab.html?feed=${encodeURIComponent(view)}`), context.url('/options.html')),
      el('div', { class: 'tabs ', role: 'tablist', 'aria-label': t('tabs.lists') }, tabs.map((tab) => el('button', { type: 'button', role: 'tab', class: 'tab', id: tabId(tab), 'data-feed': tab, 'aria-selected': String(tab === view), 'aria-controls': tab === view ? 'papers' : undefined, tabIndex: tab === view ? 0 : -1 }, [viewLabel(tab)]))),
      el('div', { class: 'status' }, [
        el('span', { class: `status-text tone-${status.tone}`, 'data-role': 'sync-status' }, [status.text, status.detail !== undefined && el('span', { class: 'status-detail' }, [` · ${status.detail}`])]),
        el('span', { class: 'sr-only', role: 'status' }, [status.tone === 'warn' && status.text]),
        el('button', { type: 'button', class: 'btn', 'data-action': 'sync' }, [t('sync.now')]),
      ]),
      notice,
      el('div', { id: 'papers', class: 'rows-panel', ...panelAttributes(view) }, [el('ol', { class: 'rows' }, papers.map((paper, i) => row(paper, i, context.now)))]),
      el('div', { class: 'toast-slot', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }),
      el('footer', { class: 'popup-foot' }, [
        el('button', { type: 'button', class: 'btn ghost', 'data-action': 'key-help', title: t('keys.buttonTitle'), 'aria-keyshortcuts': '?' }, [t('keys.button')]),
        unread > 0 && el('button', { type: 'button', class: 'btn', 'data-action': 'mark-all-read', title: markAllReadTitle(unread) }, [markAllReadText(unread)]),
      ]),
    ]),
  ];
}

/** The brief freshness line (FeedNotice), when it has words. */
function feedNotice(text: string | undefined): Child {
  return text !== undefined && text !== '' && el('p', { class: 'notice', 'data-role': 'feed-freshness' }, [text]);
}

/** PopupHead: the name, the search field, the full view and the settings. */
function head(fullView: string, options: string): CopiedNode {
  return el('header', { class: 'popup-head' }, [
    el('h1', { class: 'brand' }, [el('img', { src: '/icon/32.png', alt: '' }), t('appName')]),
    el('div', { class: 'search' }, [el('input', { type: 'search', class: 'search-input', 'data-role': 'search', placeholder: t('search.placeholder'), 'aria-label': t('search.label'), autocomplete: 'off', spellcheck: 'false' })]),
    el('a', { class: 'btn ghost', href: fullView, 'data-action': 'full-view' }, [t('popup.fullView')]),
    el('a', { class: 'btn ghost', href: options, 'data-action': 'open-options', title: t('settingsLink.label'), 'aria-label': t('settingsLink.label') }, ['⚙']),
  ]);
}

/** PaperRow as the app's first render draws it: whole on the first screen, a shell past it. */
function row(view: PaperView, i: number, now: number): CopiedNode {
  const { paper, rank } = view;
  const attributes = paperAttributes(view, { kind: 'row', onSelect: () => undefined });
  if (i >= FIRST_ROWS) return el('li', { ...attributes, 'data-shell': '' });
  const href = paperHref(paper);
  // The app's first render has no histories yet: each paper's own counts are its sparkline (use-discover.ts).
  const implied = impliedHistory(paper);
  const spark = implied && recent(implied.upvotes, now);
  return el('li', attributes, [
    el('span', { class: 'rank' }, [el('span', { class: 'sr-only' }, [`${t('paper.number')} `]), String(rank)]),
    el('div', { class: 'row-body' }, [
      el('div', { class: 'row-head', elementtiming: i === 0 ? 'first-paper' : undefined }, [el('a', { class: 'row-title', href, target: '_blank', rel: 'noopener noreferrer', 'data-action': 'open' }, [paper.title])]),
      el('div', { class: 'row-line' }, [el('div', { class: 'row-meta' }, [...meta(view), spark && spark.t.length > 0 && sparkline(spark), paper.authors.length > 0 && el('span', { class: 'authors' }, [formatAuthors(paper.authors, 2)])]), actions(view)]),
      paper.aiSummary ? el('p', { class: 'row-summary' }, [paper.aiSummary]) : undefined,
    ]),
  ]);
}

/** PaperMeta (not `full`): upvotes, the day, the snapshot's note. */
function meta({ paper }: PaperView): Child[] {
  const { day, month } = paperDay(paper);
  return [
    paper.upvotes !== undefined && el('span', { class: 'upvotes', title: t('paper.upvotesTitle') }, [el('span', { 'aria-hidden': 'true' }, ['▲ ']), formatCount(paper.upvotes), el('span', { class: 'sr-only' }, [` ${t('paper.upvotes')}`])]),
    day !== undefined && day !== '' && el('span', { class: 'date' }, [formatDay(day)]),
    paper.source === 'bundled' && el('span', { class: 'snapshot-note', title: t('paper.snapshotTitle') }, [`${t('paper.link.arxiv')} ${paper.id}${month ? ` · ${formatMonth(month)}` : ''} · ${t('paper.snapshotNote')}`]),
  ];
}

/** Sparkline, of a series with at least one count. */
function sparkline(series: { t: number[]; v: number[] }): CopiedNode {
  const { label, points, end } = sparkShape(series);
  const line =
    series.t.length > 1
      ? el('polyline', { points, fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5', 'stroke-linejoin': 'round' }, [], SVG_NS)
      : el('line', { x1: SPARK_PAD, y1: end[1], x2: end[0], y2: end[1], stroke: 'currentColor', 'stroke-width': '1', 'stroke-dasharray': '2 2', opacity: '0.5' }, [], SVG_NS);
  const box = { class: 'spark', 'data-role': 'sparkline', width: SPARK_W, height: SPARK_H, viewBox: `0 0 ${SPARK_W} ${SPARK_H}`, role: 'img', 'aria-label': label };
  return el('svg', box, [el('title', {}, [label], SVG_NS), line, el('circle', { cx: end[0], cy: end[1], r: '2', fill: 'currentColor' }, [], SVG_NS)], SVG_NS);
}

/** PaperActions, compact: the read toggle with its words, save and hide as icons. */
function actions({ paper, state }: PaperView): CopiedNode {
  const read = readToggleLook(Boolean(state?.readAt));
  const saved = Boolean(state?.savedAt);
  const save = saveLook(saved);
  const glyph = (text: string) => el('span', { 'aria-hidden': 'true', class: 'glyph' }, [text]);
  return el('div', { class: 'paper-actions' }, [
    el('button', { type: 'button', class: 'text-button read-toggle', 'data-action': 'toggle-read', title: read.title }, [glyph(read.glyph), read.text, el('span', { class: 'sr-only' }, [` ${t('common.quoted', [paper.title])}`])]),
    el('button', { type: 'button', class: `icon-button ${save.class}`, 'data-action': 'save', 'aria-pressed': String(saved), 'aria-label': t('paper.actionOn', [save.text, paper.title]), title: save.title }, [glyph(save.glyph)]),
    el('button', { type: 'button', class: 'icon-button ', 'data-action': 'dismiss', 'aria-label': t('paper.actionOn', [t('paper.hide'), paper.title]), title: t('paper.hideTitle') }, [glyph('✕')]),
  ]);
}
