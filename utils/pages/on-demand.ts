import type { ArxivStatus } from '../data/arxiv-store';
import type { SyncStatus } from '../data/sync-status';
import { ARXIV_ORIGIN } from '../platform/config';
import { hasOptional, type PermissionOutcome } from '../platform/permissions';
import { requestFeedSync } from '../sync/messages';
import { periodFeedStale } from '../sync/periods';
import { arxivCategory, isPeriodFeed, type ViewId } from '../views/view-id';
import type { PageDeps } from './deps';

/** An arXiv feed opened more than this long after its last fetch is fetched again. */
const ARXIV_MAX_AGE_MS = 60 * 60_000;

/** What fetching an on-demand feed did: nothing to say, a message, or a missing permission. */
export interface OnDemandResult {
  error?: string;
  needsAccess?: boolean;
}

/** Whether an open on-demand feed (a period, an arXiv category) is due to be fetched again. */
export function onDemandStale(view: ViewId, status: SyncStatus, arxiv: ArxivStatus, now: number): boolean {
  if (isPeriodFeed(view)) return periodFeedStale(view, status.feeds[view]?.fetchedAt, now);
  const category = arxivCategory(view);
  return category !== undefined && now - (arxiv.feeds[category]?.fetchedAt ?? 0) > ARXIV_MAX_AGE_MS;
}

/**
 * Fetches an on-demand feed: this week's and this month's HF papers through the background
 * (which honours HF's rate limits), an arXiv category here (the Atom parser needs DOMParser).
 * `access` is the permission request started inside the user's click, if there was one.
 */
export async function fetchOnDemand(deps: PageDeps, view: ViewId, access?: Promise<PermissionOutcome>): Promise<OnDemandResult> {
  if (isPeriodFeed(view)) return { error: (await requestFeedSync(view)).error?.message };
  const category = arxivCategory(view);
  if (category === undefined) return {};
  const granted = access ? (await access).granted : await hasOptional('arxiv');
  if (!granted) return { needsAccess: true };
  const { refreshArxivCategory } = await import('../sync/arxiv-fetch');
  const result = await refreshArxivCategory(category, { db: deps.db, fetch: (...args) => fetch(...args), origin: ARXIV_ORIGIN, now: deps.now });
  return result.ok ? {} : { error: result.message };
}

