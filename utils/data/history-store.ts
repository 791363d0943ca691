import { appendSample } from '../discover/series';
import type { ParsedPaper } from '../sync/sources/hf';
import { bulkGetStored, getRows } from './bulk-get';
import type { Paper, PaperboyDb, PaperHistory } from './db';

// Each paper's upvotes and GitHub stars as the syncs saw them. Written only inside the sync's own
// transaction (feed-store.ts applySync), so a sample never exists without the papers it counts.

/**
 * The one sample a paper's own row holds: its counts as the last sync that listed it saw them. A
 * paper counted by a single sync has no history row (this is its history), so a sync's new
 * papers cost no second row each; the next sync that counts it writes the row, starting here.
 */
export function impliedHistory(paper: Paper): PaperHistory | undefined {
  if (paper.upvotes === undefined && paper.githubStars === undefined) return undefined;
  const at = paper.lastSeenInFeedAt ?? paper.firstSeenAt;
  const history: PaperHistory = { id: paper.id, lastAt: at, upvotes: paper.upvotes !== undefined ? { t: [at], v: [paper.upvotes] } : { t: [], v: [] } };
  if (paper.githubStars !== undefined) history.stars = { t: [at], v: [paper.githubStars] };
  return history;
}

/**
 * Appends one sample per paper that carries counts, given the papers' rows as they were before
 * this sync (`before`, in order). Call inside a transaction that includes `db.history`; two feeds
 * listing the same paper in one sync give one sample. A paper counted for the first time gets no
 * row: its paper row holds that sample (impliedHistory).
 */
export async function recordHistory(db: PaperboyDb, papers: readonly ParsedPaper[], before: PromiseLike<readonly (Paper | undefined)[]>, now: number): Promise<void> {
  const counted = papers.flatMap((paper, i) => (paper.upvotes !== undefined || paper.githubStars !== undefined ? [i] : []));
  if (counted.length === 0) return;
  const [stored, prior] = await Promise.all([bulkGetStored(db.history, counted.map((i) => papers[i]!.id)), before]);
  const rows = new Map<string, PaperHistory>();
  counted.forEach((i, j) => {
    const paper = papers[i]!;
    const earlier = prior[i] && impliedHistory(prior[i]);
    // The paper row's sample, unless this sync wrote it (another feed listed the paper first).
    const old = rows.get(paper.id) ?? stored[j] ?? (earlier && earlier.lastAt < now ? earlier : undefined);
    if (!old) return;
    const row: PaperHistory = { id: paper.id, lastAt: now, upvotes: old.upvotes };
    if (paper.upvotes !== undefined) row.upvotes = appendSample(old.upvotes, now, paper.upvotes);
    const stars = paper.githubStars !== undefined ? appendSample(old.stars, now, paper.githubStars) : old.stars;
    if (stars) row.stars = stars;
    rows.set(paper.id, row);
  });
  if (rows.size > 0) await db.history.bulkPut([...rows.values()]);
}

/** The stored histories of these papers, in order (undefined where a paper has no row: see impliedHistory). */
export function getHistories(db: PaperboyDb, ids: readonly string[]): Promise<(PaperHistory | undefined)[]> {
  return getRows(db.history, ids);
}

/** Histories sampled since `since` (an index range: papers a feed listed lately), newest first. */
export function getRecentHistories(db: PaperboyDb, since: number, limit = 2000): Promise<PaperHistory[]> {
  return db.history.where('lastAt').above(since).reverse().limit(limit).toArray();
}
