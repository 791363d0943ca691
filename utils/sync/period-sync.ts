import type { PaperboyDb } from '../data/db';
import { applySync, type FeedFetch } from '../data/feed-store';
import { getSyncStatus, putSyncStatus, type SyncErrorKind, type SyncStatus } from '../data/sync-status';
import { formatWait } from '../lib/format';
import type { PeriodFeed } from '../views/view-id';
import { fetchHfFeed, SyncError, type HfFetchDeps } from './hf-fetch';
import { RATE_LIMIT_BASE_MS, storageMessage, waitAfter } from './outcome';
import { PERIOD_MAX_PAGES, PERIOD_PAGE_SIZE, periodPath } from './periods';
import type { ParsedPaper } from './sources/hf';
import { t } from '../lib/i18n';

/** What fetching one on-demand feed did; `error` in plain words when it failed or had to wait. */
export interface FeedSyncResult {
  status: SyncStatus;
  ran: boolean;
  error?: { kind: SyncErrorKind; message: string };
}

/** Fetches a period feed page by page, its papers deduplicated; throws a `SyncError`. */
async function fetchPages(deps: HfFetchDeps, feed: PeriodFeed, start: number): Promise<FeedFetch> {
  const byId = new Map<string, ParsedPaper>();
  let skipped = 0;
  for (let page = 0; page < PERIOD_MAX_PAGES[feed]; page++) {
    const fetched = await fetchHfFeed(deps, feed, periodPath(feed, start, page));
    for (const paper of fetched.papers) if (!byId.has(paper.id)) byId.set(paper.id, paper);
    skipped += fetched.skipped;
    // HF answers past the last page with [] and fills a page before starting the next.
    if (fetched.papers.length + fetched.skipped < PERIOD_PAGE_SIZE) break;
  }
  return { feed, papers: [...byId.values()], skipped };
}

/** A 429 on an on-demand feed is stored as the main sync's is: no request of any kind before it ends. */
async function storeRateLimit(db: PaperboyDb, before: SyncStatus, failure: SyncError, start: number, random: () => number): Promise<SyncStatus> {
  const failures = (before.failures ?? 0) + 1;
  const until = start + (waitAfter(failure, failures, random) ?? RATE_LIMIT_BASE_MS);
  const status: SyncStatus = { ...before, lastError: { kind: failure.kind, message: failure.message, at: start }, failures, nextAttemptAt: until, rateLimitedUntil: until };
  await putSyncStatus(db, status);
  return status;
}

/**
 * Fetches one on-demand feed (this week's or this month's featured papers, page by page) and
 * stores it; the badge's live feeds are untouched. A rate-limit wait stored by any sync is
 * honoured, and a 429 here is stored so the periodic sync honours it too. All or nothing.
 */
export async function syncPeriodFeed(db: PaperboyDb, deps: HfFetchDeps & { random: () => number }, feed: PeriodFeed): Promise<FeedSyncResult> {
  const before = await getSyncStatus(db);
  const start = deps.now();
  if ((before.rateLimitedUntil ?? 0) > start) {
    const message = t('sync.error.waitNext', [formatWait(before.rateLimitedUntil! - start)]);
    return { status: before, ran: false, error: { kind: 'rate-limited', message } };
  }
  let fetched: FeedFetch;
  try {
    fetched = await fetchPages(deps, feed, start);
  } catch (error) {
    const failure = error instanceof SyncError ? error : new SyncError('bad-body', String(error));
    const reported = { kind: failure.kind, message: failure.message };
    if (failure.kind !== 'rate-limited') return { status: before, ran: true, error: reported };
    return { status: await storeRateLimit(db, before, failure, start, deps.random), ran: true, error: reported };
  }
  try {
    await applySync(db, [fetched], before, start);
  } catch (error) {
    return { status: before, ran: true, error: { kind: 'storage', message: storageMessage(error) } };
  }
  return { status: await getSyncStatus(db), ran: true };
}
