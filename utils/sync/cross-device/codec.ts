import { normaliseArxivId } from '../sources/arxiv-id';
import { FLAGS, type FlagChange, type FlagMap, type PaperFlags } from './flags';

// The flags as text for `storage.sync`, compact enough that thousands fit its quota. A bucket
// holds the papers whose id hashes to it, sorted by id:
//
//   bucket  = FORMAT entry*
//   entry   = (delta | "~" id "~") mask time{1..3}
//   delta   = the arXiv number (YYMM × 100000 + sequence) minus the previous entry's, as a varint
//             in base 45 (digits 45–89 say "more follows"); old-style ids are written out
//   mask    = one digit: each flag absent (0), set (1) or cleared (2), read + 3 × saved + 9 × hidden
//   time    = five digits: seconds since 2020 of that flag's last change, for each flag present
//
// Digits are the 90 printable ASCII characters from "#" to "}" without "\", so a bucket is its
// own JSON string byte for byte. A single read flag on a recent paper costs about 9 bytes.

/** The first character of every bucket: a reader that does not know it leaves the data alone. */
export const FORMAT = '1';
const DIGITS = Array.from({ length: 91 }, (_, i) => String.fromCharCode(0x23 + i)).filter((c) => c !== '\\').join('');
const BASE = DIGITS.length; // 90
const HALF = BASE / 2; // 45
const TIME_DIGITS = 5;
const LITERAL = '~';
const NEW_STYLE = /^(\d{4})\.(\d{4,5})$/;
const VALUE = new Map([...DIGITS].map((c, i) => [c, i]));

/** An arXiv id as one number, or undefined for ids written out (old-style, or odd forms). */
export function idNumber(id: string): number | undefined {
  const match = NEW_STYLE.exec(id);
  if (!match) return undefined;
  const n = Number(match[1]) * 100_000 + Number(match[2]);
  return numberId(n) === id ? n : undefined;
}

/** The id of an arXiv number: 4-digit sequences before 2015 (YYMM 1501), 5-digit after. */
function numberId(n: number): string | undefined {
  const yymm = Math.floor(n / 100_000);
  const seq = n % 100_000;
  const short = yymm < 1501;
  if (short && seq > 9999) return undefined;
  return `${String(yymm).padStart(4, '0')}.${String(seq).padStart(short ? 4 : 5, '0')}`;
}

function varint(n: number): string {
  let out = '';
  let rest = n;
  while (rest >= HALF) {
    out += DIGITS[HALF + (rest % HALF)];
    rest = Math.floor(rest / HALF);
  }
  return out + DIGITS[rest];
}

function fixed(n: number, width: number): string {
  let out = '';
  let rest = n;
  for (let i = 0; i < width; i++) {
    out = DIGITS[rest % BASE] + out;
    rest = Math.floor(rest / BASE);
  }
  return out;
}

function entryTail(flags: PaperFlags): string {
  let mask = 0;
  let times = '';
  FLAGS.forEach((flag, i) => {
    const change = flags[flag];
    if (!change) return;
    mask += (change.set ? 1 : 2) * 3 ** i;
    times += fixed(Math.min(change.at, BASE ** TIME_DIGITS - 1), TIME_DIGITS);
  });
  return DIGITS[mask]! + times;
}

/** Encodes papers' flags as one bucket (papers with no flag are left out). */
export function encodeBucket(entries: Iterable<[string, PaperFlags]>): string {
  const numbered: [number, PaperFlags][] = [];
  const literal: [string, PaperFlags][] = [];
  for (const [id, flags] of entries) {
    if (!FLAGS.some((flag) => flags[flag])) continue;
    const n = idNumber(id);
    if (n === undefined) literal.push([id, flags]);
    else numbered.push([n, flags]);
  }
  numbered.sort((a, b) => a[0] - b[0]);
  literal.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  let out = FORMAT;
  let previous = 0;
  for (const [n, flags] of numbered) {
    out += varint(n - previous) + entryTail(flags);
    previous = n;
  }
  for (const [id, flags] of literal) out += LITERAL + id + LITERAL + entryTail(flags);
  return out;
}

export interface Decoded {
  flags: FlagMap;
  /** False when the text stopped making sense: what came before it is kept. */
  intact: boolean;
  /** The bucket was written by a newer Paperboy (a format this one does not know). */
  newer: boolean;
}

/** A reader over a bucket's digits; every read returns undefined past the end or on a bad digit. */
function reader(text: string, start: number) {
  let at = start;
  const digit = () => VALUE.get(text[at++] ?? '');
  return {
    done: () => at >= text.length,
    peek: () => text[at],
    varint(): number | undefined {
      let n = 0;
      for (let scale = 1; scale < 2 ** 40; scale *= HALF) {
        const d = digit();
        if (d === undefined) return undefined;
        if (d < HALF) return n + d * scale;
        n += (d - HALF) * scale;
      }
      return undefined;
    },
    fixed(width: number): number | undefined {
      let n = 0;
      for (let i = 0; i < width; i++) {
        const d = digit();
        if (d === undefined) return undefined;
        n = n * BASE + d;
      }
      return n;
    },
    literal(): string | undefined {
      const end = text.indexOf(LITERAL, at + 1);
      if (text[at] !== LITERAL || end < 0) return undefined;
      const id = text.slice(at + 1, end);
      at = end + 1;
      return id;
    },
  };
}

function readTail(read: ReturnType<typeof reader>): PaperFlags | undefined {
  const mask = read.fixed(1);
  if (mask === undefined || mask < 1 || mask >= 27) return undefined;
  const flags: PaperFlags = {};
  for (const [i, flag] of FLAGS.entries()) {
    const state = Math.floor(mask / 3 ** i) % 3;
    if (state === 0) continue;
    const at = read.fixed(TIME_DIGITS);
    if (at === undefined) return undefined;
    flags[flag] = { set: state === 1, at } satisfies FlagChange;
  }
  return flags;
}

/** Decodes a bucket. Never throws: a damaged bucket gives what could be read before the damage. */
export function decodeBucket(text: unknown): Decoded {
  const flags: FlagMap = new Map();
  if (typeof text !== 'string' || text === '') return { flags, intact: text === undefined, newer: false };
  if (text[0] !== FORMAT) return { flags, intact: true, newer: true };
  const read = reader(text, 1);
  let previous = 0;
  while (!read.done()) {
    let id: string | undefined;
    if (read.peek() === LITERAL) id = read.literal();
    else {
      const delta = read.varint();
      previous += delta ?? NaN;
      id = delta === undefined ? undefined : numberId(previous);
    }
    const tail = id === undefined ? undefined : readTail(read);
    if (id === undefined || tail === undefined || normaliseArxivId(id) !== id) return { flags, intact: false, newer: false };
    flags.set(id, tail);
  }
  return { flags, intact: true, newer: false };
}
