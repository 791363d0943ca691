import { stemmer } from 'stemmer';
import type { Paper } from '../data/db';

// Papers as bags of word stems, weighted BM25-style against the collection they are ranked in:
// what the For-you ranking compares. Pure.

// Words that say nothing about a paper's topic: English glue and the boilerplate of abstracts.
const STOPWORDS = new Set(
  (
    'a about above after again against all also although among an and any are as at be because been before being below between both but by can could did do does doing during each either et etc few for from further had has have having here how however i if in into is it its itself just may more most much must no nor not of off often on once only or other our ours out over own per same should so some such than that the their them then there these they this those through thus to too under until up upon us very via was we were what when where whether which while who whom why will with within without would yet you your ' +
    'abstract approach approaches based demonstrate demonstrates existing experiment experiments extensive finally first further introduce introduces method methods new novel paper propose proposed proposes present presents result results show shows significantly state study task tasks use used uses using well work'
  ).split(' '),
);

/** Caps the text a paper contributes: an abstract's first few hundred words say what it is about. */
const MAX_TEXT = 3000;

// Stemming is the costly step; a collection repeats its words, so each is stemmed once.
const stems = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stems.size < 200_000) stems.set(word, stemmed);
  }
  return stemmed;
}

/** The stems of a text, in order: lower case, stop words, numbers and single letters dropped. */
export function stemsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of text.slice(0, MAX_TEXT).toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push(stem(word));
  }
  return out;
}

/** A paper's term counts: the title counts three times, AI keywords twice, the abstract once. */
export interface TermCounts {
  counts: Map<string, number>;
  length: number;
}

export function termCounts(paper: Paper): TermCounts {
  const counts = new Map<string, number>();
  let length = 0;
  const add = (text: string | undefined, weight: number) => {
    if (!text) return;
    let previous: string | undefined;
    for (const term of stemsOf(text)) {
      counts.set(term, (counts.get(term) ?? 0) + weight);
      // Word pairs carry the topic ("reinforc learn", "diffus model") better than either word.
      if (previous) counts.set(`${previous} ${term}`, (counts.get(`${previous} ${term}`) ?? 0) + weight);
      previous = term;
      length += weight;
    }
  };
  add(paper.title, 3);
  add(paper.aiKeywords?.join(' '), 2);
  add(paper.summary, 1);
  return { counts, length };
}

/** A sparse unit vector: term → weight, the squares summing to 1. */
export type TermVector = Map<string, number>;

const K1 = 1.2;
const B = 0.75;
/** The strongest terms of a paper are what it is about; the tail is noise and cost. */
const TERMS_KEPT = 64;

/** Document frequencies over a collection, for inverse document frequency. */
export function documentFrequencies(docs: Iterable<TermCounts>): { df: Map<string, number>; n: number; avgLength: number } {
  const df = new Map<string, number>();
  let n = 0;
  let total = 0;
  for (const { counts, length } of docs) {
    n++;
    total += length;
    for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return { df, n, avgLength: n ? total / n : 0 };
}

/** BM25 weights of a paper's terms (saturated term frequency × idf), strongest kept, unit length. */
export function termVector({ counts, length }: TermCounts, { df, n, avgLength }: ReturnType<typeof documentFrequencies>): TermVector {
  const weighted: [string, number][] = [];
  const norm = 1 - B + (B * length) / (avgLength || 1);
  for (const [term, tf] of counts) {
    const d = df.get(term) ?? 0;
    // A word no other paper has cannot make two papers alike: it would only dilute the rest.
    if (d < 2) continue;
    const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
    weighted.push([term, (idf * tf * (K1 + 1)) / (tf + K1 * norm)]);
  }
  weighted.sort((a, b) => b[1] - a[1]);
  const kept = weighted.slice(0, TERMS_KEPT);
  const size = Math.hypot(...kept.map(([, w]) => w)) || 1;
  return new Map(kept.map(([term, w]) => [term, w / size]));
}

/** The dot product of two vectors (their cosine similarity, both being unit length). */
export function dot(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) sum += w * (large.get(term) ?? 0);
  return sum;
}
