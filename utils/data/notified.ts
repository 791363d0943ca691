import type { PaperboyDb } from './db';

const NOTIFIED_KEY = 'notified';
/** Far more than the live feeds ever list at once: older ids have left every feed. */
export const MAX_NOTIFIED = 2000;

/** The papers a notification has already been about (each is notified once). */
export async function getNotified(db: PaperboyDb): Promise<Set<string>> {
  const value = (await db.meta.get(NOTIFIED_KEY))?.value;
  return new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
}

/** Adds papers to those notified, keeping the most recent `MAX_NOTIFIED`. */
export async function addNotified(db: PaperboyDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const known = [...(await getNotified(db))].filter((id) => !ids.includes(id));
    await db.meta.put({ key: NOTIFIED_KEY, value: [...known, ...ids].slice(-MAX_NOTIFIED) });
  });
}
