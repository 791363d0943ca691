// @vitest-environment happy-dom
import { cleanup, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_PATH } from '../../../utils/data/bundled-path';
import type { PaperboyDb } from '../../../utils/data/db';
import { readAhead } from '../../../utils/data/page-data';
import { getSearchResults, type PaperView } from '../../../utils/data/papers';
import { dismiss, markRead, toggleSaved } from '../../../utils/data/user-state';
import { usePaperboy } from '../../../utils/pages/use-paperboy';
import { FIRST_CARDS } from '../../../utils/pages/use-progressive';
import type { ViewId } from '../../../utils/views/view-id';
import { seedSnapshotText } from '../../fixtures/recorded';
import { recordedPapers, renderPageHook, seedFeeds } from '../../support/page-harness';
import { clock, countReads, fakeFetch, freshDb, T0, text } from '../../support/harness';

const HOUR = 60 * 60_000;
const papers = recordedPapers('2026-06-12');
const ids = (views: PaperView[] | undefined) => views?.map((v) => v.paper.id);

let db: PaperboyDb;
let time: ReturnType<typeof clock>;
let net: ReturnType<typeof fakeFetch>;
const fetched = () => net.requests.map((r) => r.url.pathname);

beforeEach(() => {
  db = freshDb();
  time = clock(T0);
  // The page loads the snapshot from its package with the global fetch; nothing else answers.
  net = fakeFetch(({ url }) => (url.pathname === BUNDLED_PATH ? text(seedSnapshotText()) : 'offline'));
  vi.stubGlobal('fetch', net.fetch);
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await db.delete();
});

describe('usePaperboy: the default view', () => {
  it('shows the bundled snapshot on an empty database, loaded by the page itself, then trending once synced', async () => {
    const { result } = renderPageHook(() => usePaperboy(undefined, undefined), { db, now: time.now });

    await waitFor(() => expect(result.current.papers?.length).toBeGreaterThan(0));
    expect(result.current.view).toBe('bundled');
    expect(fetched()).toEqual([BUNDLED_PATH]);
    const first = result.current.papers![0]!.paper;
    expect(first).toMatchObject({ id: '2202.11847', source: 'bundled', firstSeenAt: T0 });

    await seedFeeds(db, ['hf-trending', 'hf-daily'], papers, T0 + HOUR);
    await waitFor(() => expect(result.current.view).toBe('hf-trending'));
    await waitFor(() => expect(ids(result.current.papers)).toEqual(papers.map((p) => p.id)));
  });

  it('opens on trending, without fetching the snapshot, when the database is synced', async () => {
    await seedFeeds(db, ['hf-daily', 'hf-trending'], papers, T0);
    const { result } = renderPageHook(() => usePaperboy(undefined, undefined), { db, now: time.now });

    await waitFor(() => expect(ids(result.current.papers)).toEqual(papers.map((p) => p.id)));
    expect(result.current.view).toBe('hf-trending');
    expect(fetched()).toEqual([]);
  });

  it('shows the view the page chose over the default', async () => {
    await seedFeeds(db, ['hf-trending'], papers, T0);
    await toggleSaved(db, papers[3]!.id, T0);
    const { result } = renderPageHook(() => usePaperboy('saved', undefined), { db, now: time.now });

    await waitFor(() => expect(ids(result.current.papers)).toEqual([papers[3]!.id]));
    expect(result.current.view).toBe('saved');
  });
});

describe('usePaperboy: a first screen read ahead', () => {
  const prefs = { defaultView: 'hf-daily' as const, liveFeeds: ['hf-trending' as const, 'hf-daily' as const] };

  it('is drawn by the first render (no empty page first), once, and then the page follows the database', async () => {
    await seedFeeds(db, ['hf-trending', 'hf-daily'], papers, T0);
    await readAhead(db, T0, undefined, prefs);
    const { result } = renderPageHook(() => usePaperboy(undefined, undefined, prefs), { db, now: time.now });
    // Synchronously, before any query of the page's own has answered.
    expect(result.current.view).toBe('hf-daily');
    expect(ids(result.current.papers)).toEqual(papers.map((p) => p.id));
    await markRead(db, [papers[0]!.id], T0 + 1);
    await waitFor(() => expect(result.current.papers?.[0]?.state?.readAt).toBe(T0 + 1));
    cleanup();

    // Handed out once: the next page reads for itself.
    const next = renderPageHook(() => usePaperboy(undefined, undefined, prefs), { db, now: time.now });
    expect(next.result.current.papers).toBeUndefined();
    await waitFor(() => expect(ids(next.result.current.papers)).toEqual(papers.map((p) => p.id)));
  });

  it('is not drawn for another view or other settings than it was read for', async () => {
    await seedFeeds(db, ['hf-trending', 'hf-daily'], papers, T0);
    await toggleSaved(db, papers[3]!.id, T0);
    await readAhead(db, T0, undefined, prefs);
    const saved = renderPageHook(() => usePaperboy('saved', undefined, prefs), { db, now: time.now });
    expect(saved.result.current.papers).toBeUndefined();
    await waitFor(() => expect(ids(saved.result.current.papers)).toEqual([papers[3]!.id]));
    cleanup();

    await readAhead(db, T0, undefined, prefs);
    const other = renderPageHook(() => usePaperboy(undefined, undefined, { ...prefs, defaultView: 'hf-trending' }), { db, now: time.now });
    expect(other.result.current.papers).toBeUndefined();
    await waitFor(() => expect(other.result.current.view).toBe('hf-trending'));
  });
});

describe('usePaperboy: live from the database', () => {
  it('follows writes made elsewhere (a sync, another page) with no re-render from the test', async () => {
    await seedFeeds(db, ['hf-trending'], papers, T0);
    const { result } = renderPageHook(() => usePaperboy('hf-trending', undefined), { db, now: time.now });
    await waitFor(() => expect(result.current.papers).toHaveLength(papers.length));
    expect(result.current.papers![0]!.state).toBeUndefined();

    await markRead(db, [papers[0]!.id], T0 + 1);
    await waitFor(() => expect(result.current.papers![0]!.state?.readAt).toBe(T0 + 1));

    const later = recordedPapers('2026-08-03');
    await seedFeeds(db, ['hf-trending'], later, T0 + HOUR);
    await waitFor(() => expect(ids(result.current.papers)).toEqual(later.map((p) => p.id)));
  });

  it('lists exactly the searched ids in their order, leaving out hidden and unknown ones', async () => {
    await seedFeeds(db, ['hf-trending'], papers, T0);
    const [a, b, c, d] = [papers[5]!.id, papers[0]!.id, papers[12]!.id, papers[20]!.id];
    await dismiss(db, [c], T0);
    const { result, rerender } = renderPageHook((searchIds: string[]) => usePaperboy('hf-trending', searchIds), {
      db,
      now: time.now,
      initialProps: [a, c, 'not-stored', b],
    });

    await waitFor(() => expect(ids(result.current.papers)).toEqual([a, b]));
    rerender([d, a]);
    await waitFor(() => expect(ids(result.current.papers)).toEqual([d, a]));
  });

  it('shows the first screen of many results before all of them are read, and keeps the last results (stale) until the new ones are', async () => {
    await seedFeeds(db, ['hf-trending'], papers, T0);
    const all = papers.map((p) => p.id);
    expect(all.length).toBeGreaterThan(FIRST_CARDS);
    const seen: [string, number | undefined][] = [];
    const { result, rerender } = renderPageHook(
      (searchIds: string[]) => {
        const page = usePaperboy('hf-trending', searchIds, undefined, true);
        seen.push([page.results, page.papers?.length]);
        return page;
      },
      { db, now: time.now, initialProps: all },
    );

    await waitFor(() => expect(result.current.results).toBe('whole'));
    expect(ids(result.current.papers)).toEqual(all);
    const firstAt = seen.findIndex(([results]) => results === 'first');
    expect(seen[firstAt]).toEqual(['first', FIRST_CARDS]);
    expect(seen.findIndex(([results]) => results === 'whole')).toBeGreaterThan(firstAt);

    // Another query: until its papers are read, the last results stay, marked stale.
    seen.length = 0;
    rerender([...all].reverse());
    expect(result.current).toMatchObject({ results: 'stale' });
    expect(ids(result.current.papers)).toEqual(all);
    await waitFor(() => expect(result.current.results).toBe('whole'));
    expect(ids(result.current.papers)).toEqual([...all].reverse());
  });

  it("draws the first screen the search sent with the ids at once, without reading it, then all of them", async () => {
    await seedFeeds(db, ['hf-trending'], papers, T0);
    const all = papers.map((p) => p.id);
    const sent = await getSearchResults(db, all.slice(0, FIRST_CARDS));
    const reads = countReads(db);
    const seen: [string, number | undefined][] = [];
    const { result } = renderPageHook(
      () => {
        const page = usePaperboy('hf-trending', all, undefined, true, sent);
        seen.push([page.results, page.papers?.length]);
        return page;
      },
      { db, now: time.now },
    );
    // The very first render already shows the sent first screen.
    expect(seen[0]).toEqual(['first', FIRST_CARDS]);
    expect(ids(result.current.papers)).toEqual(all.slice(0, FIRST_CARDS));
    await waitFor(() => expect(result.current.results).toBe('whole'));
    expect(ids(result.current.papers)).toEqual(all);
    // The feed behind the results and the whole results were read; the first screen was not read again.
    const readWithSent = reads.papers;
    cleanup();
    reads.papers = 0;
    const again = renderPageHook(() => usePaperboy('hf-trending', all, undefined, true), { db, now: time.now });
    await waitFor(() => expect(again.result.current.results).toBe('whole'));
    expect(reads.papers).toBe(readWithSent! + FIRST_CARDS);
  });

  it('reads the counts once: a search starting and answering neither reads them again nor blanks them', async () => {
    await seedFeeds(db, ['hf-trending', 'hf-daily'], papers, T0);
    const reads = countReads(db);
    const seen: unknown[] = [];
    const { result, rerender } = renderPageHook(
      ({ searchIds }: { searchIds?: string[] }) => {
        const page = usePaperboy(undefined, searchIds);
        seen.push(page.tabCounts);
        return page;
      },
      { db, now: time.now, initialProps: {} },
    );
    await waitFor(() => expect(result.current.tabCounts?.['hf-trending']).toBe(30));
    const feedReads = reads.feeds;
    const counted = seen.length;

    // Typed: the search has no answer yet (no ids), then answers.
    rerender({ searchIds: [] });
    await waitFor(() => expect(result.current.papers).toEqual([]));
    rerender({ searchIds: papers.slice(0, 3).map((p) => p.id) });
    await waitFor(() => expect(ids(result.current.papers)).toEqual(papers.slice(0, 3).map((p) => p.id)));
    // Cleared: the feed again.
    rerender({});
    await waitFor(() => expect(result.current.papers?.length).toBe(30));

    expect(reads.feeds).toBe(feedReads); // the counts read every feed: not again
    expect(seen.slice(counted).every((counts) => (counts as Record<string, number> | undefined)?.['hf-trending'] === 30)).toBe(true);
  });

  it('counts unread papers in each feed and the papers of each list, and the counts follow a change', async () => {
    await seedFeeds(db, ['hf-trending', 'hf-daily'], papers, T0);
    await seedFeeds(db, ['hf-week'], recordedPapers('2026-08-03'), T0);
    await toggleSaved(db, papers[1]!.id, T0);
    const { result } = renderPageHook(() => usePaperboy(undefined, undefined), { db, now: time.now });

    await waitFor(() => expect(result.current.sizes).toEqual({ 'hf-trending': 30, 'hf-daily': 30, bundled: 0 }));
    const expected: Partial<Record<ViewId, number>> = { 'hf-trending': 30, 'hf-daily': 30, bundled: 0, saved: 1, hidden: 0, 'hf-week': 3, 'hf-month': 0 };
    await waitFor(() => expect(result.current.tabCounts).toEqual(expected));
    await toggleSaved(db, papers[2]!.id, T0);
    await waitFor(() => expect(result.current.tabCounts).toEqual({ ...expected, saved: 2 }));
    // A read paper leaves the feeds' counts (unread, as the badge counts), a hidden one too.
    await markRead(db, [papers[3]!.id], T0);
    await dismiss(db, [papers[4]!.id], T0);
    await waitFor(() => expect(result.current.tabCounts).toEqual({ ...expected, saved: 2, hidden: 1, 'hf-trending': 28, 'hf-daily': 28 }));
  });
});
