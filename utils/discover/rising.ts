import type { Paper, PaperHistory } from '../data/db';
import { velocity, VELOCITY_WINDOW_MS } from './series';

// Rising: the papers gaining upvotes fastest right now (per hour, over the last day), and what
// trended while the user was away. Pure; utils/data/discover.ts reads their inputs.

export interface Riser {
  id: string;
  /** Upvotes per hour over the last day. */
  perHour: number;
  /** GitHub stars per hour over the last day, when the paper has code. */
  starsPerHour?: number;
}

/** Papers whose upvotes grew over the last day, fastest first (ties: more stars per hour). */
export function rankRising(histories: readonly PaperHistory[], now: number, limit = 50): Riser[] {
  const risers: Riser[] = [];
  for (const history of histories) {
    const perHour = velocity(history.upvotes, now);
    if (perHour === undefined || perHour <= 0) continue;
    const starsPerHour = velocity(history.stars, now);
    risers.push(starsPerHour !== undefined ? { id: history.id, perHour, starsPerHour } : { id: history.id, perHour });
  }
  return risers.sort((a, b) => b.perHour - a.perHour || (b.starsPerHour ?? 0) - (a.starsPerHour ?? 0)).slice(0, limit);
}

/** An absence: from the last page closed before it to the first page opened after it. */
export interface Away {
  from: number;
  to: number;
}

/** A gap between visits at least this long is time away (a night counts; a lunch does not). */
export const AWAY_MIN_MS = 12 * 3_600_000;

/** The time catch-up covers: since the last absence began, else the last day. */
export function catchUpSince(away: Away | undefined, now: number): number {
  return away && away.from < now ? away.from : now - VELOCITY_WINDOW_MS;
}

/** The most upvotes a paper reached since `since`: its history's peak there, else its count now. */
function peakSince(paper: Paper, history: PaperHistory | undefined, since: number): number {
  let peak = -1;
  if (history) history.upvotes.t.forEach((t, i) => t >= since && (peak = Math.max(peak, history.upvotes.v[i]!)));
  return peak >= 0 ? peak : (paper.upvotes ?? 0);
}

/**
 * What trended while the user was away, most upvoted first: papers a feed listed since `since`,
 * ranked by the most upvotes each reached in that time (ties: the newer paper).
 */
export function rankCatchUp(papers: readonly Paper[], histories: readonly (PaperHistory | undefined)[], since: number): string[] {
  return papers
    .map((paper, i) => ({ paper, peak: peakSince(paper, histories[i], since) }))
    .sort((a, b) => b.peak - a.peak || (b.paper.publishedAt ?? 0) - (a.paper.publishedAt ?? 0))
    .map(({ paper }) => paper.id);
}
