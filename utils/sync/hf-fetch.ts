import type { FeedFetch } from '../data/feed-store';
import type { SyncErrorKind } from '../data/sync-status';
import { formatWait } from '../lib/format';
import type { FeedId } from '../views/view-id';
import { retryAfterMs } from './retry';
import { parseDailyPapers } from './sources/hf';
import { t } from '../lib/i18n';

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
    if (!parsed.ok) throw new SyncError('bad-body', t('sync.error.unexpected', [parsed.reason]));
    if (parsed.papers.length === 0 && parsed.skipped > 0) {
      throw new SyncError('bad-body', t('sync.error.noneReadable', [String(parsed.skipped)]));
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
    if (signal.aborted) throw new SyncError('timeout', t('sync.error.timeout', [String(Math.round(timeoutMs / 1000))]));
    // A withdrawn site permission fails like a network error; say which it is.
    if (hasHostAccess && !(await hasHostAccess().catch(() => true))) {
      throw new SyncError('permission', t('sync.error.permission', [new URL(hfOrigin).host]));
    }
    // The browser's own words ("Failed to fetch", "NetworkError when attempting…") tell a reader nothing more.
    throw new SyncError('offline', t('sync.error.offline'));
  }
}

function refuseFailedStatus(response: Response, now: number): void {
  if (response.status === 429) {
    const asked = retryAfterMs(response.headers, now);
    const message = asked === undefined ? t('sync.error.limited') : t('sync.error.wait', [formatWait(asked)]);
    throw new SyncError('rate-limited', message, asked);
  }
  if (response.status >= 500) throw new SyncError('server', t('sync.error.server', [String(response.status)]));
  if (!response.ok) throw new SyncError('http', t('sync.error.refused', [String(response.status)]));
}

async function readJson(response: Response, signal: AbortSignal, timeoutMs: number): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    if (signal.aborted) throw new SyncError('timeout', t('sync.error.timeoutBody', [String(Math.round(timeoutMs / 1000))]));
    throw new SyncError('bad-body', t('sync.error.notJson'));
  }
}
