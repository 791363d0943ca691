// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { firstScreenCards, useProgressive } from '../../../utils/pages/use-progressive';

const list = (n: number, tag = '') => Array.from({ length: n }, (_, i) => `${tag}${i}`);

afterEach(cleanup);

describe('useProgressive: a long list draws its first screen first', () => {
  it('gives the first items at once and the whole list once the browser is idle', async () => {
    const items = list(500);
    const { result } = renderHook(() => useProgressive(items, 'pressure', 24));
    expect(result.current).toEqual(items.slice(0, 24));
    await waitFor(() => expect(result.current).toHaveLength(500));
    expect(result.current).toBe(items);
  });

  it('gives a short list whole at once', () => {
    const items = list(10);
    const { result } = renderHook(() => useProgressive(items, 'gan', 24));
    expect(result.current).toBe(items);
  });

  it('stays whole when the items change under the same key (a read flag), and starts over for another key', async () => {
    const { result, rerender } = renderHook(({ items, key }: { items: string[]; key: string }) => useProgressive(items, key, 24), {
      initialProps: { items: list(100), key: 'diffusion' },
    });
    await waitFor(() => expect(result.current).toHaveLength(100));

    rerender({ items: list(100, 'x'), key: 'diffusion' });
    expect(result.current).toHaveLength(100);

    rerender({ items: list(300), key: 'diffusion model' });
    expect(result.current).toHaveLength(24);
    await act(() => new Promise((done) => setTimeout(done, 0)));
    await waitFor(() => expect(result.current).toHaveLength(300));
  });
});

describe('firstScreenCards: the cards that fill the window the page opened in', () => {
  it('is the grid columns times the rows of cards the window shows', () => {
    expect(firstScreenCards(1280, 900)).toBe(9); // 3 columns of 340 px, 3 rows
    expect(firstScreenCards(1920, 1080)).toBe(12); // 4 × 3: the page is at most 1,640 px wide
    expect(firstScreenCards(2560, 1440)).toBe(16); // 4 × 4
  });

  it('is at least 6 (a narrow window) and at most 32 (a tall screen)', () => {
    expect(firstScreenCards(360, 640)).toBe(6);
    expect(firstScreenCards(2560, 20000)).toBe(32);
  });
});
