import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** A brief card this close to the screen is drawn whole: a screen ahead, so scrolling never meets one. */
const MARGIN = '100% 0px 100% 0px';

export interface NearPapers {
  /** Whether this paper's card may be drawn brief (it has not come near the screen, nor been focused). */
  far(id: string): boolean;
  /** Marks the paper of this element near (focus reached it: keyboard, screen reader). */
  reach(target: EventTarget | null): void;
}

/**
 * Which papers of a list have come near the screen since it was drawn. A long list draws the
 * cards below its first screen brief (components/PaperCard.tsx: rank, title link, authors, summary
 * and the read, save and hide controls, so every paper is listed with its flag) and whole once they come within a screen of view or
 * take focus; once whole, a card stays whole. Measured on a 10,000-paper database (`npm run
 * bench:visit`): drawing the 76 cards below the first screen whole took about a third of a visit's
 * CPU. Where there is no IntersectionObserver, every card is drawn whole.
 */
export function useNearPapers(list: RefObject<HTMLElement | null>): NearPapers {
  const [near, setNear] = useState<ReadonlySet<string>>(() => new Set());
  const observer = useRef<IntersectionObserver | undefined>(undefined);
  const add = useCallback((ids: string[]) => {
    if (ids.length) setNear((old) => (ids.every((id) => old.has(id)) ? old : new Set([...old, ...ids])));
  }, []);
  const supported = typeof IntersectionObserver === 'function';
  // After every render: watch the brief cards it drew (observing a card twice is a no-op).
  useLayoutEffect(() => {
    if (!supported || !list.current) return;
    observer.current ??= new IntersectionObserver(
      (entries) => {
        const reached = entries.filter((entry) => entry.isIntersecting);
        for (const entry of reached) observer.current?.unobserve(entry.target);
        add(reached.map((entry) => (entry.target as HTMLElement).dataset.paperId ?? ''));
      },
      { rootMargin: MARGIN },
    );
    for (const card of list.current.querySelectorAll('[data-brief]')) observer.current.observe(card);
  });
  useEffect(() => () => observer.current?.disconnect(), []);
  return {
    far: (id) => supported && !near.has(id),
    reach: (target) => {
      const card = target instanceof Element ? target.closest<HTMLElement>('[data-brief]') : null;
      if (card?.dataset.paperId) add([card.dataset.paperId]);
    },
  };
}
