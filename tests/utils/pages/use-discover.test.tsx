// @vitest-environment happy-dom
import { cleanup, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaperboyDb } from '../../../utils/data/db';
import type { PaperView } from '../../../utils/data/papers';
import { useDiscover } from '../../../utils/pages/use-discover';
import { recordedRows, renderPageHook } from '../../support/page-harness';
import { clock, freshDb, T0 } from '../../support/harness';

const HOUR = 3_600_000;
const rows = recordedRows().slice(0, 3);

let db: PaperboyDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

describe('useDiscover', () => {
  it('gives a paper counted once its sparkline from its own row, and keeps each card’s extras across a read flag change', async () => {
    const time = clock(T0);
    // The first paper has a stored history; the other two were counted by one sync only.
    await db.history.put({ id: rows[0]!.id, lastAt: T0 - HOUR, upvotes: { t: [T0 - 3 * HOUR, T0 - HOUR], v: [2, 9] } });
    const shown = (read: boolean): PaperView[] => rows.map((paper, i) => ({ paper: { ...paper, upvotes: 10 + i, lastSeenInFeedAt: T0 - HOUR }, state: read ? { id: paper.id, readAt: T0 } : undefined, rank: i + 1 }) as PaperView);
    const { result, rerender } = renderPageHook((papers: PaperView[]) => useDiscover('hf-daily', papers), { db, now: time.now, initialProps: shown(false) });

    await waitFor(() => expect(result.current.extras.get(rows[0]!.id)?.spark?.v).toEqual([2, 9]));
    expect(result.current.extras.get(rows[1]!.id)?.spark).toEqual({ t: [T0 - HOUR], v: [11] });
    expect(result.current.extras.get(rows[2]!.id)?.spark).toEqual({ t: [T0 - HOUR], v: [12] });

    const before = rows.map((paper) => result.current.extras.get(paper.id));
    rerender(shown(true));
    rows.forEach((paper, i) => expect(result.current.extras.get(paper.id), paper.id).toBe(before[i]));
  });
});
