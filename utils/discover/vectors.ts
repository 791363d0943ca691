import { SLOTS, type TermCounts } from './text';

// The arithmetic of the For-you ranking over hashed term counts (text.ts): BM25 weights against
// a collection, sparse unit vectors, and their similarities. Pure.

/** How many papers of a collection have each term, and their mean length. */
export interface CollectionStats {
  df: Uint32Array;
  n: number;
  avgLength: number;
}

export function collectionStats(docs: Iterable<TermCounts>): CollectionStats {
  const df = new Uint32Array(SLOTS);
  let n = 0;
  let total = 0;
  for (const doc of docs) {
    n++;
    total += doc.length;
    for (const slot of doc.slots) df[slot]!++;
  }
  return { df, n, avgLength: n ? total / n : 0 };
}

/** A sparse unit vector: slots in ascending order and their weights, the squares summing to 1. */
export interface TermVector {
  slots: Uint32Array;
  weights: Float32Array;
}

const K1 = 1.2;
const B = 0.75;
/** The strongest terms of a paper are what it is about; the tail is noise and cost. */
const TERMS_KEPT = 64;

/** BM25 weights of a paper's terms (saturated term frequency × idf), strongest kept, unit length. */
export function termVector({ slots: ids, counts, length }: TermCounts, { df, n, avgLength }: CollectionStats): TermVector {
  const weights = new Float64Array(ids.length);
  const norm = 1 - B + (B * length) / (avgLength || 1);
  for (let i = 0; i < ids.length; i++) {
    const d = df[ids[i]!]!;
    // A term no other paper has cannot make two papers alike: it would only dilute the rest.
    if (d < 2) continue;
    const tf = counts[i]!;
    weights[i] = (Math.log(1 + (n - d + 0.5) / (d + 0.5)) * tf * (K1 + 1)) / (tf + K1 * norm);
  }
  // Keep the strongest: everything at or above the TERMS_KEPT-th largest weight (slots stay ascending).
  const floor = Math.max(Number.MIN_VALUE, weights.length > TERMS_KEPT ? Float64Array.from(weights).sort()[weights.length - TERMS_KEPT]! : 0);
  let kept = 0;
  let size = 0;
  for (const w of weights) {
    if (w < floor) continue;
    kept++;
    size += w * w;
  }
  size = Math.sqrt(size) || 1;
  const vector: TermVector = { slots: new Uint32Array(kept), weights: new Float32Array(kept) };
  for (let i = 0, k = 0; i < ids.length; i++) {
    if (weights[i]! < floor) continue;
    vector.slots[k] = ids[i]!;
    vector.weights[k++] = weights[i]! / size;
  }
  return vector;
}

/** The dot product of two sparse vectors (their cosine similarity, both being unit length). */
export function dot(a: TermVector, b: TermVector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.slots.length && j < b.slots.length; ) {
    const x = a.slots[i]!;
    const y = b.slots[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** A dense vector over every slot: a profile many papers are compared with. */
export type DenseVector = Float32Array;

/** The weighted mean of sparse vectors, dense. */
export function denseMean(vectors: readonly TermVector[], weights: readonly number[]): DenseVector {
  const mean = new Float32Array(SLOTS);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  vectors.forEach((vector, v) => {
    for (let i = 0; i < vector.slots.length; i++) mean[vector.slots[i]!]! += (vector.weights[i]! * weights[v]!) / total;
  });
  return mean;
}

/** A sparse vector's dot product with a dense one. */
export function dotDense(vector: TermVector, dense: DenseVector): number {
  let sum = 0;
  for (let i = 0; i < vector.slots.length; i++) sum += vector.weights[i]! * dense[vector.slots[i]!]!;
  return sum;
}
