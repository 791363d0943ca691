import { type PaperView } from '../utils/data/papers';
import type { PaperHandlers } from '../utils/triage/types';
import type { CardExtras } from '../utils/pages/use-discover';
import { discoverAttributes } from './CardDiscover';

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
