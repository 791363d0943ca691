import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper, PaperboyDb } from '../../../utils/data/db';
import { applySync } from '../../../utils/data/feed-store';
import { pruneOldPapers } from '../../../utils/data/retention';
import { takeQueued } from '../../../utils/data/search-queue';
import type { ParsedPaper } from '../../../utils/sync/sources/hf';
import { answerQuery, expandQuery, postingsOf, queryHits, queryIndex, warmUpQuery, withinEdits } from '../../../utils/search/index-query';
import { kthLargest } from '../../../utils/search/rank';
import { getSearchResults } from '../../../utils/data/papers';
import { markRead } from '../../../utils/data/user-state';
import { loadIndexDocs, vocabRuns } from '../../../utils/search/index-store';
import { updateSearchIndex } from '../../../utils/search/indexer';
import { createSearchIndex, search } from '../../../utils/search/search-index';
import { parseDailyPapers } from '../../../utils/sync/sources/hf';
import { recordedHfDay } from '../../fixtures/recorded';
import { countReads, freshDb, T0, wrapTables } from '../../support/harness';

const DAY = 86_400_000;
const recorded = (['2026-06-12', '2026-08-03'] as const).flatMap((day) => {
  const parsed = parseDailyPapers(recordedHfDay(day), 'https://huggingface.co');
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.papers;
});

/** `count` distinct papers from the recorded ones: own ids, titles spliced from two recorded titles. */
function corpus(count: number, from = 0): ParsedPaper[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const a = recorded[n % recorded.length]!;
    const b = recorded[(n * 7 + 3) % recorded.length]!;
    const title = `${a.title.split(' ').slice(0, 4).join(' ')} ${b.title.split(' ').slice(-4).join(' ')}`;
    return { ...a, id: `2601.${String(10000 + n)}`, title, authors: [...a.authors.slice(0, 3), ...b.authors.slice(-2)] };
  });
}

async function store(db: PaperboyDb, papers: ParsedPaper[], now: number) {
  await applySync(db, [{ feed: 'hf-trending', papers, skipped: 0 }], { feeds: {} }, now);
}

/** Words people type: whole title words, their starts, a letter dropped, two words, an author. */
function queries(papers: readonly Paper[]): string[] {
  const out = ['diffusion', 'language model', 'agents', 'video generation', 'reasoning', 'benchmark', 'difusion', 'multimodal lar', 'trans', 'zzzz nothing', 'diffusion diffusion', 'language languag'];
  papers.slice(0, 40).forEach((paper, i) => {
    const word = paper.title.split(/\W+/).find((w) => w.length > 6)?.toLowerCase();
    if (!word) return;
    out.push(word, word.slice(0, 5), word.slice(0, 3) + word.slice(4));
    if (i % 5 === 0 && paper.authors[0]) out.push(paper.authors[0]);
  });
  return out;
}

/** The same papers with the same scores as MiniSearch over every stored paper, for each query. */
async function expectSameAsInMemory(db: PaperboyDb) {
  const same = await sameAsInMemory(db);
  for (const query of queries(await db.papers.toArray())) await same(query);
}

async function sameAsInMemory(db: PaperboyDb): Promise<(query: string) => Promise<void>> {
  const live = await db.papers.toArray();
  const reference = createSearchIndex(live);
  const docs = await loadIndexDocs(db);
  expect(docs.documentCount).toBe(live.length);
  return async (query) => {
    const expected = reference.search(query).map((hit) => [hit.id, hit.score] as const);
    const actual = await queryHits(db, docs, query);
    expect(actual.map((hit) => hit.id).sort(), query).toEqual(expected.map(([id]) => id).sort());
    const scores = new Map(expected);
    for (const hit of actual) expect(hit.score, `${query}: ${hit.id}`).toBeCloseTo(scores.get(hit.id)!, 9);
    // Asked for the best few, the same as the first few of all (equal scores in the same order).
    for (const limit of [1, 3, 10]) expect(await queryHits(db, docs, query, limit), `${query}, best ${limit}`).toEqual(actual.slice(0, limit));
  };
}

/** The first term of each range read from `searchTerms`, in order: one entry per request. */
function termReads(db: PaperboyDb): string[] {
  const reads: string[] = [];
  wrapTables(db, 'term-reads', (table, tableName) => ({
    ...table,
    query: (request) => {
      if (tableName === 'searchTerms') reads.push(String((request.query.range.lower as unknown[] | undefined)?.[0]));
      return table.query(request);
    },
  }));
  return reads;
}

describe('the search index kept in the database', () => {
  it('ranks exactly as MiniSearch over every stored paper, through new papers, changed text and deletions', async () => {
    const db = freshDb();
    await store(db, corpus(60), T0);
    expect(await updateSearchIndex(db, 25)).toBe(60);
    await expectSameAsInMemory(db);

    // 40 new papers; 10 earlier ones get AI keywords (HF adds them hours later).
    const changed = corpus(10).map((p) => ({ ...p, aiKeywords: ['speculative decoding', 'sparse attention'] }));
    await store(db, [...corpus(40, 60), ...changed], T0 + 100 * DAY);
    expect(await updateSearchIndex(db, 25)).toBe(50);
    await expectSameAsInMemory(db);
    expect(await queryIndex(db, await loadIndexDocs(db), 'speculative decoding')).toEqual(expect.arrayContaining(changed.map((p) => p.id)));

    // Retention drops the 50 papers no feed has listed for 90 days.
    await db.feeds.clear();
    expect(await pruneOldPapers(db, 90, T0 + 150 * DAY)).toBe(50);
    expect(await updateSearchIndex(db)).toBe(50);
    await expectSameAsInMemory(db);
  }, 60_000);

  it('ranks any query as MiniSearch does: words as typed, cut short, with a typo, repeated, in any order (property)', async () => {
    const db = freshDb();
    await store(db, corpus(80), T0);
    await updateSearchIndex(db);
    const words = [...new Set((await db.papers.toArray()).flatMap((p) => `${p.title} ${p.authors.join(' ')}`.toLowerCase().split(/[^\p{L}\p{N}]+/u)))].filter((w) => w.length > 1);
    // A word changed the way people mistype or stop typing: whole, cut short, a letter dropped, changed or added.
    const typed = fc.tuple(fc.constantFrom(...words), fc.nat(), fc.constantFrom('whole', 'cut', 'drop', 'change', 'add')).map(([word, at, how]) => {
      const i = at % word.length;
      if (how === 'cut') return word.slice(0, Math.max(2, i));
      if (how === 'drop') return word.slice(0, i) + word.slice(i + 1);
      if (how === 'change') return `${word.slice(0, i)}x${word.slice(i + 1)}`;
      return how === 'add' ? `${word.slice(0, i)}e${word.slice(i)}` : word;
    });
    const same = await sameAsInMemory(db);
    await fc.assert(fc.asyncProperty(fc.array(typed, { minLength: 1, maxLength: 3 }), (query) => same(query.join(' '))), { numRuns: 300 });
  }, 60_000);

  it('re-indexes only papers whose text changed: the writer queues nothing else', async () => {
    const db = freshDb();
    const papers = corpus(30);
    await store(db, papers, T0);
    await updateSearchIndex(db);
    await store(db, papers.map((p) => ({ ...p, upvotes: (p.upvotes ?? 0) + 5 })), T0 + DAY);
    expect(await db.searchQueue.count()).toBe(0);
    await store(db, [{ ...papers[3]!, summary: `${papers[3]!.summary} Code is released.` }], T0 + 2 * DAY);
    expect((await takeQueued(db, 100)).ids).toEqual([papers[3]!.id]);

    const reads = countReads(db);
    expect(await updateSearchIndex(db)).toBe(1);
    // One paper read, not the table.
    expect(reads.papers).toBe(1);
  });

  it('answers from the index alone: a query reads no paper', async () => {
    const db = freshDb();
    await store(db, corpus(40), T0);
    await updateSearchIndex(db);
    const docs = await loadIndexDocs(db);
    const reads = countReads(db);
    const ids = await queryIndex(db, docs, corpus(40)[5]!.title);
    expect(ids[0]).toBe(corpus(40)[5]!.id);
    expect(reads.papers ?? 0).toBe(0);
  });

  it("answers a page's query with the papers of its first screen, read as the page reads them, and only those", async () => {
    const db = freshDb();
    await store(db, corpus(40), T0);
    await updateSearchIndex(db);
    const docs = await loadIndexDocs(db);
    const query = 'trans'; // a prefix: many papers
    const ids = await queryIndex(db, docs, query);
    expect(ids.length).toBeGreaterThan(3);
    await markRead(db, [ids[0]!], T0);

    const reads = countReads(db);
    const answer = await answerQuery(db, docs, { type: 'query', seq: 7, query, limit: 500, head: 3 }, 2);
    expect(reads.papers).toBe(3);
    // Without `head`, no paper is read.
    const bare = await answerQuery(db, docs, { type: 'query', seq: 8, query, limit: 500 }, 0);
    expect(reads.papers).toBe(3);
    expect(bare).toEqual({ type: 'results', seq: 8, ids, total: ids.length, pending: 0, head: undefined });
    expect(answer).toEqual({ type: 'results', seq: 7, ids, total: ids.length, pending: 2, head: await getSearchResults(db, ids.slice(0, 3)) });
    expect(answer.type === 'results' && answer.head?.[0]?.state?.readAt).toBe(T0);
    // Asked for fewer than match (a page lists the best 500): the best few, and how many matched in all.
    const few = await answerQuery(db, docs, { type: 'query', seq: 9, query, limit: 2 }, 0);
    expect(few).toEqual({ type: 'results', seq: 9, ids: ids.slice(0, 2), total: ids.length, pending: 0, head: undefined });
  });

  it("reads a prefix's terms as one key range: one request for all of them, not one per term", async () => {
    const db = freshDb();
    await store(db, corpus(40), T0);
    await updateSearchIndex(db);
    const docs = await loadIndexDocs(db);
    const prefix = docs.vocab.map((term) => term.slice(0, 4)).find((p, i, all) => p.length === 4 && all.indexOf(p) !== all.lastIndexOf(p))!;
    const terms = expandQuery(docs.vocab, prefix);
    expect(terms.length).toBeGreaterThan(1);
    const reads = termReads(db);
    const ids = await queryIndex(db, docs, prefix);
    expect(reads).toHaveLength(1);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.sort()).toEqual(search(createSearchIndex(await db.papers.toArray()), prefix).sort());
  });

  it('reads each term once per document table as a word is typed letter by letter, and again from a new table', async () => {
    const db = freshDb();
    await store(db, corpus(40), T0);
    await updateSearchIndex(db);
    const reads = termReads(db);
    const docs = await loadIndexDocs(db);
    const word = docs.vocab.find((term) => term.length >= 8 && /^[a-z]+$/.test(term))!;
    const typed = Array.from({ length: word.length - 1 }, (_, i) => word.slice(0, i + 2));
    const first = await Promise.all(typed.map(async (text) => [text, await queryIndex(db, docs, text)] as const)).then(Object.fromEntries);
    const afterTyping = reads.length;
    for (const text of typed) expect(await queryIndex(db, docs, text), text).toEqual(first[text]);
    expect(reads).toHaveLength(afterTyping);
    // A paper indexed since: a new table, whose queries read the new postings.
    const [added] = corpus(1, 500);
    await store(db, [{ ...added!, title: `${word} revisited` }], T0 + DAY);
    await updateSearchIndex(db);
    const fresh = await loadIndexDocs(db);
    expect(await queryIndex(db, fresh, word)).toContain(added!.id);
    expect(reads.length).toBeGreaterThan(afterTyping);
  });

  it('keeps at most its bound of postings, dropping the least recently used terms first', async () => {
    const db = freshDb();
    await store(db, corpus(40), T0);
    await updateSearchIndex(db);
    const docs = await loadIndexDocs(db);
    const [a, b, c] = docs.vocab.filter((term) => term.length > 3);
    const size = async (term: string) => (await postingsOf(db, docs, [term], Infinity)).get(term)!.reduce((n, block) => n + block.length, 0);
    // Room for a and c, not for b beside them.
    const bound = (await size(a!)) + (await size(c!));
    expect(await size(b!)).toBeGreaterThan(0);
    const reads = termReads(db);
    const fresh = { ...docs };
    await postingsOf(db, fresh, [a!], bound);
    await postingsOf(db, fresh, [b!], bound);
    await postingsOf(db, fresh, [a!], bound); // a used last: b is now the oldest
    await postingsOf(db, fresh, [c!], bound);
    expect(reads).toEqual([a, b, c]);
    reads.length = 0;
    await postingsOf(db, fresh, [a!, c!], bound);
    expect(reads).toEqual([]);
    await postingsOf(db, fresh, [b!], bound);
    expect(reads).toEqual([b]);
  });

  it('warms a fresh worker up on one block of one term and one paper, whatever the size of the index', async () => {
    const db = freshDb();
    await warmUpQuery(db, await loadIndexDocs(db)); // an empty index: nothing to read, no error
    await store(db, corpus(40), T0);
    await updateSearchIndex(db);
    const docs = await loadIndexDocs(db);
    // The word in the most papers: a query for it would read many.
    const common = (await db.searchTerms.toArray()).sort((a, b) => b.postings.length - a.postings.length)[0]!.term;
    expect(await queryIndex(db, docs, common)).not.toHaveLength(1);
    const reads = countReads(db);
    await warmUpQuery(db, docs, common);
    expect(reads.searchTerms).toBe(1);
    expect(reads.papers).toBe(1);
  });

  it('a paper queued again while a batch indexed it stays queued for the next batch', async () => {
    const db = freshDb();
    const [first] = corpus(1);
    await store(db, [first!], T0);
    // A later sync changes its text right after the indexer has read the queue, before it writes.
    const later = { ...first!, title: 'Speculative decoding revisited' };
    let landed: Promise<void> | undefined;
    wrapTables(db, 'sync-lands-between', (table, name) => ({
      ...table,
      query: (request) => {
        const trans = request.trans as unknown as IDBTransaction;
        if (name === 'searchQueue' && trans.mode === 'readonly' && !landed) trans.addEventListener('complete', () => (landed = store(db, [later], T0 + DAY)));
        return table.query(request);
      },
    }));
    // Taken twice: the batch that read the old text leaves the new queue entry for the next.
    expect(await updateSearchIndex(db)).toBe(2);
    await landed;
    expect(await db.searchQueue.count()).toBe(0);
    expect(await queryIndex(db, await loadIndexDocs(db), 'speculative revisited')).toEqual([later.id]);
  });
});

describe('withinEdits (the vocabulary scan for a typo)', () => {
  /** Levenshtein distance, the plain way. */
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };

  it('says one edit apart exactly when Levenshtein does: substitutions, insertions, deletions anywhere, not swaps', () => {
    const words = ['pressure', 'presure', 'pressures', 'presssure', 'prexsure', 'rpessure', 'pressur', 'ressure', 'xpressure', 'pressura', 'prseeure', 'diffusion', 'pres', 'pressure'];
    for (const a of words) for (const b of words) for (const max of [1, 2]) expect(withinEdits(a, b, max), `${a} ~ ${b} (${max})`).toBe(distance(a, b) <= max);
  });
});

describe('kthLargest (where the best results of a query end)', () => {
  it('is the k-th value of the values sorted best first, with repeats and in any order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 200 }), fc.nat(), (values, at) => {
        const k = (at % values.length) + 1;
        expect(kthLargest(Float64Array.from(values), k)).toBe([...values].sort((a, b) => b - a)[k - 1]);
      }),
    );
  });
});

describe('vocabRuns (which terms a query reads as one key range)', () => {
  const vocab = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'].sort();

  it('groups terms next to each other in the vocabulary, whatever order they come in', () => {
    // Sorted: alpha beta delta epsilon gamma zeta.
    expect(vocabRuns(vocab, ['epsilon', 'alpha', 'delta', 'beta', 'zeta'])).toEqual([
      ['alpha', 'epsilon'],
      ['zeta', 'zeta'],
    ]);
    expect(vocabRuns(vocab, ['gamma', 'alpha'])).toEqual([
      ['alpha', 'alpha'],
      ['gamma', 'gamma'],
    ]);
  });

  it('reads a term missing from the vocabulary alone, and never joins it to a neighbour', () => {
    expect(vocabRuns(vocab, ['aardvark', 'alpha', 'beta', 'alpha'])).toEqual([
      ['aardvark', 'aardvark'],
      ['alpha', 'beta'],
    ]);
    expect(vocabRuns(vocab, [])).toEqual([]);
  });
});
