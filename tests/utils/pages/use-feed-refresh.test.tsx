// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addArxivCategory, getArxivStatus, type ArxivStatus } from '../../../utils/data/arxiv-store';
import type { PaperboyDb } from '../../../utils/data/db';
import { getSyncStatus, type SyncStatus } from '../../../utils/data/sync-status';
import { useFeedRefresh } from '../../../utils/pages/use-feed-refresh';
import type { FeedSyncResult } from '../../../utils/sync/period-sync';
import type { ViewId } from '../../../utils/views/view-id';
import { fakePermissions } from '../../support/fake-permissions';
import { recordedPapers, renderPageHook, seedFeeds } from '../../support/page-harness';
import { clock, dump, fakeFetch, freshDb, T0 } from '../../support/harness';

const HOUR = 60 * 60_000;
const week = { type: 'sync-feed', feed: 'hf-week' };
const month = { type: 'sync-feed', feed: 'hf-month' };

let db: PaperboyDb;
let time: ReturnType<typeof clock>;
let status: SyncStatus;
let arxiv: ArxivStatus;
let net: ReturnType<typeof fakeFetch>;

/** The background's end of `runtime.sendMessage`: every message it got, each answered with `answer`. */
function background(answer: () => Omit<FeedSyncResult, 'status'>) {
  const messages: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    messages.push(message);
    return Promise.resolve({ status, ...answer() });
  });
  return messages;
}

type Props = { view: ViewId | undefined; status: SyncStatus };

function renderRefresh(view: ViewId | undefined) {
  return renderPageHook((props: Props) => useFeedRefresh(props.view, props.status, arxiv), { db, now: time.now, initialProps: { view, status } });
}

beforeEach(async () => {
  // The page fetches arXiv with the global fetch (PageDeps has none): no test may reach the network.
  net = fakeFetch(() => 'offline');
  vi.stubGlobal('fetch', net.fetch);
  db = freshDb();
  time = clock(T0);
  await seedFeeds(db, ['hf-trending', 'hf-daily'], recordedPapers('2026-06-12'), T0);
  status = await getSyncStatus(db);
  arxiv = await getArxivStatus(db);
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await db.delete();
});

describe('useFeedRefresh: this week and this month', () => {
  it('asks the background for a stale period feed once per view, not again when the status changes', async () => {
    const messages = background(() => ({ ran: true }));
    const { result, rerender } = renderRefresh('hf-week');
    await waitFor(() => expect(messages).toEqual([week]));
    await waitFor(() => expect(result.current.busy).toBe(false));

    // The week is still stale after each of these; only the month is new.
    rerender({ view: 'hf-week', status: { ...status, lastAttemptAt: T0 + 1 } });
    rerender({ view: 'hf-daily', status });
    rerender({ view: 'hf-week', status });
    rerender({ view: 'hf-month', status });
    await waitFor(() => expect(messages).toEqual([week, month]));
    expect(result.current.error).toBeUndefined();
  });

  it('leaves a feed fetched within the hour alone, by the page’s clock', async () => {
    await seedFeeds(db, ['hf-week'], recordedPapers('2026-08-03'), T0);
    status = await getSyncStatus(db);
    time.set(T0 + 10 * 60_000);
    const messages = background(() => ({ ran: true }));
    const { rerender } = renderRefresh('hf-week');

    rerender({ view: 'hf-month', status });
    await waitFor(() => expect(messages).toEqual([month]));
    time.set(T0 + 2 * HOUR);
    rerender({ view: 'hf-week', status });
    await waitFor(() => expect(messages).toEqual([month, week]));
  });

  it('shows the background’s error in its words, and not on the next view', async () => {
    background(() => ({ ran: true, error: { kind: 'server', message: 'Hugging Face is not answering (HTTP 503); Paperboy tries again later' } }));
    const { result, rerender } = renderRefresh('hf-week');

    await waitFor(() => expect(result.current.error).toBe('Hugging Face is not answering (HTTP 503); Paperboy tries again later'));
    rerender({ view: 'hf-trending', status });
    expect(result.current.error).toBeUndefined();
  });
});

describe('useFeedRefresh: arXiv feeds', () => {
  it('says the permission is missing instead of fetching an arXiv feed without it', async () => {
    fakePermissions();
    await addArxivCategory(db, 'cs.LG');
    arxiv = await getArxivStatus(db);
    const { result } = renderRefresh('arxiv:cs.LG');

    await waitFor(() => expect(result.current.needsAccess).toBe(true));
    expect(result.current.error).toBeUndefined();
    expect(net.requests).toEqual([]);
  });

  it('refuses an invalid category in plain words, before any prompt, and writes nothing', async () => {
    const browserSide = fakePermissions();
    const before = await dump(db);
    const { result } = renderRefresh(undefined);

    let added: boolean | undefined;
    await act(async () => void (added = await result.current.addCategory('cs LG')));
    expect(added).toBe(false);
    expect(result.current.error).toBe('“cs LG” is not an arXiv category (examples: cs.LG, stat.ML, hep-th)');
    expect(browserSide.asked).toEqual([]);
    expect(net.requests).toEqual([]);
    expect(await dump(db)).toEqual(before);
  });
});
