import { AWAY_MIN_MS, type Away } from '../discover/rising';
import type { PaperboyDb } from './db';

const LAST_VISIT_KEY = 'last-visit';
const AWAY_KEY = 'last-away';

/** When the user last opened a Paperboy page (undefined on the very first visit). */
export async function getLastVisit(db: PaperboyDb): Promise<number | undefined> {
  const row = await db.meta.get(LAST_VISIT_KEY);
  return typeof row?.value === 'number' ? row.value : undefined;
}

/**
 * Records a visit; returns the previous one, which decides what counts as new in this visit. A
 * gap of `AWAY_MIN_MS` or more since the previous one is recorded as the last time away.
 */
export async function recordVisit(db: PaperboyDb, now: number): Promise<number | undefined> {
  return db.transaction('rw', db.meta, async () => {
    const previous = await getLastVisit(db);
    await db.meta.put({ key: LAST_VISIT_KEY, value: Math.max(now, previous ?? 0) });
    if (previous !== undefined && now - previous >= AWAY_MIN_MS) await db.meta.put({ key: AWAY_KEY, value: { from: previous, to: now } satisfies Away });
    return previous;
  });
}

/** The user's last absence (catch-up shows what trended since it began), if there was one. */
export async function getLastAway(db: PaperboyDb): Promise<Away | undefined> {
  const value = (await db.meta.get(AWAY_KEY))?.value as Partial<Away> | undefined;
  return typeof value?.from === 'number' && typeof value.to === 'number' ? { from: value.from, to: value.to } : undefined;
}
