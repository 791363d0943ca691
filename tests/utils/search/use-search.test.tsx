// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSearch } from '../../../utils/search/client';
import type { SearchRequest, SearchResponse } from '../../../utils/search/protocol';
import { createSearchIndex, search } from '../../../utils/search/search-index';
import { matchesText, usePrepareOnIntent, useSearch } from '../../../utils/search/use-search';
import { recordedRows } from '../../support/page-harness';

// The page reaches the client by a dynamic import, not through PageDeps, so the module is replaced
// here (tests/utils/search/client.test.ts tests the real one on a database).
vi.mock('../../../utils/search/client', () => ({ startSearch: vi.fn() }));

/**
 * The search as the hook sees it through the client: a real index over the recorded papers,
 * answering in the real protocol, later than asked (the client reads the database). While
 * `holding`, queries wait until the test answers them, in any order.
 */
class FakeSearch {
  readonly index = createSearchIndex(recordedRows());
  readonly requests: SearchRequest[] = [];
  holding = false;
  /** The index still loading: "ready" waits until the test sends it. */
  loading = false;
  private onMessage: ((message: SearchResponse) => void) | undefined;

  readonly start = (onMessage: (message: SearchResponse) => void) => {
    this.onMessage = onMessage;
    if (!this.loading) queueMicrotask(() => this.send({ type: 'ready', size: this.index.documentCount, pending: 0 }));
    return {
      query: (seq: number, query: string, limit: number) => {
        const request: SearchRequest = { type: 'query', seq, query, limit };
        this.requests.push(request);
        if (!this.holding) queueMicrotask(() => this.answer(request));
      },
      stop: () => (this.onMessage = undefined),
    };
  };

  answer({ seq, query, limit }: SearchRequest): void {
    this.send({ type: 'results', seq, ids: search(this.index, query, limit), total: search(this.index, query, Infinity).length, pending: 0 });
  }

  send(message: SearchResponse): void {
    this.onMessage?.(message);
  }
}

let worker: FakeSearch;

/** A page's search: lazy, it starts when the user is about to search or at the first query long enough. */
const renderLazy = (query: string) => renderHook((q: string) => useSearch(q), { initialProps: query });

beforeEach(() => {
  worker = new FakeSearch();
  vi.mocked(startSearch).mockReset().mockImplementation(worker.start);
});

afterEach(cleanup);

describe('useSearch (lazy)', () => {
  it('starts nothing for a one-letter query', async () => {
    const { result, rerender } = renderLazy('d');
    // Were the client on its way, this would wait for it to load.
    await vi.dynamicImportSettled();
    expect(startSearch).not.toHaveBeenCalled();
    expect(result.current).toMatchObject({ status: 'off' });
    expect(result.current.ids).toBeUndefined();

    rerender('di');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(startSearch).toHaveBeenCalledTimes(1);
  });

  it('answers a query of two letters or more with the matching ids, best first', async () => {
    const expected = search(worker.index, 'distillation');
    expect(expected.length).toBeGreaterThan(1);
    const { result } = renderLazy('  distillation ');

    await waitFor(() => expect(result.current.ids).toEqual(expected));
    expect(result.current).toMatchObject({ status: 'ready', size: 30 });
    expect(worker.requests.map((r) => r.query)).toEqual(['distillation']);
  });

  it('ignores an answer to an older query that arrives after the newer one', async () => {
    worker.holding = true;
    const { result, rerender } = renderLazy('diffusion');
    await waitFor(() => expect(worker.requests.map((r) => r.query)).toEqual(['diffusion']));
    rerender('memory');
    const [older, newer] = worker.requests;
    expect(newer?.query).toBe('memory');
    const [olderIds, newerIds] = [search(worker.index, 'diffusion'), search(worker.index, 'memory')];
    expect(olderIds).not.toEqual(newerIds);

    await act(() => worker.answer(newer!));
    expect(result.current.ids).toEqual(newerIds);
    await act(() => worker.answer(older!));
    expect(result.current.ids).toEqual(newerIds);
  });

  it('reports a search error as the error status, in the search’s words', async () => {
    const { result } = renderLazy('memory');
    await waitFor(() => expect(result.current.status).toBe('ready'));

    await act(() => worker.send({ type: 'error', message: 'Search stopped working (out of memory)' }));
    expect(result.current).toMatchObject({ status: 'error', error: 'Search stopped working (out of memory)' });
  });
});

describe('useSearch: prepared before the first keystroke', () => {
  it('starts the worker when the user is about to search (focus), before any query', async () => {
    const { result, rerender } = renderLazy('');
    await vi.dynamicImportSettled();
    expect(startSearch).not.toHaveBeenCalled();

    await act(() => result.current.prepare());
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(worker.requests).toEqual([]);
    rerender('memory');
    await waitFor(() => expect(result.current.ids).toEqual(search(worker.index, 'memory')));
    expect(startSearch).toHaveBeenCalledTimes(1);
    expect(worker.requests[0]?.query).toBe('memory');
  });

  it('says how many papers are still waiting to be indexed', async () => {
    const { result } = renderLazy('memory');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(() => worker.send({ type: 'ready', size: 30, pending: 12 }));
    expect(result.current.pending).toBe(12);
  });
});

describe('useSearch: a word typed while the index loads', () => {
  it('is asked once and answered when the index is in: the first "ready" asks nothing more', async () => {
    worker.loading = worker.holding = true;
    const { result, rerender } = renderLazy('');
    await act(() => result.current.prepare());
    await waitFor(() => expect(startSearch).toHaveBeenCalledTimes(1));
    rerender('distillation');
    expect(worker.requests.map((r) => r.query)).toEqual(['distillation']);

    await act(() => worker.send({ type: 'ready', size: 30, pending: 0 }));
    expect(worker.requests).toHaveLength(1);
    await act(() => worker.answer(worker.requests[0]!));
    expect(result.current).toMatchObject({ status: 'ready', ids: search(worker.index, 'distillation'), idsFor: 'distillation' });
  });

  it('typed before the search’s code loaded, is asked as soon as it has', async () => {
    worker.loading = true;
    const { result } = renderLazy('memory');
    await waitFor(() => expect(worker.requests.map((r) => r.query)).toEqual(['memory']));
    await act(() => worker.send({ type: 'ready', size: 30, pending: 0 }));
    await waitFor(() => expect(result.current.ids).toEqual(search(worker.index, 'memory')));
    expect(worker.requests).toHaveLength(1);
  });

  it('is asked again when the index changes later (a sync landed)', async () => {
    const { result } = renderLazy('memory');
    await waitFor(() => expect(result.current.ids).toBeDefined());
    const before = worker.requests.length;
    await act(() => worker.send({ type: 'ready', size: 31, pending: 0 }));
    expect(worker.requests.length).toBe(before + 1);
  });
});

describe('usePrepareOnIntent: the index loads at the user’s first sign, not on a visit with no input', () => {
  const renderPrepared = () =>
    renderHook(() => {
      const state = useSearch('');
      usePrepareOnIntent(state.prepare);
      return state;
    });
  /** Long enough for an idle callback; were the client on its way, this waits for it to load. */
  const quiet = async () => {
    await act(() => new Promise((done) => setTimeout(done, 400)));
    await vi.dynamicImportSettled();
  };

  it('starts nothing while nobody touches the page, however long it stays open', async () => {
    const { result } = renderPrepared();
    await quiet();
    expect(result.current.status).toBe('off');
    expect(startSearch).not.toHaveBeenCalled();
  });

  it.each(['pointermove', 'pointerdown', 'keydown', 'wheel'])('starts the search at the first %s anywhere on the page, once', async (type) => {
    const { result } = renderPrepared();
    await act(() => void document.body.dispatchEvent(new Event(type, { bubbles: true })));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(() => void document.body.dispatchEvent(new Event('pointermove', { bubbles: true })));
    await act(() => void document.dispatchEvent(new Event('keydown')));
    await quiet();
    expect(startSearch).toHaveBeenCalledTimes(1);
    expect(worker.requests).toEqual([]);
  });
});

describe('matchesText (what a search summary counts)', () => {
  const ids = Array.from({ length: 500 }, (_, i) => `2601.${10000 + i}`);

  it('counts every match when the query matched more papers than a page lists (the best 500)', () => {
    expect(matchesText({ status: 'ready', ids, total: 85_830 }, 500, 500)).toBe('500 of 85,830 matches shown');
    expect(matchesText({ status: 'ready', ids, total: 85_830 }, 500)).toBe('85,830 matches');
  });

  it('counts the papers listed otherwise, and says how many are on screen when filters narrow them', () => {
    expect(matchesText({ status: 'ready', ids: ids.slice(0, 18), total: 18 }, 18, 18)).toBe('18 matches');
    expect(matchesText({ status: 'ready', ids: ids.slice(0, 18), total: 18 }, 18, 3)).toBe('3 of 18 matches shown');
    expect(matchesText({ status: 'ready', ids: ids.slice(0, 1), total: 1 }, 1)).toBe('1 match');
    // An answer from before `total` existed (a worker of the previous version still running).
    expect(matchesText({ status: 'ready', ids: ids.slice(0, 18) }, 18)).toBe('18 matches');
  });
});
