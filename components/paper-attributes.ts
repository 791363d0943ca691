import { countOf, formatCount } from '../utils/lib/format';
import { t } from '../utils/lib/i18n';
import type { Paper } from '../utils/data/db';
import type { PaperView } from '../utils/data/papers';
import { safeUrl } from '../utils/platform/url';
import { arxivIdMonth } from '../utils/sync/sources/arxiv-id';
import type { PaperHandlers } from '../utils/triage/types';
import type { CardExtras } from '../utils/pages/use-discover';

/** What a paper's card (new tab) and row (popup) are given. */
export interface PaperItemProps {
  view: PaperView;
  handlers: PaperHandlers;
  /** The first paper: its title carries the Element Timing mark the bench measures. */
  first?: boolean;
  selected?: boolean;
  isNew?: boolean;
  /** Its sparkline and rule effects (utils/pages/use-discover.ts). */
  extras?: CardExtras;
  /**
   * Far below the screen: drawn brief (a card keeps its rank, title link, authors, summary and
   * controls, not its citations) until it comes near (entrypoints/newtab/PaperList.tsx). Rows are always whole.
   */
  brief?: boolean;
  /**
   * Beyond the first screen, before the page's first paint: the paper's element alone, with its
   * id and flags and no contents, filled in right after that paint (utils/pages/use-first-paint.ts).
   */
  shell?: boolean;
}

interface Options {
  /** `card` on the new tab, `row` in the popup. */
  kind: 'card' | 'row';
  selected?: boolean;
  isNew?: boolean;
  onSelect: (id: string) => void;
  extras?: CardExtras;
}

/**
 * The attributes every rendered paper carries, in one place: `data-paper-id` and `data-read`
 * are a contract the tests (and the boot copy) rely on, so the card and the row cannot drift apart.
 */
export function paperAttributes({ paper, state, reason }: PaperView, { kind, selected, isNew, onSelect, extras }: Options) {
  const read = Boolean(state?.readAt);
  return {
    ...discoverAttributes(reason, extras),
    class: paperClass(kind, read, selected),
    'data-paper-id': paper.id,
    'data-read': String(read),
    'data-saved': String(Boolean(state?.savedAt)),
    'data-new': String(Boolean(isNew)),
    'aria-current': selected ? ('true' as const) : undefined,
    tabIndex: -1,
    onClick: () => onSelect(paper.id),
  };
}

/** Where a paper's title links: its Hugging Face page, else its arXiv page, else nowhere (`''`). */
export function paperHref(paper: Paper): string {
  return safeUrl(paper.links.hf) ?? safeUrl(paper.links.arxiv) ?? '';
}

/**
 * The day a paper's line shows (the day HF featured it, else its arXiv publication day) and, with
 * no day, the month its arXiv id gives (PaperMeta; the popup's entry script draws the same).
 */
export function paperDay(paper: Paper): { day: string | undefined; month: string | undefined } {
  const day = paper.featuredOn ?? (paper.publishedAt !== undefined ? new Date(paper.publishedAt).toISOString().slice(0, 10) : undefined);
  return { day, month: day === undefined ? arxivIdMonth(paper.id) : undefined };
}

/** The classes and attributes the rules and reasons give a card or row. */
export function discoverAttributes(reason: string | undefined, extras: CardExtras | undefined) {
  const effects = extras?.effects;
  const effect = effects?.pinned ? 'pin' : effects?.highlighted ? 'highlight' : effects?.dimmed ? 'dim' : undefined;
  return { 'data-reason': reason, 'data-rule-effect': effect };
}

/** A control on one paper (ActionButton.tsx; the first screens the entry scripts draw, utils/pages/boot/sketch-parts.ts). */
export interface PaperAction<Glyph = string> {
  /** `data-action`, the contract the tests and the boot copy rely on. */
  action: string;
  glyph?: Glyph;
  /** The visible words; an icon-only button says them to assistive technology instead. */
  text: string;
  /** The paper it acts on, read out after the words. */
  paper: string;
  iconOnly?: boolean;
  pressed?: boolean;
  title: string;
  class?: string;
}

/** How a paper's read toggle looks (PaperActions); the boot copy patches a saved one the same way. */
export function readToggleLook(read: boolean) {
  return { glyph: read ? '↺' : '✓', text: t(read ? 'paper.markUnread' : 'paper.markRead'), title: t(read ? 'paper.markUnreadTitle' : 'paper.markReadTitle') };
}

/** How a paper's save button looks (as above). */
export function saveLook(saved: boolean) {
  return {
    class: saved ? 'is-saved' : '',
    glyph: saved ? '★' : '☆',
    text: t(saved ? 'paper.saved' : 'paper.save'),
    title: t(saved ? 'paper.savedTitle' : 'paper.saveTitle'),
  };
}

/** The words of "Mark 12 as read" (MarkAllRead.tsx; the boot copy patches them too). */
export function markAllReadText(unread: number): string {
  return t('list.markAll', [formatCount(unread)]);
}

/** The title of "Mark 12 as read" (as above). */
export function markAllReadTitle(unread: number): string {
  return countOf(unread, 'list.markAllTitle');
}

/** The class of a paper's card or row. */
export function paperClass(kind: 'card' | 'row', read: boolean, selected: boolean | undefined): string {
  return `${kind} ${read ? 'read' : 'unread'} ${selected ? 'selected' : ''}`;
}
