// A copy of the settings in localStorage, which every extension page shares and reads
// synchronously: the pages' tiny entry script applies the theme (and, on a new tab, the choice of
// an empty page) from it before the first paint, and the app starts from it instead of waiting
// for `storage.local`. `storage.local` stays the truth: each page that reads it refreshes this copy.

import { DEFAULTS } from './defaults';

export const MIRROR_KEY = 'paperboy:settings';

/** localStorage, or undefined where there is none (the background) or it is disabled. */
export function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The mirrored settings as stored (unchecked: read them through `parseSettings`), or `{}`. */
export function readMirror(): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(localStore()?.getItem(MIRROR_KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

type StorageArea = { get(keys: string[]): Promise<Record<string, unknown>> };
type ExtensionGlobals = { browser?: { storage?: { local?: StorageArea } }; chrome?: { storage?: { local?: StorageArea } } };

/** The browser's own `storage.local` (`browser` in Firefox, `chrome` in Chrome), without the polyfill. */
const localArea = (api = globalThis as ExtensionGlobals) => api.browser?.storage?.local ?? api.chrome?.storage?.local;

/**
 * With no copy yet (a first visit, or localStorage cleared), reads the settings from
 * `storage.local` itself, with the browser's own API (no library: this runs in the entry script,
 * beside the app's code still loading), and keeps them as the copy. The app then starts from the
 * user's settings (layout, default view, feeds) instead of the defaults and a second render.
 * Resolves to the copy; unchecked, as `readMirror`'s, and `{}` when `storage.local` cannot be read.
 */
export async function restoreMirror(area: StorageArea | undefined = localArea()): Promise<Record<string, unknown>> {
  try {
    if (!area) return {};
    // Each setting is its own key (utils/settings/settings.ts); a default is never stored.
    const stored = await area.get(Object.keys(DEFAULTS));
    const copy: Record<string, unknown> = { ...DEFAULTS };
    for (const [name, value] of Object.entries(stored)) if (value !== undefined && value !== null) copy[name] = value;
    try {
      localStore()?.setItem(MIRROR_KEY, JSON.stringify(copy));
    } catch {
      // localStorage full or disabled: this page still starts from the copy, the next reads again.
    }
    return copy;
  } catch {
    // Not readable here: the app reads the settings itself, a moment later.
    return {};
  }
}

/** Puts the page's colours in the user's theme (`system` follows the operating system). */
export function applyTheme(theme: unknown, root: HTMLElement = document.documentElement): void {
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}
