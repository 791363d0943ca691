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
  let min = keys[0]!;
  let max = keys[0]!;
  for (const key of keys) {
    if (key < min) min = key;
    if (key > max) max = key;
  }
  const stored = new Set(await table.where(':id').between(min, max, true, true).primaryKeys());
  const wanted = keys.filter((key) => stored.has(key));
  if (wanted.length === 0) return keys.map(() => undefined);
  const rows = await table.bulkGet(wanted);
  const byKey = new Map(wanted.map((key, i) => [key, rows[i]]));
  return keys.map((key) => byKey.get(key));
}
