import type { PaperboyDb } from '../data/db';
import { categoryQueryPath, parseArxivAtom } from './sources/arxiv';
import { recordArxivError, reserveArxivSlot, storeArxivFeed } from '../data/arxiv-store';
import { t } from '../lib/i18n';

export const ARXIV_TIMEOUT_MS = 20_000;
/** An arXiv feed older than this is fetched again when opened. */
export const ARXIV_MAX_AGE_MS = 60 * 60_000;

export interface ArxivFetchDeps {
  db: PaperboyDb;
  fetch: typeof fetch;
  origin: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
}

export type ArxivFetchResult = { ok: true; count: number } | { ok: false; message: string };

const wait = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Fetches the newest papers of one arXiv category and stores them. Runs in a page: the parser
 * needs DOMParser, which service workers lack. Requests from every page are spaced 3 s apart.
 * A failure is recorded and changes nothing the feed already had.
 */
export async function refreshArxivCategory(category: string, deps: ArxivFetchDeps): Promise<ArxivFetchResult> {
  const { db, origin, now = Date.now, sleep = wait, timeoutMs = ARXIV_TIMEOUT_MS } = deps;
  const fail = async (message: string): Promise<ArxivFetchResult> => {
    await recordArxivError(db, category, message, now());
    return { ok: false, message };
  };
  await sleep(await reserveArxivSlot(db, now()));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let body: string;
  let status: number;
  try {
    const response = await deps.fetch(`${origin}${categoryQueryPath(category)}`, {
      signal: controller.signal,
      credentials: 'omit',
      headers: { accept: 'application/atom+xml' },
    });
    status = response.status;
    body = await response.text();
  } catch (error) {
    if (controller.signal.aborted) return fail(`arXiv did not answer within ${Math.round(timeoutMs / 1000)} s`);
    return fail(t('sync.error.arxivOffline'));
  } finally {
    clearTimeout(timer);
  }
  const parsed = parseArxivAtom(body);
  // A refused query comes back as HTTP 400 with an Atom error feed: its text says why.
  if (!parsed.ok) return fail(status >= 400 && !parsed.reason.startsWith('arXiv refused') ? `arXiv refused the request (HTTP ${status})` : parsed.reason);
  if (status >= 400) return fail(`arXiv refused the request (HTTP ${status})`);
  if (parsed.papers.length === 0) return fail(`arXiv has no papers in ${category}`);
  await storeArxivFeed(db, category, parsed.papers, now());
  return { ok: true, count: parsed.papers.length };
}
