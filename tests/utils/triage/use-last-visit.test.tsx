// @vitest-environment happy-dom
import { cleanup, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaperboyDb } from '../../../utils/data/db';
import type { PaperView } from '../../../utils/data/papers';
import { getLastVisit, recordVisit } from '../../../utils/data/visits';
import { useLastVisit } from '../../../utils/triage/use-last-visit';
import { recordedRows, renderPageHook } from '../../support/page-harness';
import { clock, freshDb, T0 } from '../../support/harness';

const MINUTE = 60_000;
const [row] = recordedRows();
/** Papers on screen, first stored at these times. */
const shownAt = (...times: number[]): PaperView[] => times.map((firstSeenAt) => ({ paper: { ...row!, firstSeenAt } }) as PaperView);

let db: PaperboyDb;
let time: ReturnType<typeof clock>;

beforeEach(() => {
  db = freshDb();
  time = clock(T0);
});

afterEach(async () => {
  cleanup();
  await db.delete();
});

describe('useLastVisit', () => {
  it('returns the previous visit and records this one as the page opens', async () => {
    await recordVisit(db, 'newtab', T0 - 60 * MINUTE);
    const { result } = renderPageHook(() => useLastVisit('newtab'), { db, now: time.now });
    await waitFor(() => expect(result.current).toBe(T0 - 60 * MINUTE));
    expect(await getLastVisit(db, 'newtab')).toBe(T0);
  });

  it('records the visit again when papers stored during it are shown, with no close event needed', async () => {
    await recordVisit(db, 'newtab', T0 - 60 * MINUTE);
    const { result, rerender } = renderPageHook((shown: readonly PaperView[]) => useLastVisit('newtab', shown), { db, now: time.now, initialProps: shownAt(T0 - 2 * 60 * MINUTE) });
    await waitFor(() => expect(result.current).toBe(T0 - 60 * MINUTE));
    // A sync lands papers during the visit; the page shows them a moment later.
    time.advance(5 * MINUTE);
    rerender(shownAt(T0 + 4 * MINUTE, T0 - 2 * 60 * MINUTE));
    await waitFor(async () => expect(await getLastVisit(db, 'newtab')).toBe(T0 + 5 * MINUTE));
    // This visit still marks what was new when it opened.
    expect(result.current).toBe(T0 - 60 * MINUTE);
    // Switching to a view of older papers writes nothing.
    time.advance(5 * MINUTE);
    rerender(shownAt(T0 - 3 * 60 * MINUTE));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await getLastVisit(db, 'newtab')).toBe(T0 + 5 * MINUTE);
  });

  it('does not count papers as seen while the page is hidden', async () => {
    const { rerender } = renderPageHook((shown: readonly PaperView[]) => useLastVisit('popup', shown), { db, now: time.now, initialProps: [] as PaperView[] });
    await waitFor(async () => expect(await getLastVisit(db, 'popup')).toBe(T0));
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      time.advance(5 * MINUTE);
      rerender(shownAt(T0 + 4 * MINUTE));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await getLastVisit(db, 'popup')).toBe(T0);
    } finally {
      // The own property goes; the prototype's getter answers again.
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });
});
