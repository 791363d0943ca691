import type { PaperboyDb } from './db';
import { queueForIndex } from './search-queue';

// Retention's queries and writes: which papers no feed lists any more, and deleting those nobody
// kept. Apart from papers.ts so that the pages' first-paint bundles never load them.

/** When retention last ran and what it removed. */
export interface RetentionRun {
  at: number;
  deleted: number;
}

const RETENTION_RUN_KEY = 'retention-run';

/** Reads the last retention run (undefined before the first). */
export async function getRetentionRun(db: PaperboyDb): Promise<RetentionRun | undefined> {
  return (await db.meta.get(RETENTION_RUN_KEY))?.value as RetentionRun | undefined;
}

/** Records a retention run. */
export async function putRetentionRun(db: PaperboyDb, run: RetentionRun): Promise<void> {
  await db.meta.put({ key: RETENTION_RUN_KEY, value: run });
}

/** Ids of papers no successful fetch has listed since `cutoff`: the candidates for retention. */
export async function papersUnlistedSince(db: PaperboyDb, cutoff: number): Promise<string[]> {
  return db.papers.where('lastSeenInFeedAt').below(cutoff).primaryKeys();
}

/**
 * Deletes those of `ids` retention may drop, re-checking each inside one transaction (a sync or
 * a click may have come in since they were listed): unlisted since `cutoff`, in no feed, neither
 * read nor saved; their count histories go with them. User state is never deleted, so flags come
 * back if the paper does.
 */
export async function deleteUnkeptPapers(db: PaperboyDb, ids: string[], cutoff: number): Promise<number> {
  return db.transaction('rw', [db.papers, db.feeds, db.userState, db.searchQueue, db.history], async () => {
    const [papers, states, listed] = await Promise.all([
      db.papers.bulkGet(ids),
      db.userState.bulkGet(ids),
      db.feeds.where('id').anyOf(ids).toArray(),
    ]);
    const inFeed = new Set(listed.map((entry) => entry.id));
    const doomed = ids.filter((id, i) => {
      const paper = papers[i];
      const state = states[i];
      return paper !== undefined && (paper.lastSeenInFeedAt ?? paper.firstSeenAt) < cutoff && !inFeed.has(id) && !state?.readAt && !state?.savedAt;
    });
    await db.papers.bulkDelete(doomed);
    // The search index drops them when it next runs (utils/search/indexer.ts).
    await queueForIndex(db, doomed, cutoff);
    await db.history.bulkDelete(doomed);
    return doomed.length;
  });
}
