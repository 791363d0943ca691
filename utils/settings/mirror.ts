// A copy of the settings in localStorage, which every extension page shares and reads
// synchronously: the pages' tiny entry script applies the theme (and, on a new tab, the choice of
// an empty page) from it before the first paint, and the app starts from it instead of waiting
// for `storage.local`. `storage.local` stays the truth: each page that reads it refreshes this copy.

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

/** Puts the page's colours in the user's theme (`system` follows the operating system). */
export function applyTheme(theme: unknown, root: HTMLElement = document.documentElement): void {
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}
