import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUCKET_CAPACITY, BUCKETS, bucketKey, itemBytes, pack, SYNC_QUOTA } from '../../../../utils/sync/cross-device/buckets';
import { decodeBucket, encodeBucket, FORMAT, idNumber } from '../../../../utils/sync/cross-device/codec';
import { FLAGS, type FlagMap, type PaperFlags } from '../../../../utils/sync/cross-device/flags';

// The flags as sync-storage text: what goes in comes out, and how many fit the browser's quota.

const newStyleId = fc
  .tuple(fc.integer({ min: 15, max: 30 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 30_000 }))
  .map(([yy, mm, seq]) => `${yy}${String(mm).padStart(2, '0')}.${String(seq).padStart(5, '0')}`);
const shortId = fc
  .tuple(fc.integer({ min: 7, max: 14 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9999 }))
  .map(([yy, mm, seq]) => `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}.${String(seq).padStart(4, '0')}`);
const oldStyleId = fc.tuple(fc.constantFrom('hep-th', 'math.GT', 'cond-mat'), fc.integer({ min: 0, max: 9_999_999 })).map(([a, n]) => `${a}/${String(n).padStart(7, '0')}`);
const change = fc.record({ set: fc.boolean(), at: fc.integer({ min: 0, max: 90 ** 5 - 1 }) });
const paperFlags = fc.record({ readAt: change, savedAt: change, dismissedAt: change }, { requiredKeys: [] }).filter((f) => Object.keys(f).length > 0);
const flagMap = fc.array(fc.tuple(fc.oneof(newStyleId, shortId, oldStyleId), paperFlags as fc.Arbitrary<PaperFlags>), { maxLength: 60 }).map((e) => new Map(e));

/** `n` papers read over the last year, a few saved or hidden or unread again: what a user has. */
function typicalFlags(n: number, seed = 1): FlagMap {
  let x = seed;
  const random = () => {
    // mulberry32: a small seeded generator, so every run packs the same papers.
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const map: FlagMap = new Map();
  const at = 200_000_000; // seconds since 2020: late 2026
  while (map.size < n) {
    const month = 2511 + Math.floor(random() * 8);
    const yymm = month % 100 > 12 ? month + 88 : month; // 2511, 2512, then 2601…
    const id = `${yymm}.${String(Math.floor(random() * 25_000)).padStart(5, '0')}`;
    const flags: PaperFlags = { readAt: { set: random() > 0.05, at: at + Math.floor(random() * 3e7) } };
    if (random() < 0.1) flags.savedAt = { set: true, at: at + Math.floor(random() * 3e7) };
    if (random() < 0.05) flags.dismissedAt = { set: true, at: at + Math.floor(random() * 3e7) };
    map.set(id, flags);
  }
  return map;
}

const flagCount = (map: FlagMap) => [...map.values()].reduce((sum, f) => sum + FLAGS.filter((flag) => f[flag]).length, 0);

describe('the codec', () => {
  it('round trip: any flags decode to what was encoded, intact', () => {
    fc.assert(
      fc.property(flagMap, (map) => {
        const decoded = decodeBucket(encodeBucket(map));
        expect(decoded).toEqual({ flags: map, intact: true, newer: false });
      }),
    );
  });

  it('numbers new-style ids both sides of 2015 (4-digit, then 5-digit sequences) and writes the rest out', () => {
    expect(idNumber('1412.6980')).toBe(1412_06980);
    expect(idNumber('2606.10423')).toBe(2606_10423);
    expect(idNumber('1412.06980')).toBeUndefined();
    expect(idNumber('2606.1042')).toBeUndefined();
    expect(idNumber('hep-th/9901001')).toBeUndefined();
    expect(decodeBucket(encodeBucket([['hep-th/9901001', { savedAt: { set: true, at: 7 } }]])).flags.get('hep-th/9901001')).toEqual({ savedAt: { set: true, at: 7 } });
  });

  it('is plain JSON-safe text: as a JSON string it costs its own length plus the quotes', () => {
    const text = encodeBucket(typicalFlags(500));
    expect(JSON.stringify(text).length).toBe(text.length + 2);
    expect(new TextEncoder().encode(text).length).toBe(text.length);
  });

  it('never throws on damage: keeps what came before it, and leaves a newer format alone', () => {
    const text = encodeBucket(typicalFlags(20));
    const cut = decodeBucket(text.slice(0, Math.floor(text.length / 2)));
    expect(cut.intact).toBe(false);
    expect(cut.flags.size).toBeGreaterThan(0);
    expect(cut.flags.size).toBeLessThan(20);
    expect(decodeBucket('2abc')).toEqual({ flags: new Map(), intact: true, newer: true });
    expect(decodeBucket(42).intact).toBe(false);
    expect(decodeBucket(undefined)).toEqual({ flags: new Map(), intact: true, newer: false });
    expect(decodeBucket(FORMAT + '\u00e9').intact).toBe(false);
  });
});

describe('quota arithmetic', () => {
  it('every item, and all of them together, stay within storage.sync’s byte quotas', () => {
    const longest = Math.max(...Array.from({ length: BUCKETS }, (_, i) => itemBytes(bucketKey(i), 'x'.repeat(BUCKET_CAPACITY))));
    expect(longest).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
    expect(longest * BUCKETS).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(BUCKETS).toBeLessThanOrEqual(SYNC_QUOTA.items);
  });

  it('packs more flags than fit: each item under 8 KB, the total under 100 KB, the oldest and cleared ones left out', () => {
    const map = typicalFlags(20_000);
    const packed = pack(map);
    const sizes = Object.entries(packed.items).map(([key, text]) => itemBytes(key, text));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
    expect(sizes.reduce((a, b) => a + b)).toBe(packed.bytes);
    expect(packed.bytes).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(packed.dropped).toBeGreaterThan(0);
    const kept: FlagMap = new Map(Object.values(packed.items).flatMap((text) => [...decodeBucket(text).flags]));
    expect(kept.size + packed.dropped).toBe(map.size);
    expect(flagCount(kept)).toBe(packed.flags);
    // Within a bucket, a paper kept has a change at least as new as every one left out.
    const newest = (f: PaperFlags) => Math.max(...FLAGS.map((flag) => (f[flag]?.set ? f[flag].at : -1)));
    const leftOut = [...map].filter(([id]) => !kept.has(id));
    expect(Math.max(...leftOut.map(([, f]) => newest(f)))).toBeLessThanOrEqual(Math.max(...[...kept.values()].map(newest)));
  });

  it('figures: flags per KB and how many fit the quota (a typical year of reading)', () => {
    const perKb = (n: number) => {
      const packed = pack(typicalFlags(n));
      expect(packed.dropped).toBe(0);
      return flagCount(typicalFlags(n)) / (packed.bytes / 1024);
    };
    // Binary search for the most papers that fit with nothing left out.
    let [low, high] = [1000, 40_000];
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (pack(typicalFlags(mid)).dropped === 0) low = mid;
      else high = mid - 1;
    }
    const fit = flagCount(typicalFlags(low));
    console.info(`cross-device codec: ${perKb(2000).toFixed(0)} flags/KB at 2,000 papers; ${fit} flags (${low} papers) fit the quota`);
    expect(perKb(2000)).toBeGreaterThan(90);
    expect(fit).toBeGreaterThan(9_000);
  }, 30_000);

  it('same flags, same texts: packing again changes nothing, so nothing is written again', () => {
    const map = typicalFlags(300);
    expect(pack(new Map([...map].reverse()))).toEqual(pack(map));
  });
});
