import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { getCrossDeviceStatus } from '../../../../utils/data/cross-device-status';
import type { PaperboyDb, UserState } from '../../../../utils/data/db';
import { dismiss, markRead, markUnread, toggleSaved } from '../../../../utils/data/user-state';
import { decodeBucket } from '../../../../utils/sync/cross-device/codec';
import { EPOCH_MS, mergeMaps, type FlagMap, type PaperFlags } from '../../../../utils/sync/cross-device/flags';
import { classify, reconcile } from '../../../../utils/sync/cross-device/reconcile';
import { freshDb, T0 } from '../../../support/harness';

// Two computers' databases exchanging flags through one sync storage, both ways.

const A = '2606.10001';
const B = '2606.10002';
const C = '2605.00003';
const S = 1000; // a second, in ms

/** The browser's `storage.sync` as two profiles share it: a record, with every `set()` counted. */
function syncArea(fail?: () => Error | undefined) {
  const data: Record<string, unknown> = {};
  const area = {
    writes: 0,
    data,
    get: async () => structuredClone(data),
    set: async (items: Record<string, unknown>) => {
      const error = fail?.();
      if (error) throw error;
      area.writes++;
      Object.assign(data, structuredClone(items));
    },
  };
  return area;
}
type Area = ReturnType<typeof syncArea>;

const exchange = (db: PaperboyDb, area: Area, now = T0) => reconcile({ db, area: area as unknown as Browser.storage.StorageArea, now: () => now });
const state = async (db: PaperboyDb, id: string) => (await db.userState.get(id)) ?? { id };
/** Every paper's flags and clear times (a row with neither says nothing). */
const flags = (db: PaperboyDb) => db.userState.toArray().then((rows) => rows.filter((r) => r.readAt ?? r.savedAt ?? r.dismissedAt ?? r.cleared));

describe('reconcile: both ways through storage.sync', () => {
  it('a flag set on one computer reaches the other, and theirs comes back', async () => {
    const [one, two] = [freshDb(), freshDb()];
    const area = syncArea();
    await markRead(one, [A], T0);
    await toggleSaved(two, B, T0 + 5 * S);
    await exchange(one, area);
    await exchange(two, area);
    await exchange(one, area);
    expect(await state(two, A)).toMatchObject({ readAt: T0 });
    expect(await state(one, B)).toMatchObject({ savedAt: T0 + 5 * S });
    expect(await flags(one)).toEqual(await flags(two));
  });

  it('a later unread, unsave or unhide wins over an older set, and an older one loses to a newer set', async () => {
    const [one, two] = [freshDb(), freshDb()];
    const area = syncArea();
    await markRead(one, [A, B], T0);
    await dismiss(one, [C], T0);
    await exchange(one, area);
    await exchange(two, area);
    await markUnread(two, [A], T0 + 60 * S); // later there: wins
    await dismiss(two, [C], T0); // already hidden: stays
    await markUnread(one, [B], T0 + 10 * S); // earlier than two's unread and read again: loses
    await markUnread(two, [B], T0 + 15 * S);
    await markRead(two, [B], T0 + 20 * S);
    await exchange(two, area);
    await exchange(one, area);
    await exchange(two, area);
    expect(await state(one, A)).toEqual({ id: A, cleared: { readAt: T0 + 60 * S } });
    expect((await state(one, B)).readAt).toBe(T0 + 20 * S);
    expect((await state(two, B)).readAt).toBe(T0 + 20 * S);
    expect((await state(one, C)).dismissedAt).toBe(T0);
    expect(await flags(one)).toEqual(await flags(two));
  });

  it('idempotent: with nothing new, an exchange writes nothing and changes nothing', async () => {
    const db = freshDb();
    const area = syncArea();
    await markRead(db, [A, B], T0);
    await exchange(db, area);
    expect(area.writes).toBe(1);
    const [before, stored] = [await db.userState.toArray(), structuredClone(area.data)];
    const status = await exchange(db, area);
    expect(area.writes).toBe(1);
    expect(status.merged).toBe(0);
    expect(await db.userState.toArray()).toEqual(before);
    expect(area.data).toEqual(stored);
  });

  it('a refused write is recorded as a quota or rate problem, and the flags stay here', async () => {
    const db = freshDb();
    const area = syncArea(() => new Error('QUOTA_BYTES quota exceeded'));
    await markRead(db, [A], T0);
    const status = await exchange(db, area, T0 + S);
    expect(status.error).toEqual({ problem: 'quota', detail: 'QUOTA_BYTES quota exceeded', at: T0 + S });
    expect((await getCrossDeviceStatus(db)).error?.problem).toBe('quota');
    expect((await state(db, A)).readAt).toBe(T0);
    expect(classify(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'))).toBe('rate');
    expect(classify(new Error('MAX_ITEMS'))).toBe('quota');
    expect(classify('offline')).toBe('other');
  });

  it('leaves a newer format alone and says so', async () => {
    const db = freshDb();
    const area = syncArea();
    area.data.f3 = '9whatever';
    await markRead(db, [A], T0);
    const status = await exchange(db, area);
    expect(status.error?.problem).toBe('newer');
    expect(area.writes).toBe(0);
  });
});

describe('property: merging in any order gives the same state', () => {
  const id = fc.constantFrom(A, B, C, '2604.00404', '1412.6980');
  const change = fc.record({ set: fc.boolean(), at: fc.integer({ min: 0, max: 50 }) });
  const paper = fc.record({ readAt: change, savedAt: change, dismissedAt: change }, { requiredKeys: [] }) as fc.Arbitrary<PaperFlags>;
  const device = fc.array(fc.tuple(id, paper), { maxLength: 6 }).map((e): FlagMap => new Map(e));

  it('the merge is commutative, associative and idempotent over flag maps', () => {
    const sorted = (m: FlagMap) => [...m].sort(([a], [b]) => a.localeCompare(b));
    fc.assert(
      fc.property(fc.array(device, { minLength: 1, maxLength: 4 }), fc.infiniteStream(fc.nat()), (devices, picks) => {
        const forward = devices.reduce(mergeMaps);
        const shuffled = [...devices].sort(() => (picks.next().value % 3) - 1);
        expect(sorted(shuffled.reduceRight(mergeMaps))).toEqual(sorted(forward));
        expect(sorted(mergeMaps(forward, forward))).toEqual(sorted(forward));
      }),
    );
  });

  it('computers exchanging through sync storage in any order end with the same flags', async () => {
    const rows = (m: FlagMap): UserState[] =>
      [...m].map(([pid, f]) => {
        const row: UserState = { id: pid };
        for (const [flag, c] of Object.entries(f)) {
          const at = EPOCH_MS + c.at * S;
          if (c.set) row[flag as keyof PaperFlags] = at;
          else row.cleared = { ...row.cleared, [flag]: at };
        }
        return row;
      });
    await fc.assert(
      fc.asyncProperty(fc.array(device, { minLength: 2, maxLength: 3 }), fc.array(fc.nat(), { minLength: 4, maxLength: 8 }), async (devices, order) => {
        const dbs = devices.map(() => freshDb());
        await Promise.all(dbs.map((db, i) => db.userState.bulkPut(rows(devices[i]!))));
        const area = syncArea();
        for (const pick of order) await exchange(dbs[pick % dbs.length]!, area);
        // Then each hears of the others' writes (storage.onChanged): two rounds reach everyone.
        for (const db of [...dbs, ...dbs]) await exchange(db, area);
        const expected = devices.reduce(mergeMaps);
        const stored: FlagMap = new Map(Object.values(area.data).flatMap((text) => [...decodeBucket(text).flags]));
        const settled = await flags(dbs[0]!);
        for (const db of dbs) expect(await flags(db)).toEqual(settled);
        for (const [pid, f] of expected) expect(stored.get(pid) ?? {}, pid).toEqual(Object.keys(f).length ? f : {});
        await Promise.all(dbs.map((db) => db.delete()));
      }),
      { numRuns: 25 },
    );
  }, 30_000);
});
