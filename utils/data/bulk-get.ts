import type { Table } from 'dexie';

/**
 * From this many keys on, `bulkGetStored` first asks which of them are stored. A usual sync (about
 * 100 papers, mostly stored already) gets its rows directly: reading every key between its oldest
 * and newest paper in a large database would cost more. Not tuned by measurement.
 */
export const KEY_SCAN_FROM = 500;

/**
 * `table.bulkGet(keys)`, except that a large batch asks only for rows that exist: it reads the
 * primary keys between the smallest and largest of `keys` (one request) and gets just those.
 * A first sync or a big import of new papers then costs one read, not one request per paper.
 */
export async function bulkGetStored<T, I>(table: Table<T, string, I>, keys: readonly string[]): Promise<(T | undefined)[]> {
  if (keys.length < KEY_SCAN_FROM) return table.bulkGet([...keys]);
  const [min, max] = bounds(keys);
  const stored = new Set(await table.where(':id').between(min, max, true, true).primaryKeys());
  const wanted = keys.filter((key) => stored.has(key));
  if (wanted.length === 0) return keys.map(() => undefined);
  const rows = await table.bulkGet(wanted);
  const byKey = new Map(wanted.map((key, i) => [key, rows[i]]));
  return keys.map((key) => byKey.get(key));
}

/** Below this many keys, `getRows` asks for each row: a probe and a range would cost more than a few gets. */
export const RANGE_FROM = 16;
/** `getRows` reads a range when it holds at most this many stored rows per key asked for. */
export const RANGE_SPREAD = 4;

/**
 * `table.bulkGet(keys)` in two requests instead of one per key, when the keys lie close together
 * (a feed's papers, their user state and counts: ids of the same few days). IndexedDB has no
 * multi-key get, and every request is a round trip between the page and the browser, with its
 * own event. A first request reads the primary keys between the smallest and the largest key,
 * at most `RANGE_SPREAD` per key asked for; when the range holds no more than that, a second
 * reads its rows whole. Keys spread wide (search results across years) fall back to `bulkGet`.
 */
export async function getRows<T extends { id: string }, I>(table: Table<T, string, I>, keys: readonly string[]): Promise<(T | undefined)[]> {
  if (keys.length < RANGE_FROM) return table.bulkGet([...keys]);
  const [min, max] = bounds(keys);
  const range = () => table.where(':id').between(min, max, true, true);
  const budget = keys.length * RANGE_SPREAD;
  const stored = await range().limit(budget + 1).primaryKeys();
  if (stored.length > budget) return table.bulkGet([...keys]);
  const rows = stored.length === 0 ? [] : await range().toArray();
  const byKey = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => byKey.get(key));
}

/** The smallest and the largest of `keys` (not empty), in IndexedDB's order for strings. */
function bounds(keys: readonly string[]): [string, string] {
  let min = keys[0]!;
  let max = keys[0]!;
  for (const key of keys) {
    if (key < min) min = key;
    if (key > max) max = key;
  }
  return [min, max];
}
