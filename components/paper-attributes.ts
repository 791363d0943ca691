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
    class: `${kind} ${read ? 'read' : 'unread'} ${selected ? 'selected' : ''}`,
    'data-paper-id': paper.id,
    'data-read': String(read),
    'data-saved': String(Boolean(state?.savedAt)),
    'data-new': String(Boolean(isNew)),
    'aria-current': selected ? ('true' as const) : undefined,
    tabIndex: -1,
    onClick: () => onSelect(paper.id),
  };
}
