import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Subscribes a component to a Dexie query: it re-renders whenever a write in any context of the
 * extension (worker, popup, another tab) changes what the query read. `initial` (or what it
 * returns, called once) is the value until the query answers.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T | (() => T)): T {
  const [value, setValue] = useState<T>(initial);
  // Subscribed as the component commits, not after the next paint: the query is on its way a frame sooner.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error) => console.error('Paperboy: query failed', error),
    });
    return () => subscription.unsubscribe();
    // The caller's deps decide when to re-subscribe; the lint checks them at each call site
    // (eslint.config.js lists useLiveQuery as a hook with dependencies).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
