// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSearchWorker } from '../../../utils/search/client';
import type { SearchRequest, SearchResponse } from '../../../utils/search/protocol';
import { createSearchIndex, search } from '../../../utils/search/search-index';
import { useSearch } from '../../../utils/search/use-search';
import { recordedRows } from '../../support/page-harness';

// The real client starts a `?sharedworker` module, which Vitest cannot load; the page reaches it
// by a dynamic import, not through PageDeps, so the module is replaced here.
vi.mock('../../../utils/search/client', () => ({ startSearchWorker: vi.fn() }));

/**
 * The search worker as a page sees it through the client: a real index over the recorded
 * papers, answering in the real protocol, later than asked (a worker is another thread). While
 * `holding`, queries wait until the test answers them, in any order.
 */
class FakeSearchWorker {
  readonly index = createSearchIndex(recordedRows());
  readonly requests: SearchRequest[] = [];
  holding = false;
  private onMessage: ((message: SearchResponse) => void) | undefined;

  readonly start = (onMessage: (message: SearchResponse) => void) => {
    this.onMessage = onMessage;
    queueMicrotask(() => this.send({ type: 'ready', size: this.index.prints.size }));
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
    this.send({ type: 'results', seq, ids: search(this.index, query, limit) });
  }

  send(message: SearchResponse): void {
    this.onMessage?.(message);
  }
}

let worker: FakeSearchWorker;

/** The popup's search: lazy, it starts at the first query long enough to search. */
const renderLazy = (query: string) => renderHook((q: string) => useSearch(q, false), { initialProps: query });

beforeEach(() => {
  worker = new FakeSearchWorker();
  vi.mocked(startSearchWorker).mockReset().mockImplementation(worker.start);
});

afterEach(cleanup);

describe('useSearch in the popup (lazy)', () => {
  it('starts nothing for a one-letter query', async () => {
    const { result, rerender } = renderLazy('d');
    // Were the client on its way, this would wait for it to load.
    await vi.dynamicImportSettled();
    expect(startSearchWorker).not.toHaveBeenCalled();
    expect(result.current).toEqual({ status: 'off' });

    rerender('di');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(startSearchWorker).toHaveBeenCalledTimes(1);
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

  it('reports a worker error as the error status, in the worker’s words', async () => {
    const { result } = renderLazy('memory');
    await waitFor(() => expect(result.current.status).toBe('ready'));

    await act(() => worker.send({ type: 'error', message: 'Search stopped working (out of memory)' }));
    expect(result.current).toMatchObject({ status: 'error', error: 'Search stopped working (out of memory)' });
  });
});
