import { render, type ComponentType } from 'preact';
import { saveBootCopy, type BootScreen } from './boot-copy';

/** How long the boot copy may stay when the live page shows no paper at all (all dismissed since). */
const GIVE_UP_MS = 2000;

interface Options {
  root: HTMLElement;
  boot: BootScreen | undefined;
  page: string;
  version: string;
}

/**
 * Renders the app into `root` and, when a boot copy is on screen, swaps it for the live page in
 * the same task as the first render that shows papers (so no frame is blank or half-drawn).
 * From then on the page's first screen is saved for the next visit whenever it changes.
 */
export function takeOver(App: ComponentType, { root, boot, page, version }: Options): void {
  render(<App />, root);
  const saveSoon = keepSnapshot(root, page, version);
  if (!boot) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    if (root.querySelector('[data-paper-id]')) handOver();
  });
  const handOver = () => {
    observer.disconnect();
    clearTimeout(timer);
    boot.handOver();
    saveSoon();
  };
  if (root.querySelector('[data-paper-id]')) return handOver();
  observer.observe(root, { childList: true, subtree: true });
  timer = setTimeout(handOver, GIVE_UP_MS);
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
