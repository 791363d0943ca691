import { markAllReadText, markAllReadTitle, paperClass, readToggleLook, saveLook } from '../../../components/paper-attributes';
import { t } from '../../lib/i18n';
import { KEY_PREFIX, storage, type BootCopy, type CopiedNode } from './boot-copy-store';

// Keeps a saved first screen (boot-copy.ts) true after a change of user state, without the page
// that drew it: each changed paper's flags are set as its card or row would draw them, a hidden
// paper leaves, the "mark all read" count follows, and the tabs' counts leave the copy.

/** A paper's flags after a change. */
export interface FlagChange {
  id: string;
  read: boolean;
  saved: boolean;
  hidden: boolean;
}

/** A change of user state, as the saved copies must show it. */
export interface CopyPatch {
  papers: FlagChange[];
}

type Element = Exclude<CopiedNode, string>;

const attr = (node: Element, name: string) => node[1].find(([n]) => n === name)?.[1];
function setAttr(node: Element, name: string, value: string): void {
  const found = node[1].find(([n]) => n === name);
  if (found) found[1] = value;
  else node[1].push([name, value]);
}
const isElement = (node: CopiedNode): node is Element => typeof node !== 'string';
const hasClass = (node: Element, name: string) => (attr(node, 'class') ?? '').split(/\s+/).includes(name);

function* elements(nodes: CopiedNode[]): Generator<Element> {
  for (const node of nodes.filter(isElement)) {
    yield node;
    yield* elements(node[2]);
  }
}

const textOf = (node: CopiedNode): string => (typeof node === 'string' ? node : node[2].map(textOf).join(''));

/** Redraws a saved ActionButton (components/ActionButton.tsx) with another look: class, title, glyph, words. */
function restyle(button: Element, look: { glyph: string; text: string; title: string; class?: string }, extra: string): void {
  const iconOnly = hasClass(button, 'icon-button');
  setAttr(button, 'class', `${iconOnly ? 'icon-button' : 'text-button'} ${extra}`);
  setAttr(button, 'title', look.title);
  // The paper's title, between the quotes of the copy's language (“…” or „…“).
  const paper = /[“„](.*)[”“]/s.exec(attr(button, 'aria-label') ?? textOf(button))?.[1] ?? '';
  if (iconOnly) setAttr(button, 'aria-label', t('paper.actionOn', [look.text, paper]));
  const glyph = button[2].find((child) => isElement(child) && hasClass(child, 'glyph')) as Element | undefined;
  if (glyph) glyph[2] = [look.glyph];
  const words = button[2].findIndex((child) => typeof child === 'string' && child.trim() !== '');
  if (words >= 0) button[2][words] = look.text;
}

function patchPaper(paper: Element, { read, saved }: FlagChange): void {
  setAttr(paper, 'data-read', String(read));
  setAttr(paper, 'data-saved', String(saved));
  const kind = hasClass(paper, 'row') ? 'row' : 'card';
  setAttr(paper, 'class', paperClass(kind, read, hasClass(paper, 'selected')));
  if (read) setAttr(paper, 'data-new', 'false');
  for (const node of elements(paper[2])) {
    if (read) node[2] = node[2].filter((child) => !isElement(child) || !hasClass(child, 'new-pill'));
    if (attr(node, 'data-action') === 'toggle-read') restyle(node, readToggleLook(read), 'read-toggle');
    if (attr(node, 'data-action') === 'save') {
      const look = saveLook(saved);
      restyle(node, look, look.class);
      setAttr(node, 'aria-pressed', String(saved));
    }
  }
}

/** The copy as it must look after `patch`. */
export function patchCopy(nodes: CopiedNode[], patch: CopyPatch): CopiedNode[] {
  const byId = new Map(patch.papers.map((change) => [change.id, change]));
  const copy = structuredClone(nodes);
  const drop = (list: CopiedNode[]): CopiedNode[] =>
    list
      .filter((node) => !isElement(node) || !byId.get(attr(node, 'data-paper-id') ?? '')?.hidden)
      .map((node) => (isElement(node) ? ((node[2] = drop(node[2])), node) : node));
  const patched = drop(copy);
  const all = [...elements(patched)];
  for (const node of all) {
    const change = byId.get(attr(node, 'data-paper-id') ?? '');
    if (change) patchPaper(node, change);
  }
  const unread = all.filter((node) => attr(node, 'data-read') === 'false').length;
  // With nothing left unread, the page draws no "mark all read" button.
  if (unread === 0) for (const node of all) node[2] = node[2].filter((child) => !isElement(child) || attr(child, 'data-action') !== 'mark-all-read');
  for (const node of all) {
    // "Mark 12 as read": the count is of the unread papers the page lists, every one of them in the copy.
    if (attr(node, 'data-action') === 'mark-all-read') {
      node[2] = [markAllReadText(unread)];
      setAttr(node, 'title', markAllReadTitle(unread));
    }
    // The tabs' counts (unread per feed, papers per list) follow from flags the copy cannot see
    // for papers it does not list: they leave the copy, and the page draws them after its first read.
    node[2] = node[2].filter((child) => !isElement(child) || !hasClass(child, 'tab-count'));
  }
  return patched;
}

/**
 * Brings every page's saved first screen up to date with a change of user state (the change
 * happened in this context, the copies were saved by other pages), so that no page boots showing
 * a flag the user has since changed and none has to boot without its copy. Returns false where
 * there is no localStorage (the background): the caller leaves the change for the next page.
 */
export function patchBootCopies(patch: CopyPatch): boolean {
  const store = storage();
  if (!store) return false;
  try {
    for (const key of Object.keys(store)) {
      if (!key.startsWith(KEY_PREFIX)) continue;
      const copy = JSON.parse(store.getItem(key) ?? 'null') as BootCopy | null;
      if (copy && Array.isArray(copy.nodes)) store.setItem(key, JSON.stringify({ ...copy, nodes: patchCopy(copy.nodes, patch) }));
    }
  } catch {
    // Storage disabled or a copy unreadable: forget them all rather than show a wrong flag.
    for (const key of Object.keys(store)) if (key.startsWith(KEY_PREFIX)) store.removeItem(key);
  }
  return true;
}
