import { markAllReadText, markAllReadTitle, paperAttributes, paperDay, paperHref, readToggleLook, saveLook, type PaperAction } from '../../../components/paper-attributes';
import { SPARK_H, SPARK_PAD, SPARK_W, sparkShape } from '../../../components/sparkline-shape';
import { tabId } from '../../../components/tab-attributes';
import type { Paper } from '../../data/db';
import { impliedHistory } from '../../data/history-store';
import type { PaperView } from '../../data/papers';
import type { SyncStatus } from '../../data/sync-status';
import { recent, type Series } from '../../discover/series';
import { countOf, formatAuthors, formatCount, formatDay, formatMonth } from '../../lib/format';
import { t } from '../../lib/i18n';
import { clampSyncPeriod, DEFAULTS } from '../../settings/defaults';
import { LIVE_FEEDS, type LiveFeed } from '../../views/default-view';
import { viewLabel, type ViewId } from '../../views/view-id';
import { describeFeed, type FeedNoticeProps } from '../feed-notice-text';
import { describeSyncStatus } from '../sync-status-text';
import type { CopiedNode } from './boot-copy-store';

// The pieces of a first screen drawn by a page's entry script (popup-sketch.ts, newtab-sketch.ts),
// each what its component draws on the app's first render, with the same helpers: no handlers, no
// tab counts, rules, new pills or sync tooltip yet, each paper's sparkline from its own counts.
// tests/utils/pages/boot/*-sketch.test.tsx compare them with the components.

const SVG_NS = 'http://www.w3.org/2000/svg';

type Props = Record<string, string | number | undefined | ((...args: never[]) => unknown)>;
export type Child = CopiedNode | undefined | false;

/** An element as Preact sets `props` on it: no handlers, nothing for undefined, `tabIndex` as its attribute. */
export function el(tag: string, props: Props, children: Child[] = [], namespace?: string): CopiedNode {
  const attributes: [string, string][] = [];
  for (const [name, value] of Object.entries(props)) {
    if (value !== undefined && typeof value !== 'function') attributes.push([name === 'tabIndex' ? 'tabindex' : name, String(value)]);
  }
  const kept = children.filter((child): child is CopiedNode => child !== undefined && child !== false && child !== '');
  return namespace ? [tag, attributes, kept, namespace] : [tag, attributes, kept];
}

/** What a sketch needs beyond the read: the settings' copy (unchecked), the time, the extension's URLs. */
export interface SketchContext {
  settings: Record<string, unknown>;
  now: number;
  /** `runtime.getURL`. */
  url: (path: string) => string;
}

/** The settings a first screen shows, checked as the app's schema checks them; undefined for a copy it would change. */
export function sketchSettings(settings: Record<string, unknown>): { liveFeeds: LiveFeed[]; period: number } | undefined {
  const { liveFeeds, syncPeriodMinutes } = settings;
  if (!Array.isArray(liveFeeds) || !liveFeeds.every((feed) => (LIVE_FEEDS as readonly unknown[]).includes(feed))) return undefined;
  const kept = LIVE_FEEDS.filter((feed) => liveFeeds.includes(feed));
  if (kept.length === 0) return undefined;
  const period = typeof syncPeriodMinutes === 'number' ? clampSyncPeriod(syncPeriodMinutes) : syncPeriodMinutes === undefined ? DEFAULTS.syncPeriodMinutes : undefined;
  return period === undefined ? undefined : { liveFeeds: kept, period };
}

/** Whether a first screen may be drawn ahead: the page is seen (a hidden page's app draws every paper whole). */
export const pageVisible = () => globalThis.document?.visibilityState === 'visible';

/** Brand: the name and the icon. */
export const brand = (): CopiedNode => el('h1', { class: 'brand' }, [el('img', { src: '/icon/32.png', alt: '' }), t('appName')]);

/** SearchBox, empty and idle. */
export function searchBox(): CopiedNode {
  return el('div', { class: 'search' }, [el('input', { type: 'search', class: 'search-input', 'data-role': 'search', placeholder: t('search.placeholder'), 'aria-label': t('search.label'), autocomplete: 'off', spellcheck: 'false' })]);
}

/** FeedTabs without counts (they are read after the first render). */
export function feedTabs(views: readonly ViewId[], current: ViewId): CopiedNode {
  const tab = (view: ViewId) =>
    el('button', { type: 'button', role: 'tab', class: 'tab', id: tabId(view), 'data-feed': view, 'aria-selected': String(view === current), 'aria-controls': view === current ? 'papers' : undefined, tabIndex: view === current ? 0 : -1 }, [viewLabel(view)]);
  return el('div', { class: 'tabs ', role: 'tablist', 'aria-label': t('tabs.lists') }, views.map(tab));
}

/** SyncStatusBar, not syncing, without its tooltip (it comes after the first paint). */
export function syncStatusBar(status: SyncStatus | undefined, now: number, period: number): CopiedNode {
  const described = status ? describeSyncStatus(status, false, now, period, false) : undefined;
  return el('div', { class: 'status' }, [
    el('span', { class: `status-text tone-${described?.tone ?? 'idle'}`, 'data-role': 'sync-status' }, [described?.text ?? '\u00a0', described?.detail !== undefined && described.detail !== '' && el('span', { class: 'status-detail' }, [` · ${described.detail}`])]),
    el('span', { class: 'sr-only', role: 'status' }, [described?.tone === 'warn' && described.text]),
    el('button', { type: 'button', class: 'btn', 'data-action': 'sync' }, [t('sync.now')]),
  ]);
}

/** A paper's sparkline on the first render: its own counts (use-discover.ts; its history is read after). */
export function firstSpark(paper: Paper, now: number): Series | undefined {
  const implied = impliedHistory(paper);
  return implied && recent(implied.upvotes, now);
}

/** Sparkline (nothing for an empty series). */
export function sparkline(series: Series | undefined): Child {
  if (!series || series.t.length === 0) return undefined;
  const { label, points, end } = sparkShape(series);
  const line =
    series.t.length > 1
      ? el('polyline', { points, fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5', 'stroke-linejoin': 'round' }, [], SVG_NS)
      : el('line', { x1: SPARK_PAD, y1: end[1], x2: end[0], y2: end[1], stroke: 'currentColor', 'stroke-width': '1', 'stroke-dasharray': '2 2', opacity: '0.5' }, [], SVG_NS);
  const box = { class: 'spark', 'data-role': 'sparkline', width: SPARK_W, height: SPARK_H, viewBox: `0 0 ${SPARK_W} ${SPARK_H}`, role: 'img', 'aria-label': label };
  return el('svg', box, [el('title', {}, [label], SVG_NS), line, el('circle', { cx: end[0], cy: end[1], r: '2', fill: 'currentColor' }, [], SVG_NS)], SVG_NS);
}

/** PaperMeta: upvotes, the day, the snapshot's note and, `full`, comments, stars, category and organisation. */
export function paperMeta(paper: Paper, full = false): Child[] {
  const { day, month } = paperDay(paper);
  return [
    paper.upvotes !== undefined && el('span', { class: 'upvotes', title: t('paper.upvotesTitle') }, [el('span', { 'aria-hidden': 'true' }, ['▲ ']), formatCount(paper.upvotes), el('span', { class: 'sr-only' }, [` ${t('paper.upvotes')}`])]),
    full && paper.comments !== undefined && el('span', {}, [countOf(paper.comments, 'paper.comments')]),
    full && paper.githubStars !== undefined && el('span', {}, [countOf(paper.githubStars, 'paper.stars')]),
    day !== undefined && day !== '' && el('span', { class: 'date' }, [formatDay(day)]),
    paper.source === 'bundled' && el('span', { class: 'snapshot-note', title: t('paper.snapshotTitle') }, [`${t('paper.link.arxiv')} ${paper.id}${month ? ` · ${formatMonth(month)}` : ''} · ${t('paper.snapshotNote')}`]),
    full && Boolean(paper.primaryCategory) && el('span', {}, [paper.primaryCategory]),
    full && Boolean(paper.organization) && el('span', {}, [paper.organization]),
  ];
}

/** CardDiscover on the first render: why a worked-out list shows the paper (no rules read yet). */
export const discoverReason = ({ reason }: PaperView): Child => Boolean(reason) && el('p', { class: 'card-reason' }, [el('span', { 'data-role': 'reason' }, [reason])]);

/** ActionButton. */
function actionButton({ action, glyph, text, paper, iconOnly, pressed, title, class: extra = '' }: PaperAction): CopiedNode {
  return el('button', { type: 'button', class: `${iconOnly ? 'icon-button' : 'text-button'} ${extra}`, 'data-action': action, 'aria-pressed': pressed === undefined ? undefined : String(pressed), 'aria-label': iconOnly ? t('paper.actionOn', [text, paper]) : undefined, title }, [
    glyph !== undefined && el('span', { 'aria-hidden': 'true', class: 'glyph' }, [glyph]),
    !iconOnly && text,
    !iconOnly && el('span', { class: 'sr-only' }, [` ${t('common.quoted', [paper])}`]),
  ]);
}

/** PaperActions: `compact` (rows: save and hide as icons), `brief` or whole (a whole card adds the citations). */
export function paperActions({ paper, state }: PaperView, kind: 'compact' | 'brief' | 'whole'): CopiedNode {
  const { title } = paper;
  const saved = Boolean(state?.savedAt);
  const compact = kind === 'compact';
  return el('div', { class: 'paper-actions' }, [
    actionButton({ action: 'toggle-read', class: 'read-toggle', ...readToggleLook(Boolean(state?.readAt)), paper: title }),
    actionButton({ action: 'save', ...saveLook(saved), paper: title, iconOnly: compact, pressed: saved }),
    state?.dismissedAt
      ? actionButton({ action: 'restore', glyph: '↩', text: t('paper.restore'), paper: title, title: t('paper.restoreTitle') })
      : actionButton({ action: 'dismiss', glyph: '✕', text: t('paper.hide'), paper: title, iconOnly: compact, title: t('paper.hideTitle') }),
    kind === 'whole' &&
      el('span', { class: 'cite-actions' }, [
        actionButton({ action: 'copy-bibtex', text: t('export.bibtex'), paper: title, title: t('paper.copyBibtex') }),
        actionButton({ action: 'copy-markdown', text: t('export.markdown'), paper: title, title: t('paper.copyMarkdown') }),
      ]),
  ]);
}

/** PaperLink: the title link. */
export function paperLink(paper: Paper, props: Props = {}): CopiedNode {
  return el('a', { ...props, href: paperHref(paper), target: '_blank', rel: 'noopener noreferrer', 'data-action': 'open' }, [paper.title]);
}

/** The rank, read out as "Number 3". */
export const rank = (n: number, props: Props = {}): CopiedNode => el('span', { class: 'rank', ...props }, [el('span', { class: 'sr-only' }, [`${t('paper.number')} `]), String(n)]);

/** PaperRow as the app's first render draws it: whole on the first screen, a shell past it. */
export function paperRow(view: PaperView, whole: boolean, first: boolean, now: number): CopiedNode {
  const { paper } = view;
  const attributes = paperAttributes(view, { kind: 'row', onSelect: () => undefined });
  if (!whole) return el('li', { ...attributes, 'data-shell': '' });
  return el('li', attributes, [
    rank(view.rank),
    el('div', { class: 'row-body' }, [
      el('div', { class: 'row-head', elementtiming: first ? 'first-paper' : undefined }, [paperLink(paper, { class: 'row-title' })]),
      el('div', { class: 'row-line' }, [
        el('div', { class: 'row-meta' }, [...paperMeta(paper), sparkline(firstSpark(paper, now)), paper.authors.length > 0 && el('span', { class: 'authors' }, [formatAuthors(paper.authors, 2)])]),
        paperActions(view, 'compact'),
      ]),
      discoverReason(view),
      Boolean(paper.aiSummary) && el('p', { class: 'row-summary' }, [paper.aiSummary]),
    ]),
  ]);
}

/** Toast with no message: its slot. */
export const toastSlot = (): CopiedNode => el('div', { class: 'toast-slot', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });

/** FeedNotice, not busy: the snapshot's label, or the freshness line when it has words. */
export function feedNotice(props: FeedNoticeProps): Child {
  if (props.view === 'bundled') return el('p', { class: 'notice snapshot', 'data-role': 'snapshot-label' }, [t('notice.snapshot')]);
  const text = describeFeed(props);
  return text !== undefined && text !== '' && el('p', { class: 'notice', 'data-role': 'feed-freshness' }, [text]);
}

/** MarkAllRead: "Mark N as read", when there is an unread paper. */
export const markAllRead = (unread: number): Child => unread > 0 && el('button', { type: 'button', class: 'btn', 'data-action': 'mark-all-read', title: markAllReadTitle(unread) }, [markAllReadText(unread)]);

/** The key map's button ("Keys"). */
export const keysButton = (): CopiedNode => el('button', { type: 'button', class: 'btn ghost', 'data-action': 'key-help', title: t('keys.buttonTitle'), 'aria-keyshortcuts': '?' }, [t('keys.button')]);
