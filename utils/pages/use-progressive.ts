import { useEffect, useState } from 'preact/hooks';
import { whenIdle } from '../lib/when-idle';

/**
 * The cards that fill a window of this size on the new tab: its grid's columns (340 px and a
 * 16 px gap, in a page at most 1,640 px wide with 24 px sides; assets/css) times the rows of
 * cards (about 400 px each) it shows, at least 6 and at most 32. At 1,280 × 900: 3 × 3.
 */
export function firstScreenCards(width: number, height: number): number {
  const content = Math.min(width, 1640) - 48;
  const columns = Math.max(1, Math.floor((content + 16) / (340 + 16)));
  const rows = Math.max(1, Math.ceil(height / 400));
  return Math.min(32, Math.max(6, columns * rows));
}

/**
 * Cards a long list draws at once: the first screen of the window the page opened in (a window
 * made larger later finds the rest drawn once the browser is idle). The search reads this many
 * papers with each answer, so the first screen of results costs one read, not two.
 */
export const FIRST_CARDS = firstScreenCards(globalThis.innerWidth ?? 1280, globalThis.innerHeight ?? 900);

/**
 * A long list (up to 500 search results) drawn in two steps: its first `first` items at once, the
 * rest once the browser is idle after that paint. The first screen shows without waiting for
 * hundreds of cards below it. Once whole, a list stays whole until `key` changes (another query):
 * a read flag changing re-renders it, never shrinks it under a scrolled page.
 */
export function useProgressive<T>(items: T[], key: string, first = FIRST_CARDS): T[] {
  const [wholeFor, setWholeFor] = useState<string | undefined>(undefined);
  const whole = wholeFor === key || items.length <= first;
  useEffect(() => {
    if (whole) return;
    return whenIdle(() => setWholeFor(key));
  }, [whole, key]);
  return whole ? items : items.slice(0, first);
}
