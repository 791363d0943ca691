import { type PaperView } from '../utils/data/papers';
import type { PaperHandlers } from '../utils/triage/types';

/** What a paper's card (new tab) and row (popup) are given. */
export interface PaperItemProps {
  view: PaperView;
  handlers: PaperHandlers;
  /** The first paper: its title carries the Element Timing mark the bench measures. */
  first?: boolean;
  selected?: boolean;
  isNew?: boolean;
}

interface Options {
  /** `card` on the new tab, `row` in the popup. */
  kind: 'card' | 'row';
  selected?: boolean;
  isNew?: boolean;
  onSelect: (id: string) => void;
}

/**
 * The attributes every rendered paper carries, in one place: `data-paper-id` and `data-read`
 * are a contract the tests (and the boot copy) rely on, so the card and the row cannot drift apart.
 */
export function paperAttributes({ paper, state }: PaperView, { kind, selected, isNew, onSelect }: Options) {
  const read = Boolean(state?.readAt);
  return {
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

/** How a paper's read toggle looks: shared with the boot copy, which patches a saved toggle the same way. */
export function readToggleLook(read: boolean, title: string) {
  return {
    class: `read-toggle ${read ? 'is-read' : 'is-unread'}`,
    'aria-pressed': String(read),
    'aria-label': read ? `Mark “${title}” unread` : `Mark “${title}” read`,
    title: read ? 'Mark unread' : 'Mark read',
    glyph: read ? '✓' : '●',
  };
}

/** How a paper's save button looks (shared with the boot copy, as above). */
export function saveLook(saved: boolean, title: string) {
  return {
    class: `icon-button ${saved ? 'is-saved' : ''}`,
    'aria-pressed': String(saved),
    'aria-label': saved ? `Unsave “${title}”` : `Save “${title}”`,
    title: saved ? 'Saved (s to unsave)' : 'Save for later (s)',
    glyph: saved ? '★' : '☆',
  };
}

/** The class of a paper's card or row. */
export function paperClass(kind: 'card' | 'row', read: boolean, selected: boolean | undefined): string {
  return `${kind} ${read ? 'read' : 'unread'} ${selected ? 'selected' : ''}`;
}
