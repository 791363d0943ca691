// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PaperboyDb } from '../../../utils/data/db';
import { getView } from '../../../utils/data/papers';
import { usePageDeps } from '../../../utils/pages/deps';
import { useLiveQuery } from '../../../utils/pages/use-live-query';
import { useTriage } from '../../../utils/triage/use-triage';
import { recordedPapers, renderPageHook, seedFeeds } from '../../support/page-harness';
import { clock, failWrites, freshDb, T0 } from '../../support/harness';

const papers = recordedPapers('2026-06-12');
const [first, second] = [papers[0]!, papers[1]!];

let db: PaperboyDb;
let time: ReturnType<typeof clock>;

/** The trending list, live from the database, with triage over it: as a page wires them. */
function useTrendingTriage() {
  const { db } = usePageDeps();
  const shown = useLiveQuery(() => getView(db, 'hf-trending'), [db], []);
  return { shown, ...useTriage(shown, () => {}) };
}

async function renderTriage() {
  const rendered = renderPageHook(useTrendingTriage, { db, now: time.now });
  await waitFor(() => expect(rendered.result.current.shown).toHaveLength(papers.length));
  return rendered;
}

/** A key pressed with the focus on `target` (the page itself when none). */
async function press(key: string, target: EventTarget = document): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  await act(() => void target.dispatchEvent(event));
  return event;
}

const badge = () => fakeBrowser.action.getBadgeText({});

beforeEach(async () => {
  db = freshDb();
  time = clock(T0);
  await seedFeeds(db, ['hf-trending', 'hf-daily'], papers, T0);
});

afterEach(async () => {
  cleanup();
  document.body.replaceChildren();
  await db.delete();
});

describe('useTriage: per-paper actions', () => {
  it('toggles the read flag at the page’s clock, and the badge follows', async () => {
    const { result } = await renderTriage();
    time.set(T0 + 5_000);

    await act(() => result.current.handlers.toggleRead(first.id));
    await expect.poll(badge).toBe(String(papers.length - 1));
    expect((await db.userState.get(first.id))?.readAt).toBe(T0 + 5_000);
    await waitFor(() => expect(result.current.shown[0]!.state?.readAt).toBe(T0 + 5_000));

    await act(() => result.current.handlers.toggleRead(first.id));
    await expect.poll(badge).toBe(String(papers.length));
    expect((await db.userState.get(first.id))?.readAt).toBeUndefined();
  });

  it('hides a paper with a message that offers undo, and undo brings it back', async () => {
    const { result } = await renderTriage();

    await act(() => result.current.handlers.dismiss(second.id));
    await waitFor(() => expect(result.current.message).toMatchObject({ text: `Hidden “${second.title}” everywhere: find it under Hidden.`, tone: 'ok' }));
    await waitFor(() => expect(result.current.shown.map((v) => v.paper.id)).not.toContain(second.id));

    await act(() => result.current.message!.undo!());
    await waitFor(() => expect(result.current.message).toEqual({ text: 'Back in your lists.', tone: 'ok' }));
    await waitFor(() => expect(result.current.shown.map((v) => v.paper.id)).toEqual(papers.map((p) => p.id)));
    expect((await db.userState.get(second.id))?.dismissedAt).toBeUndefined();
  });

  it('saves a paper and says where to find it; saving again removes it', async () => {
    const { result } = await renderTriage();

    await act(() => result.current.handlers.save(first.id));
    await waitFor(() => expect(result.current.message).toMatchObject({ text: `Saved “${first.title}”: find it under Saved.`, tone: 'ok' }));
    expect((await db.userState.get(first.id))?.savedAt).toBe(T0);

    await act(() => result.current.handlers.save(first.id));
    await waitFor(() => expect(result.current.message).toMatchObject({ text: `Removed “${first.title}” from Saved.`, tone: 'ok' }));
    expect((await db.userState.get(first.id))?.savedAt).toBeUndefined();
  });

  it('says what m did, read or unread, with an Undo that puts the first read time back', async () => {
    const { result } = await renderTriage();
    await act(() => result.current.handlers.toggleRead(first.id));
    await waitFor(() => expect(result.current.message?.text).toBe(`Marked “${first.title}” read.`));
    time.set(T0 + 60_000);
    await act(() => result.current.handlers.toggleRead(first.id));
    await waitFor(() => expect(result.current.message?.text).toBe(`Marked “${first.title}” unread.`));
    await act(() => result.current.message!.undo!());
    await waitFor(() => expect(result.current.message).toEqual({ text: 'Marked read again.', tone: 'ok' }));
    expect((await db.userState.get(first.id))?.readAt).toBe(T0);
    await expect.poll(badge).toBe(String(papers.length - 1));
  });

  it('marks every paper shown read with one Undo for all of them', async () => {
    const { result } = await renderTriage();
    await act(() => result.current.handlers.toggleRead(first.id));
    await waitFor(() => expect(result.current.shown[0]!.state?.readAt).toBe(T0));
    time.set(T0 + 1);
    await act(() => result.current.markAllRead());
    await waitFor(() => expect(result.current.message?.text).toBe(`Marked ${papers.length - 1} papers read.`));
    await expect.poll(badge).toBe('');
    await act(() => result.current.message!.undo!());
    await expect.poll(badge).toBe(String(papers.length - 1));
    // The paper read before stays read, at its own time.
    expect((await db.userState.get(first.id))?.readAt).toBe(T0);
  });

  it('turns a failed write into a warning the user sees, and changes nothing', async () => {
    const disk = failWrites(db, ['userState'], 'QuotaExceededError');
    const { result } = await renderTriage();
    disk.on();
    const logged = vi.spyOn(console, 'error');

    await act(() => result.current.handlers.toggleRead(first.id));
    // Dexie appends the inner error's name and message on a second line.
    await waitFor(() => expect(result.current.message).toEqual({ text: expect.stringMatching(/^Could not change the read mark: Simulated QuotaExceededError\b/), tone: 'warn' }));
    expect(disk.failed).toBe(1);
    expect(await db.userState.get(first.id)).toBeUndefined();
    expect(logged).not.toHaveBeenCalled();
  });
});

describe('useTriage: the keyboard', () => {
  it('j selects the first paper shown and m marks it read', async () => {
    const { result } = await renderTriage();

    const keys = [await press('j'), await press('m')];
    await waitFor(() => expect(result.current.shown[0]!.state?.readAt).toBe(T0));
    expect(result.current.selected).toBe(first.id);
    expect(keys.map((e) => e.defaultPrevented)).toEqual([true, true]);
  });

  it('leaves keys typed into a text field to the field', async () => {
    const { result } = await renderTriage();
    const search = document.body.appendChild(document.createElement('input'));

    // Were these two taken as commands, the selection would move on to the third paper.
    const typed = [await press('j', search), await press('j', search)];
    await press('j');
    await press('m');
    await waitFor(() => expect(result.current.shown[0]!.state?.readAt).toBe(T0));
    expect(result.current.shown.filter((v) => v.state?.readAt).map((v) => v.paper.id)).toEqual([first.id]);
    expect(typed.map((e) => e.defaultPrevented)).toEqual([false, false]);
  });
});

describe('useTriage: undo and hiding by key', () => {
  it('u takes back the changes newest first, and says when there is nothing left', async () => {
    const { result } = await renderTriage();
    await press('j');
    await press('m');
    await press('s');
    await press('X');
    await waitFor(() => expect(result.current.shown.map((v) => v.paper.id)).not.toContain(first.id));
    await press('u');
    await waitFor(() => expect(result.current.shown[0]?.paper.id).toBe(first.id));
    await press('u');
    await waitFor(() => expect(result.current.shown[0]!.state?.savedAt).toBeUndefined());
    await press('u');
    await waitFor(() => expect(result.current.shown[0]!.state?.readAt).toBeUndefined());
    await press('u');
    await waitFor(() => expect(result.current.message?.text).toBe('Nothing to undo.'));
  });

  it('a plain x hides nothing and says which key does', async () => {
    const { result } = await renderTriage();
    await press('j');
    await press('x');
    await waitFor(() => expect(result.current.message?.text).toBe('To hide this paper, press Shift+X.'));
    expect(await db.userState.get(first.id)).toBeUndefined();
  });
});
