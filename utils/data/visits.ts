import type { PaperboyDb } from './db';

const LAST_VISIT_KEY = 'last-visit';

/** When the user last opened a Paperboy page (undefined on the very first visit). */
export async function getLastVisit(db: PaperboyDb): Promise<number | undefined> {
  const row = await db.meta.get(LAST_VISIT_KEY);
  return typeof row?.value === 'number' ? row.value : undefined;
}

/** Records a visit; returns the previous one, which decides what counts as new in this visit. */
export async function recordVisit(db: PaperboyDb, now: number): Promise<number | undefined> {
  return db.transaction('rw', db.meta, async () => {
    const previous = await getLastVisit(db);
    await db.meta.put({ key: LAST_VISIT_KEY, value: Math.max(now, previous ?? 0) });
    return previous;
  });
}
