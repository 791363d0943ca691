import type { Browser } from 'wxt/browser';
import type { PaperboyDb } from '../data/db';
import { markRead } from '../data/user-state';
import { paperIdFromUrl, type PaperSite } from '../discover/paper-url';
import { hostPattern } from '../platform/manifest-policy';

// Read detection: a paper opened on arXiv, Hugging Face or alphaXiv outside Paperboy is marked
// read. The browser shows a tab's address to Paperboy only on sites it holds a permission for
// (no `tabs` permission), so without the optional permissions nothing is seen; on top of that
// it is off until the user turns it on in Options.

export interface ReadDetectionDeps {
  db: PaperboyDb;
  now: () => number;
  sites: readonly PaperSite[];
  browser: Pick<typeof import('wxt/browser').browser, 'permissions' | 'tabs'>;
  /** Calls back when the user's switch changes. */
  watchEnabled: (changed: () => void) => void;
  /** The user's switch (utils/settings/settings.ts readDetectionItem). */
  enabled: () => Promise<boolean>;
  /** Whether the feature's optional permissions are held (utils/platform/permissions.ts hasOptional). */
  granted: () => Promise<boolean>;
  /** `import.meta.env.BROWSER`: Firefox filters tab events by address; Chrome cannot. */
  target: string;
}

export function createReadDetection(deps: ReadDetectionDeps) {
  const { db, now, sites, browser } = deps;
  const patterns = [...new Set(sites.map((site) => hostPattern(site.origin, deps.target)))];

  /** Marks the paper at `url` read when detection is on and its site granted; returns its id. */
  async function onAddress(url: string | undefined): Promise<string | undefined> {
    const id = paperIdFromUrl(url, sites);
    if (!id || !(await deps.enabled())) return undefined;
    const origin = new URL(url!).origin;
    if (!(await browser.permissions.contains({ origins: [hostPattern(origin, deps.target)] }))) return undefined;
    await markRead(db, [id], now());
    return id;
  }

  const listener = (_tabId: number, change: Browser.tabs.OnUpdatedInfo) => {
    if (change.url) void onAddress(change.url).catch((error) => console.error('Paperboy: read detection failed', error));
  };

  /**
   * Listens to tab addresses. Call synchronously at the background's start (so the event that
   * woke it is not missed), then `settle()`: with detection off the listener goes again, and
   * Chrome stops waking Paperboy for every tab change. Firefox wakes it only for the sites.
   */
  function listen(): void {
    if (browser.tabs.onUpdated.hasListener(listener)) return;
    const event = browser.tabs.onUpdated;
    // Firefox's extra filter argument (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/tabs/onUpdated#filter);
    // Chrome throws on it.
    if (deps.target === 'firefox') (event.addListener as (cb: typeof listener, filter: object) => void).call(event, listener, { urls: patterns, properties: ['url'] });
    else event.addListener(listener);
  }

  /** Keeps the listener only while detection is on and at least one site is granted. */
  async function settle(): Promise<boolean> {
    const on = (await deps.enabled()) && (await deps.granted().catch(() => false));
    if (on) listen();
    else browser.tabs.onUpdated.removeListener(listener);
    return on;
  }

  return { listen, settle, onAddress };
}

/**
 * Starts read detection in the background: listens at once (synchronously, as a wake-up event
 * needs), then keeps the listener only while it is wanted, following the switch and the
 * permissions as they change.
 */
export function startReadDetection(deps: ReadDetectionDeps): ReturnType<typeof createReadDetection> {
  const detection = createReadDetection(deps);
  detection.listen();
  const settle = () => void detection.settle().catch((error) => console.error('Paperboy: read detection failed', error));
  deps.browser.permissions.onAdded.addListener(settle);
  deps.browser.permissions.onRemoved.addListener(settle);
  deps.watchEnabled(settle);
  settle();
  return detection;
}
