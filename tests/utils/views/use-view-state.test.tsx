// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useViewState } from '../../../utils/views/use-view-state';
import { DEFAULT_VIEW } from '../../../utils/views/view-state';

const PAGE = '/newtab.html?feed=hf-daily&q=diffusion&sort=upvotes#top';
const PAGE_STATE = { scrollTop: 120 };

beforeEach(() => {
  history.replaceState(PAGE_STATE, '', PAGE);
});

afterEach(cleanup);

describe('useViewState', () => {
  it('with inUrl, starts from the address and writes each change back in place', async () => {
    const entries = history.length;
    const replace = vi.spyOn(history, 'replaceState');
    const push = vi.spyOn(history, 'pushState');
    const { result } = renderHook(() => useViewState(true));
    expect(result.current[0]).toEqual({ ...DEFAULT_VIEW, feed: 'hf-daily', q: 'diffusion', sort: 'upvotes' });

    await act(() => result.current[1]({ q: 'gan', unread: true }));
    expect(result.current[0]).toEqual({ ...DEFAULT_VIEW, feed: 'hf-daily', q: 'gan', unread: true, sort: 'upvotes' });
    expect(`${location.pathname}${location.search}${location.hash}`).toBe('/newtab.html?feed=hf-daily&q=gan&unread=1&sort=upvotes#top');

    await act(() => result.current[1]({ feed: undefined, sort: 'rank' }));
    expect(`${location.pathname}${location.search}${location.hash}`).toBe('/newtab.html?q=gan&unread=1#top');

    expect(replace).toHaveBeenCalledTimes(2);
    expect(push).not.toHaveBeenCalled();
    expect(history.length).toBe(entries);
    expect(history.state).toEqual(PAGE_STATE);
  });

  it('without inUrl, starts from the defaults and leaves the address alone', async () => {
    const replace = vi.spyOn(history, 'replaceState');
    const push = vi.spyOn(history, 'pushState');
    const { result } = renderHook(() => useViewState(false));
    expect(result.current[0]).toEqual(DEFAULT_VIEW);

    await act(() => result.current[1]({ q: 'gan', feed: 'saved' }));
    expect(result.current[0]).toEqual({ ...DEFAULT_VIEW, q: 'gan', feed: 'saved' });
    expect(`${location.pathname}${location.search}${location.hash}`).toBe(PAGE);
    expect(replace).not.toHaveBeenCalled();
    expect(push).not.toHaveBeenCalled();
  });
});
