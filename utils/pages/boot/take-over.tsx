import { render, type ComponentType } from 'preact';
import { saveBootCopy, type BootScreen } from './boot-copy';

/** How long the boot copy may stay when the live page shows no paper at all (all dismissed since). */
const GIVE_UP_MS = 2000;
/**
 * Once the live page shows papers, the copy stays until the page has not changed for QUIET_MS
 * (at most SETTLE_MS): the answers that come after the first screen's (the tabs' counts, the
 * sparklines) are then drawn in the hand-over's one frame, not each in a frame of its own.
 */
const QUIET_MS = 80;
const SETTLE_MS = 400;
/** What the user does on the copy that hands over at once (a click waits for its replay, below). */
const INTENT = ['keydown', 'input', 'wheel'] as const;

interface Options {
  root: HTMLElement;
  boot: BootScreen | undefined;
  page: string;
  version: string;
}

/**
 * Renders the app into `root` and, when a boot copy is on screen, swaps it for the live page in
 * one task once the live page shows papers and its late answers are in (so no frame is blank or
 * half-drawn, and the page is laid out once). A key, a word typed, a wheel or a click on the copy
 * hands over at once, from the first render that shows papers on. From then on the page's first
 * screen is saved for the next visit whenever it changes.
 */
export function takeOver(App: ComponentType, { root, boot, page, version }: Options): void {
  render(<App />, root);
  const saveSoon = keepSnapshot(root, page, version);
  if (!boot) return;
  let ready = false;
  let wanted = false;
  let settled = false;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let cap: ReturnType<typeof setTimeout> | undefined;
  const handOver = () => {
    if (settled) return;
    settled = true;
    observer.disconnect();
    [quiet, cap, giveUp].forEach((timer) => clearTimeout(timer));
    for (const type of INTENT) removeEventListener(type, intent, true);
    removeEventListener('click', intent);
    removeEventListener('auxclick', intent);
    boot.handOver();
    saveSoon();
  };
  // Capture for keys and words (the live field must have the focus before the key lands);
  // bubbling for clicks, so the copy's own handler has noted the click to replay first.
  const intent = () => {
    wanted = true;
    if (ready) handOver();
  };
  const changed = () => {
    if (!ready) {
      if (!root.querySelector('[data-paper-id]')) return;
      ready = true;
      if (wanted) return handOver();
      cap = setTimeout(handOver, SETTLE_MS);
    }
    clearTimeout(quiet);
    quiet = setTimeout(handOver, QUIET_MS);
  };
  const observer = new MutationObserver(changed);
  const giveUp = setTimeout(handOver, GIVE_UP_MS);
  for (const type of INTENT) addEventListener(type, intent, true);
  addEventListener('click', intent);
  addEventListener('auxclick', intent);
  observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  changed();
}

/** `requestIdleCallback` where there is one (not in every engine), a short timeout elsewhere. */
const whenIdle = (callback: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: 1000 }) : setTimeout(callback, 100);

/**
 * Saves the first screen once the browser is idle after each change, also while the tab is in the
 * background (a paper opened from the new tab hides it, and the next new tab should find its read
 * flag already saved).
 */
function keepSnapshot(root: HTMLElement, page: string, version: string): () => void {
  let scheduled = false;
  const save = () => {
    scheduled = false;
    if (root.isConnected) saveBootCopy(page, version, root, window.innerHeight);
  };
  const saveSoon = () => {
    if (scheduled) return;
    scheduled = true;
    whenIdle(save);
  };
  new MutationObserver(saveSoon).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  return saveSoon;
}
