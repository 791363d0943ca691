// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MarkAllRead } from '../../../../components/MarkAllRead';
import { PaperCard } from '../../../../components/PaperCard';
import { PaperRow } from '../../../../components/PaperRow';
import { captureFirstScreen, saveBootCopy } from '../../../../utils/pages/boot/boot-copy';
import { patchBootCopies, patchCopy, type CopyPatch } from '../../../../utils/pages/boot/boot-copy-patch';
import { readBootCopy } from '../../../../utils/pages/boot/boot-copy-store';
import type { Paper, UserState } from '../../../../utils/data/db';
import { getPageData } from '../../../../utils/data/page-data';
import { dismiss, toggleRead, toggleSaved } from '../../../../utils/data/user-state';
import type { PaperHandlers } from '../../../../utils/triage/types';
import { freshDb } from '../../../support/harness';

const VERSION = 'chunks/newtab-abc123.js';
const noop = () => undefined;
const handlers: PaperHandlers = { open: noop, toggleRead: noop, save: noop, dismiss: noop, restore: noop, cite: noop, select: noop };

const papers: Paper[] = ['2606.00001', '2606.00002', '2606.00003'].map((id, i) => ({
  id,
  title: `Paper ${i + 1}: “quoted” <b>title</b>`,
  summary: 'An abstract.',
  authors: ['A. Author'],
  links: { hf: `https://huggingface.co/papers/${id}` },
  source: 'hf',
  firstSeenAt: 10,
}));

/** A first screen as a page draws it: a tab with its count, the papers with their flags, and "Mark N as read". */
function draw(kind: 'card' | 'row', states: Record<string, UserState | undefined>, isNew = false, counts = true): Element {
  const root = document.createElement('div');
  const Item = kind === 'card' ? PaperCard : PaperRow;
  const shown = papers.filter((p) => !states[p.id]?.dismissedAt);
  const unread = shown.filter((p) => !states[p.id]?.readAt).length;
  render(
    <main>
      <button type="button" data-feed="hf-trending">
        Trending{counts && <span class="tab-count">{unread}</span>}
      </button>
      <MarkAllRead unread={unread} onClick={noop} />
      {shown.map((paper, i) => (
        <Item key={paper.id} view={{ paper, state: states[paper.id], rank: i + 1 }} handlers={handlers} isNew={isNew && !states[paper.id]?.readAt} />
      ))}
    </main>,
    root,
  );
  return root;
}

const copyOf = (root: Element) => captureFirstScreen(root, 10_000);
const change = (id: string, read: boolean, saved: boolean, hidden = false): CopyPatch => ({ papers: [{ id, read, saved, hidden }] });

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('a saved first screen after a change of user state', () => {
  it.each(['card', 'row'] as const)('shows a %s read and saved exactly as the page would draw it', (kind) => {
    const before = copyOf(draw(kind, {}, true));
    const after = { '2606.00002': { id: '2606.00002', readAt: 5, savedAt: 6 } };
    // The tab's count leaves the copy: the page draws it after its first read.
    expect(patchCopy(before, change('2606.00002', true, true))).toEqual(copyOf(draw(kind, after, true, false)));
  });

  it('shows a paper unread again exactly as drawn', () => {
    const read = { '2606.00001': { id: '2606.00001', readAt: 5 }, '2606.00003': { id: '2606.00003', readAt: 5 } };
    const before = copyOf(draw('card', read));
    expect(patchCopy(before, change('2606.00003', false, false))).toEqual(copyOf(draw('card', { '2606.00001': read['2606.00001'] }, false, false)));
  });

  it('drops a hidden paper, and the button once nothing is left unread', () => {
    const read = { '2606.00001': { id: '2606.00001', readAt: 5 }, '2606.00002': { id: '2606.00002', readAt: 5 } };
    const before = copyOf(draw('row', read));
    const hidden = { ...read, '2606.00003': { id: '2606.00003', dismissedAt: 7 } };
    expect(patchCopy(before, change('2606.00003', false, false, true))).toEqual(copyOf(draw('row', hidden, false, false)));
  });
});

describe('user-state changes keep every saved copy true', () => {
  function saveCopies(states: Record<string, UserState | undefined> = {}) {
    saveBootCopy('newtab', VERSION, draw('card', states), 10_000);
    saveBootCopy('popup', VERSION, draw('row', states), 10_000);
  }
  const flag = (page: string, id: string, name: string) => {
    const find = (nodes: unknown[]): string | undefined => {
      for (const node of nodes) {
        if (typeof node === 'string') continue;
        const [, attributes, children] = node as [string, [string, string][], unknown[]];
        if (attributes.some(([n, v]) => n === 'data-paper-id' && v === id)) return attributes.find(([n]) => n === name)?.[1];
        const found = find(children);
        if (found) return found;
      }
      return undefined;
    };
    return find(readBootCopy(page, VERSION)?.nodes ?? []);
  };

  it('patches both pages’ copies in the page that made the change; none is forgotten', async () => {
    const db = freshDb();
    await db.papers.bulkPut(papers);
    saveCopies();
    await toggleRead(db, '2606.00002', 100);
    await toggleSaved(db, '2606.00001', 101);
    for (const page of ['newtab', 'popup']) {
      expect(flag(page, '2606.00002', 'data-read')).toBe('true');
      expect(flag(page, '2606.00001', 'data-saved')).toBe('true');
    }
    await dismiss(db, ['2606.00003'], 102);
    expect(flag('newtab', '2606.00003', 'data-read')).toBeUndefined();
    expect(flag('newtab', '2606.00001', 'data-read')).toBe('false');
  });

  it('a change in the background (no localStorage) is left for the next page, which patches the copies with its first query', async () => {
    const db = freshDb();
    await db.papers.bulkPut(papers);
    saveCopies();
    const pageStorage = localStorage;
    vi.stubGlobal('localStorage', undefined);
    await toggleRead(db, '2606.00002', 100);
    vi.unstubAllGlobals();
    expect(pageStorage.getItem('paperboy:boot:newtab')).toContain('"data-read","false"');

    const { bootPatches } = await getPageData(db, Date.now(), undefined);
    expect(bootPatches).toEqual([change('2606.00002', true, false)]);
    for (const patch of bootPatches) patchBootCopies(patch);
    expect(flag('newtab', '2606.00002', 'data-read')).toBe('true');
    expect(flag('popup', '2606.00002', 'data-read')).toBe('true');
  });
});
