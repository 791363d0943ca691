import { useEffect, useState } from 'preact/hooks';
import { afterFirstFrame } from '../lib/after-first-frame';

// The new tab's cards have their own count (use-progressive.ts, `FIRST_CARDS`).
export { FIRST_ROWS } from './first-rows';

/**
 * Whether the first frame showing the list is out, once the list has papers (`ready`). Until
 * then a list draws the papers beyond its first screen as shells (`shell` in
 * components/paper-attributes.ts: each paper's element with its id and flags, no contents), so
 * the first paint waits only for what it shows, and every paper is listed with its flags from the
 * first render on. With nothing saved, at 10,000 papers (bench:cold, 11 loads each, one run after
 * the other): popup 344 → 324 ms, new tab 380 → 360 ms to the first paper. A hidden page has no
 * frames to hurry: it draws everything at once. Anything else whose first render can wait for that
 * frame asks with `ready` true (the sync status's tooltip, components/SyncStatusBar.tsx).
 */
export function useFirstPaintDone(ready: boolean): boolean {
  const [done, setDone] = useState(() => globalThis.document?.visibilityState !== 'visible');
  useEffect(() => {
    if (!done && ready) return afterFirstFrame(() => setDone(true));
  }, [done, ready]);
  return done;
}
