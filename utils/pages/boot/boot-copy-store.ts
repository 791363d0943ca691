// Where the pages' boot copies (utils/pages/boot/boot-copy.ts) are kept: localStorage, which every
// extension page shares and can read synchronously before anything else loads. The background
// has no localStorage: there a change of user state is left for the next page (user-state.ts).

/** A text node, or an element: tag, attributes, children, and its namespace when not HTML. */
export type CopiedNode = string | [tag: string, attributes: [string, string][], children: CopiedNode[], namespace?: string];

/** One page's saved first screen. */
export interface BootCopy {
  /** The build that saved it: a copy from another version of the page is never shown. */
  version: string;
  nodes: CopiedNode[];
}

export const KEY_PREFIX = 'paperboy:boot:';
/** A first screen is a few KB; anything much larger is not worth a synchronous read. */
const MAX_CHARS = 256 * 1024;

/** This context's localStorage (none in the background). */
export function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Saves `page`'s copy (or drops the old one when the new one is too large to be worth it). */
export function writeBootCopy(page: string, copy: BootCopy): void {
  const json = JSON.stringify(copy);
  try {
    const store = storage();
    // Most saves find the copy the last visit left: writing it again would cost the browser a
    // write of the whole string for nothing.
    if (json.length > MAX_CHARS) store?.removeItem(KEY_PREFIX + page);
    else if (store?.getItem(KEY_PREFIX + page) !== json) store?.setItem(KEY_PREFIX + page, json);
  } catch {
    // Storage full or disabled: the next visit simply boots without the copy.
  }
}

/** `page`'s saved copy, if one was saved by this version. */
export function readBootCopy(page: string, version: string): BootCopy | undefined {
  try {
    const json = storage()?.getItem(KEY_PREFIX + page);
    if (!json) return undefined;
    const copy = JSON.parse(json) as BootCopy;
    return copy.version === version && Array.isArray(copy.nodes) ? copy : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Forgets every page's saved first screen. User state never needs it (its changes patch the
 * copies: boot-copy-patch.ts); a change of layout does (density, default view, the feeds kept:
 * utils/settings/use-settings.ts), since a copy drawn in the old one would flash on the next visit.
 */
export function forgetBootCopies(): void {
  const store = storage();
  if (!store) return;
  try {
    for (const key of Object.keys(store)) if (key.startsWith(KEY_PREFIX)) store.removeItem(key);
  } catch {
    // Storage disabled: nothing was saved either.
  }
}
