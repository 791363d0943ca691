import { appendSample } from '../discover/series';
import type { ParsedPaper } from '../sync/sources/hf';
import { bulkGetStored, getRows } from './bulk-get';
import type { PaperboyDb, PaperHistory } from './db';

// Each paper's upvotes and GitHub stars as the syncs saw them. Written only inside the sync's own
// transaction (feed-store.ts applySync), so a sample never exists without the papers it counts.

/**
 * Appends one sample per paper that carries counts. Call inside a transaction that includes
 * `db.history`; two feeds listing the same paper in one sync give one sample.
 */
export async function recordHistory(db: PaperboyDb, papers: readonly ParsedPaper[], now: number): Promise<void> {
  const counted = papers.filter((p) => p.upvotes !== undefined || p.githubStars !== undefined);
  if (counted.length === 0) return;
  const stored = await bulkGetStored(db.history, counted.map((p) => p.id));
  const rows = new Map<string, PaperHistory>();
  counted.forEach((paper, i) => {
    const old = rows.get(paper.id) ?? stored[i];
    const row: PaperHistory = { id: paper.id, lastAt: now, upvotes: old?.upvotes ?? { t: [], v: [] } };
    if (paper.upvotes !== undefined) row.upvotes = appendSample(old?.upvotes, now, paper.upvotes);
    const stars = paper.githubStars !== undefined ? appendSample(old?.stars, now, paper.githubStars) : old?.stars;
    if (stars) row.stars = stars;
    rows.set(paper.id, row);
  });
  await db.history.bulkPut([...rows.values()]);
}

/** The histories of these papers, in order (undefined where a paper has none). */
export function getHistories(db: PaperboyDb, ids: readonly string[]): Promise<(PaperHistory | undefined)[]> {
  return getRows(db.history, ids);
}

/** Histories sampled since `since` (an index range: papers a feed listed lately), newest first. */
export function getRecentHistories(db: PaperboyDb, since: number, limit = 2000): Promise<PaperHistory[]> {
  return db.history.where('lastAt').above(since).reverse().limit(limit).toArray();
}
