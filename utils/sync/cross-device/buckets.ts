import { encodeBucket } from './codec';
import { FLAGS, type FlagMap, type PaperFlags } from './flags';

// How the flags are laid out in `storage.sync` within its quotas. The papers are spread over a
// fixed number of items by a hash of their id, so one change rewrites one small item, not all.

/** `storage.sync`'s limits, the same in Chrome and Firefox. Writes: calls to set(), of any size. */
export const SYNC_QUOTA = { bytes: 102_400, bytesPerItem: 8_192, items: 512, writesPerMinute: 120, writesPerHour: 1_800 } as const;
export const BUCKETS = 16;
/** Room left under the total for anything else the browser counts, and for rounding. */
const SAFETY = 0.97;

export function bucketKey(index: number): string {
  return `f${index}`;
}

export function isBucketKey(key: string): boolean {
  return /^f\d+$/.test(key) && Number(key.slice(1)) < BUCKETS;
}

/** Which item holds a paper: FNV-1a of its id. */
export function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

/** What one item costs against the quotas: its key and its value as JSON, in bytes. */
export function itemBytes(key: string, value: string): number {
  return new TextEncoder().encode(key).length + new TextEncoder().encode(JSON.stringify(value)).length;
}

/** The longest bucket text that keeps every item, and all of them together, within the quotas. */
export const BUCKET_CAPACITY = Math.min(SYNC_QUOTA.bytesPerItem, Math.floor((SYNC_QUOTA.bytes * SAFETY) / BUCKETS)) - bucketKey(BUCKETS - 1).length - 2;

export interface Packed {
  /** Every bucket's text, by key (an empty bucket is the format character alone). */
  items: Record<string, string>;
  /** Flags written. */
  flags: number;
  /** Papers left out because their bucket was full: the oldest changes, cleared flags first. */
  dropped: number;
  bytes: number;
}

function newest(flags: PaperFlags): number {
  return Math.max(...FLAGS.map((flag) => flags[flag]?.at ?? 0));
}

/** Papers in the order they give way when a bucket is full: only-cleared first, then oldest first. */
function byKeepPriority([, a]: [string, PaperFlags], [, b]: [string, PaperFlags]): number {
  const setA = FLAGS.some((flag) => a[flag]?.set) ? 1 : 0;
  const setB = FLAGS.some((flag) => b[flag]?.set) ? 1 : 0;
  return setA - setB || newest(a) - newest(b);
}

/** Encodes one bucket, leaving out as few of its lowest-priority papers as it takes to fit. */
function fit(entries: [string, PaperFlags][], capacity: number): { text: string; kept: [string, PaperFlags][] } {
  const whole = encodeBucket(entries);
  if (whole.length <= capacity) return { text: whole, kept: entries };
  const ordered = [...entries].sort(byKeepPriority);
  let [low, high] = [1, ordered.length];
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (encodeBucket(ordered.slice(mid)).length <= capacity) high = mid;
    else low = mid + 1;
  }
  const kept = ordered.slice(low);
  return { text: encodeBucket(kept), kept };
}

/** Lays every paper's flags out in buckets within the quotas. Same flags, same texts: no needless writes. */
export function pack(map: FlagMap, capacity = BUCKET_CAPACITY): Packed {
  const buckets: [string, PaperFlags][][] = Array.from({ length: BUCKETS }, () => []);
  for (const [id, flags] of map) if (FLAGS.some((flag) => flags[flag])) buckets[bucketOf(id)]!.push([id, flags]);
  const packed: Packed = { items: {}, flags: 0, dropped: 0, bytes: 0 };
  buckets.forEach((entries, i) => {
    const { text, kept } = fit(entries, capacity);
    const key = bucketKey(i);
    packed.items[key] = text;
    packed.dropped += entries.length - kept.length;
    packed.bytes += itemBytes(key, text);
    for (const [, flags] of kept) packed.flags += FLAGS.filter((flag) => flags[flag]).length;
  });
  return packed;
}
