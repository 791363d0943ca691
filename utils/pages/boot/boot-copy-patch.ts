import { paperClass, readToggleLook, saveLook } from '../../../components/paper-attributes';
import { KEY_PREFIX, storage, type BootCopy, type CopiedNode } from './boot-copy-store';

// Keeps a saved first screen (boot-copy.ts) true after a change of user state, without the page
// that drew it: each changed paper's flags are set as its card or row would draw them, a hidden
// paper leaves, and the counts that follow from the flags are brought along.

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
  /** How many more (or fewer) papers are saved now. */
  savedDelta: number;
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

/** Sets a toggle's attributes and its glyph (its one child element's text). */
function restyle(button: Element, look: Record<string, string>): void {
  const { glyph, ...attributes } = look;
  for (const [name, value] of Object.entries(attributes)) setAttr(button, name, value!);
  const span = button[2].find(isElement);
  if (span) span[2] = [glyph!];
}

function patchPaper(paper: Element, { read, saved }: FlagChange): void {
  setAttr(paper, 'data-read', String(read));
  setAttr(paper, 'data-saved', String(saved));
  const kind = hasClass(paper, 'row') ? 'row' : 'card';
  setAttr(paper, 'class', paperClass(kind, read, hasClass(paper, 'selected')));
  if (read) setAttr(paper, 'data-new', 'false');
  const inside = [...elements(paper[2])];
  const title = textOf(inside.find((node) => attr(node, 'data-action') === 'open') ?? '');
  for (const node of inside) {
    if (read) node[2] = node[2].filter((child) => !isElement(child) || !hasClass(child, 'new-pill'));
    if (attr(node, 'data-action') === 'toggle-read') restyle(node, readToggleLook(read, title));
    if (attr(node, 'data-action') === 'save') restyle(node, saveLook(saved, title));
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
    // "Mark 12 read": the count is of the unread papers the page lists, every one of them in the copy.
    if (attr(node, 'data-action') === 'mark-all-read') node[2] = node[2].map((child) => (typeof child === 'string' ? child.replace(/\d+/, String(unread)) : child));
    if (attr(node, 'data-feed') === 'saved' && patch.savedDelta !== 0) {
      const count = node[2].find((child) => isElement(child) && hasClass(child, 'tab-count')) as Element | undefined;
      if (count) count[2] = [String(Math.max(0, Number(textOf(count)) + patch.savedDelta))];
    }
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
