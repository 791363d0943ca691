import { useEffect, useState } from 'preact/hooks';
import { whenIdle } from '../lib/when-idle';
import { FIRST_CARDS } from './first-rows';

export { FIRST_CARDS, firstScreenCards } from './first-rows';

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
