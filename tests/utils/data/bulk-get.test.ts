import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaperHistory } from '../../../utils/data/db';
import { bulkGetStored, getRows, KEY_SCAN_FROM, RANGE_FROM, RANGE_SPREAD } from '../../../utils/data/bulk-get';
import { freshDb } from '../../support/harness';

const db = freshDb();
afterEach(async () => {
  vi.restoreAllMocks();
  await db.history.clear();
});

const row = (id: string): PaperHistory => ({ id, lastAt: 1, upvotes: { t: [1], v: [Number(id.slice(-3))] } });
const idOf = (n: number) => `2606.${String(n).padStart(5, '0')}`;

/** `read` gives what `bulkGet` gives, for any stored rows and up to `maxAsked` keys asked (duplicates and missing ones too). */
async function answersAsBulkGet(read: (table: typeof db.history, keys: readonly string[]) => Promise<(PaperHistory | undefined)[]>, maxAsked: number, numRuns: number) {
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(fc.integer({ min: 0, max: 3000 }), { maxLength: 400 }),
      fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: maxAsked }),
      async (stored, asked) => {
        await db.history.clear();
        await db.history.bulkPut(stored.map((n) => row(idOf(n))));
        const keys = asked.map(idOf);
        expect(await read(db.history, keys)).toEqual(await db.history.bulkGet(keys));
      },
    ),
    { numRuns },
  );
}

describe('bulkGetStored: bulkGet that reads only stored rows in a large batch', () => {
  it('answers as bulkGet does, in order, with undefined for keys not stored (large and small batches, duplicates)', async () => {
    await answersAsBulkGet(bulkGetStored, KEY_SCAN_FROM * 2, 40);
  });

  it('gets only the stored rows of a large batch of mostly new keys', async () => {
    await db.history.bulkPut([row(idOf(3)), row(idOf(700))]);
    const bulkGet = vi.spyOn(db.history, 'bulkGet');
    const keys = Array.from({ length: KEY_SCAN_FROM }, (_, i) => idOf(i * 2 + 1));
    const found = await bulkGetStored(db.history, keys);
    expect(found.filter(Boolean).map((r) => r!.id)).toEqual([idOf(3)]);
    expect(bulkGet).toHaveBeenCalledTimes(1);
    expect(bulkGet.mock.calls[0]![0]).toEqual([idOf(3)]);
  });

  it('makes no bulkGet at all when none of a large batch is stored', async () => {
    const bulkGet = vi.spyOn(db.history, 'bulkGet');
    const keys = Array.from({ length: KEY_SCAN_FROM }, (_, i) => idOf(i));
    expect(await bulkGetStored(db.history, keys)).toEqual(keys.map(() => undefined));
    expect(bulkGet).not.toHaveBeenCalled();
  });
});

describe('getRows: bulkGet in two requests when the keys lie close together', () => {
  it('answers as bulkGet does, in order, with undefined for keys not stored (close, spread, duplicates)', async () => {
    await answersAsBulkGet(getRows, 200, 60);
  });

  it('reads a dense range in one read of its rows, with no get per key', async () => {
    // Every tenth paper has no row.
    await db.history.bulkPut(Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 10 !== 0).map((i) => row(idOf(i))));
    const bulkGet = vi.spyOn(db.history, 'bulkGet');
    const keys = Array.from({ length: 40 }, (_, i) => idOf(98 - i * 2));
    const found = await getRows(db.history, keys);
    expect(found.map((r) => r?.id)).toEqual(keys.map((key) => (Number(key.slice(-2)) % 10 === 0 ? undefined : key)));
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it('asks for each row when the range between the keys holds too many others, or when there are few keys', async () => {
    await db.history.bulkPut(Array.from({ length: 1000 }, (_, i) => row(idOf(i))));
    const bulkGet = vi.spyOn(db.history, 'bulkGet');
    // RANGE_FROM keys spread over 1,000 stored rows: more than RANGE_SPREAD per key.
    const spread = Array.from({ length: RANGE_FROM }, (_, i) => idOf(i * Math.ceil(1000 / RANGE_FROM)));
    expect((await getRows(db.history, spread)).map((r) => r?.id)).toEqual(spread);
    expect(bulkGet).toHaveBeenCalledTimes(1);
    const few = [idOf(1), idOf(2)];
    expect((await getRows(db.history, few)).map((r) => r?.id)).toEqual(few);
    expect(bulkGet).toHaveBeenCalledTimes(2);
    expect(RANGE_SPREAD * RANGE_FROM).toBeLessThan(1000);
  });
});
