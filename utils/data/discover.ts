import { formatNumber } from '../lib/format';
import { t } from '../lib/i18n';
import { catchUpSince, rankCatchUp, rankRising } from '../discover/rising';
import { VELOCITY_WINDOW_MS } from '../discover/series';
import type { DiscoverView } from '../views/view-id';
import type { PaperboyDb } from './db';
import { getForYouRanking } from './for-you-store';
import { getHistories, getRecentHistories } from './history-store';
import { joinViews, type PaperView } from './papers';
import { getLastAway } from './visits';

// The worked-out lists, read for the pages: Rising and Catch-up are ranked here from the stored
// histories (a few hundred rows); For you is read as the background last ranked it.

/** Catch-up lists at most this many papers. */
const CATCH_UP_LIMIT = 60;
/** Papers a feed listed since the absence began, at most (the newest first). */
const CATCH_UP_SCAN = 3000;

function perHourText(perHour: number): string {
  return formatNumber(perHour, perHour >= 10 ? 0 : 1);
}

/** The papers gaining upvotes fastest over the last day. */
export async function getRising(db: PaperboyDb, now: number): Promise<PaperView[]> {
  return db.transaction('r', [db.history, db.papers, db.userState], async () => {
    const risers = rankRising(await getRecentHistories(db, now - VELOCITY_WINDOW_MS), now);
    const views = await joinViews(
      db,
      risers.map((r) => r.id),
    );
    const byId = new Map(risers.map((r) => [r.id, r]));
    return views.map((view) => ({ ...view, reason: t('discover.risingReason', [perHourText(byId.get(view.paper.id)!.perHour)]) }));
  });
}

/** The For-you ranking as last computed (empty until the background has ranked once). */
export async function getForYou(db: PaperboyDb): Promise<PaperView[]> {
  return db.transaction('r', [db.meta, db.papers, db.userState], async () => {
    const picks = (await getForYouRanking(db))?.picks ?? [];
    const views = await joinViews(
      db,
      picks.map((p) => p.id),
    );
    const reasons = new Map(picks.map((p) => [p.id, p.reason]));
    return views.map((view) => ({ ...view, reason: reasons.get(view.paper.id) }));
  });
}

/** What trended while the user was away (since the last absence began, else the last day), most upvoted first. */
export async function getCatchUp(db: PaperboyDb, now: number): Promise<PaperView[]> {
  return db.transaction('r', [db.meta, db.history, db.papers, db.userState], async () => {
    const since = catchUpSince(await getLastAway(db), now);
    // The bundled snapshot is not news: only papers a live source listed.
    const papers = (await db.papers.where('lastSeenInFeedAt').above(since).reverse().limit(CATCH_UP_SCAN).toArray()).filter((p) => p.source !== 'bundled');
    const ids = rankCatchUp(papers, await getHistories(db, papers.map((p) => p.id)), since).slice(0, CATCH_UP_LIMIT);
    return joinViews(db, ids);
  });
}

export function getDiscoverView(db: PaperboyDb, view: DiscoverView, now: number): Promise<PaperView[]> {
  if (view === 'rising') return getRising(db, now);
  if (view === 'for-you') return getForYou(db);
  return getCatchUp(db, now);
}
