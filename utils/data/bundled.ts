import { BUNDLED_PATH } from './bundled-path';
import type { PaperboyDb } from './db';
import { loadBundled, type BundledSnapshot } from './feed-store';

/**
 * Loads the bundled snapshot into an empty database so a first run shows real papers offline.
 * The JSON is fetched from the package (not imported) to keep it out of every bundle.
 */
export async function ensureBundled(db: PaperboyDb, now: number): Promise<boolean> {
  if ((await db.papers.limit(1).count()) > 0) return false;
  const response = await fetch(BUNDLED_PATH);
  const snapshot = (await response.json()) as BundledSnapshot;
  return loadBundled(db, snapshot, now);
}
