import type { PaperboyDb } from './db';
import { loadSnapshot, type Snapshot } from './papers';
import { SNAPSHOT_PATH } from './bundled-path';

/**
 * Loads the bundled snapshot into an empty database so a first run shows real papers offline.
 * The JSON is fetched from the package (not imported) to keep it out of every bundle.
 */
export async function ensureSnapshot(db: PaperboyDb, now = Date.now()): Promise<boolean> {
  if ((await db.papers.limit(1).count()) > 0) return false;
  const response = await fetch(SNAPSHOT_PATH);
  const snapshot = (await response.json()) as Snapshot;
  return loadSnapshot(db, snapshot, now);
}
