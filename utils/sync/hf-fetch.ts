import type { FeedFetch } from '../data/feed-store';
import type { SyncErrorKind } from '../data/sync-status';
import { formatWait } from '../lib/format';
import type { FeedId } from '../views/view-id';
import { retryAfterMs } from './retry';
import { parseDailyPapers } from './sources/hf';

export const FETCH_TIMEOUT_MS = 20_000;

/** A failed fetch, in plain words, with the kind the retry policy goes by. */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    /** With a 429: the wait HF asked for, when its headers said. */
    readonly askedWaitMs?: number,
  ) {
    super(message);
  }
}

export interface HfFetchDeps {
  fetch: typeof fetch;
  hfOrigin: string;
  /** Whether the browser still lets Paperboy reach `hfOrigin` (the user can withdraw it). */
  hasHostAccess?: () => Promise<boolean>;
  now: () => number;
  timeoutMs: number;
}

/**
 * Fetches one Hugging Face list and parses it: the list's papers, or a `SyncError` saying what
 * went wrong (offline, timeout, rate limit, server error, an answer that is not a paper list).
 * Aborted after `timeoutMs`, headers and body alike.
 */
export async function fetchHfFeed(deps: HfFetchDeps, feed: FeedId, path: string): Promise<FeedFetch> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs);
  try {
    const response = await request(deps, path, controller.signal);
    refuseFailedStatus(response, deps.now());
    const parsed = parseDailyPapers(await readJson(response, controller.signal, deps.timeoutMs), deps.hfOrigin);
    if (!parsed.ok) throw new SyncError('bad-body', `Hugging Face sent an unexpected answer: ${parsed.reason}`);
    if (parsed.papers.length === 0 && parsed.skipped > 0) {
      throw new SyncError('bad-body', `None of the ${parsed.skipped} papers Hugging Face sent could be read`);
    }
    return { feed, papers: parsed.papers, skipped: parsed.skipped };
  } finally {
    clearTimeout(timer);
  }
}

async function request({ fetch, hfOrigin, hasHostAccess, timeoutMs }: HfFetchDeps, path: string, signal: AbortSignal): Promise<Response> {
  try {
    return await fetch(`${hfOrigin}${path}`, { signal, headers: { accept: 'application/json' }, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    if (signal.aborted) throw new SyncError('timeout', `Hugging Face did not answer within ${Math.round(timeoutMs / 1000)} s`);
    // A withdrawn site permission fails like a network error; say which it is.
    if (hasHostAccess && !(await hasHostAccess().catch(() => true))) {
      throw new SyncError('permission', `Paperboy may not reach ${new URL(hfOrigin).host}: click “Sync now” to allow it`);
    }
    // The browser's own words ("Failed to fetch", "NetworkError when attempting…") tell a reader nothing more.
    throw new SyncError('offline', 'Could not reach Hugging Face: you may be offline');
  }
}

function refuseFailedStatus(response: Response, now: number): void {
  if (response.status === 429) {
    const asked = retryAfterMs(response.headers, now);
    const message = asked === undefined ? 'Hugging Face is limiting requests' : `Hugging Face asked us to wait ${formatWait(asked)}`;
    throw new SyncError('rate-limited', message, asked);
  }
  if (response.status >= 500) throw new SyncError('server', `Hugging Face had a server error (HTTP ${response.status})`);
  if (!response.ok) throw new SyncError('http', `Hugging Face refused the request (HTTP ${response.status})`);
}

async function readJson(response: Response, signal: AbortSignal, timeoutMs: number): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    if (signal.aborted) throw new SyncError('timeout', `Hugging Face did not finish answering within ${Math.round(timeoutMs / 1000)} s`);
    throw new SyncError('bad-body', 'Hugging Face sent something that is not valid JSON');
  }
}
