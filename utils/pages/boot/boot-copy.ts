/**
 * The boot copy: each page keeps a copy of its first screen (the header and the papers above
 * the fold, as the app last drew them) in localStorage, and paints it on the next visit before
 * Preact, Dexie or the app are even loaded. The app then renders the live data and takes over
 * (utils/pages/boot/take-over.tsx), so the copy is on screen only until the database has answered.
 * Papers below the fold are kept as empty shells that still carry `data-paper-id` and
 * `data-read`, so even during those milliseconds the page lists every paper with its flag.
 *
 * It is a structured copy of the DOM, not HTML: restoring creates elements and text nodes, never
 * parses markup, and drops event-handler attributes and URLs that `safeUrl` would refuse.
 */
import { safeUrl } from '../../platform/url';
import { readBootCopy, writeBootCopy, type CopiedNode } from './boot-copy-store';
import { find, focusTwinOf, twinOf, type Twin } from './twin';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** What belongs to the moment, not to the page: a message, an open dialog. The next visit starts without them. */
const TRANSIENT = '[data-role="toast"], dialog';
const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'poster']);

/**
 * Copies `root`'s children; every paper (`[data-paper-id]`) that starts below the first screen
 * (`screenHeight` px from the top of the document) is copied without its contents.
 */
export function captureFirstScreen(root: Element, screenHeight: number): CopiedNode[] {
  const copy = (node: Node): CopiedNode | undefined => {
    if (node.nodeType === Node.TEXT_NODE) return node.nodeValue ?? '';
    if (node.nodeType !== Node.ELEMENT_NODE) return undefined;
    const element = node as Element;
    if (element.matches(TRANSIENT)) return undefined;
    const below = element.hasAttribute('data-paper-id') && element.getBoundingClientRect().top + window.scrollY >= screenHeight;
    const attributes = [...element.attributes].map((a): [string, string] => [a.name, a.value]);
    // A checked box or radio (Preact sets the property, not the attribute) shows checked in the copy too.
    if (element instanceof HTMLInputElement && element.checked && !element.hasAttribute('checked')) attributes.push(['checked', '']);
    const children = below ? [] : [...element.childNodes].map(copy).filter((child) => child !== undefined);
    const ns = element.namespaceURI;
    return ns && ns !== HTML_NS ? [element.localName, attributes, children, ns] : [element.localName, attributes, children];
  };
  return [...root.childNodes].map(copy).filter((node) => node !== undefined);
}

/**
 * Whether an attribute from a snapshot may be set again (defence in depth: it came from our own
 * DOM). A URL may be empty (a paper with no safe link), a path, a fragment, one of the page's own
 * (the full view, the settings) or a link `safeUrl` accepts.
 */
function allowed(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('on') || lower === 'srcdoc') return false;
  if (!URL_ATTRIBUTES.has(lower)) return true;
  const own = value === '' || (value.startsWith('/') && !value.startsWith('//')) || value.startsWith('#') || value.startsWith(`${location.origin}/`);
  return own || safeUrl(value) !== undefined;
}

/** Builds DOM nodes from a snapshot: elements and text nodes only, never parsed markup. */
export function buildNodes(doc: Document, nodes: CopiedNode[]): Node[] {
  return nodes.map((node) => {
    if (typeof node === 'string') return doc.createTextNode(node);
    const [tag, attributes, children, ns] = node;
    const element = ns ? doc.createElementNS(ns, tag) : doc.createElement(tag);
    for (const [name, value] of attributes) if (allowed(name, value)) element.setAttribute(name, value);
    element.append(...buildNodes(doc, children));
    return element;
  });
}

/**
 * Saves `root`'s first screen for the next visit of `page`; an empty page is not worth keeping.
 * Only a page at its plain address (no `?feed=`, no `?q=`) is saved: a plain visit opens the
 * default view, so a copy of another view or of search results would flash the wrong papers.
 */
export function saveBootCopy(page: string, version: string, root: Element, screenHeight: number, search = location.search): void {
  if (search !== '' || !root.querySelector('[data-paper-id]')) return;
  writeBootCopy(page, { version, nodes: captureFirstScreen(root, screenHeight) });
}

/** The copy on screen while the app loads. */
export interface BootScreen {
  /**
   * Puts `root` back in place of the copy and carries over what the user began on the copy: the
   * field, control or paper they were on takes the focus (a field, what they typed), then every
   * click on a control or a paper and every shortcut key is replayed, in order.
   */
  handOver(): void;
}

/** Something the user did on the copy, done again on the live page: the event, sent to a twin or (none) the focus. */
interface Pending {
  twin?: Twin;
  event: () => Event;
}

/** A shortcut key (a character, no Ctrl, ⌘ or Alt) pressed outside a text field: the live page's keys (use-keys.ts) answer it. */
function isShortcut(event: KeyboardEvent): boolean {
  const target = event.target instanceof HTMLElement ? event.target : null;
  const typing = target?.closest('input, textarea, select, [contenteditable]') ?? false;
  return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing;
}

/**
 * Paints `page`'s saved first screen (of its plain address) in place of `root`, which leaves the document until the app
 * hands over (so the page never holds two copies of a control). A click on the copy waits for
 * the live page (a paper's own link, which the live page leaves to the browser, opens at once).
 */
export function showBootCopy(page: string, version: string, root: HTMLElement, search = location.search): BootScreen | undefined {
  // An address that asks for a view or a search is not the view the copy shows.
  const copy = search === '' ? readBootCopy(page, version) : undefined;
  return copy && showCopy(copy.nodes, root);
}

/** Paints `nodes` (a saved copy, or a first screen drawn from the data: popup-sketch.ts) in place of `root`, as above. */
export function showCopy(copied: CopiedNode[], root: HTMLElement): BootScreen {
  const nodes = buildNodes(document, copied);
  const boot = document.createElement('div');
  boot.append(...nodes);
  // Every click on a control or a paper and every shortcut key, in order: two papers marked read
  // before the app is in are both marked, and `j` pressed on the copy selects the first paper.
  const pending: Pending[] = [];
  const hold = (event: MouseEvent) => {
    // A paper's own links (Hugging Face, arXiv, PDF, code) are left to the browser, as the live
    // page leaves them: they open in a tab of their own. The click still selects the paper.
    const link = event.target instanceof Element ? event.target.closest('a[href][target="_blank"]:not([data-action])') : null;
    if (!link) event.preventDefault();
    const twin = twinOf(link?.closest('[data-paper-id]') ?? event.target, boot);
    const { type, button, ctrlKey, metaKey, shiftKey, altKey } = event;
    if (twin) pending.push({ twin, event: () => new MouseEvent(type, { bubbles: true, cancelable: true, button, ctrlKey, metaKey, shiftKey, altKey }) });
  };
  const holdKey = (event: KeyboardEvent) => {
    const { key, code, shiftKey } = event;
    if (isShortcut(event)) pending.push({ event: () => new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key, code, shiftKey }) });
  };
  boot.addEventListener('click', hold, true);
  boot.addEventListener('auxclick', hold, true);
  document.addEventListener('keydown', holdKey, true);
  root.replaceWith(boot);
  return {
    handOver() {
      const active = document.activeElement;
      const focused = active instanceof HTMLElement && active !== boot && boot.contains(active) ? focusTwinOf(active, boot) : undefined;
      const typed = active instanceof HTMLInputElement ? active.value : undefined;
      document.removeEventListener('keydown', holdKey, true);
      boot.replaceWith(root);
      // Focus asked for while the root was out of the document did not happen.
      root.querySelector<HTMLElement>('[autofocus]')?.focus();
      // The control (or paper) the user was on keeps the focus: a dialog a held click opens gives it back there.
      const twin = find(root, focused);
      if (twin) {
        twin.focus({ preventScroll: true });
        // A word typed into the copy's search field is the live field's, as if typed there.
        if (twin instanceof HTMLInputElement && typed !== undefined && typed !== twin.value) {
          twin.value = typed;
          twin.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }
      for (const { twin: target, event } of pending.splice(0)) (target ? find(root, target) : (document.activeElement ?? document.body))?.dispatchEvent(event());
    },
  };
}
