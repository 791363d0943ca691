import { db, type Paper } from '../../utils/data/db';
import { queryIndex } from '../../utils/search/index-query';
import { loadIndexDocs } from '../../utils/search/index-store';
import { summarise, type Summary } from '../lib/stats';

export type SearchResult = { status: 'n/a'; reason: string } | { status: 'ok'; buildMs: number; loadMs: number; papers: number; keystrokes: Summary };

/** Words a user would type, letter by letter: prefixes of title words of the stored papers. */
function keystrokes(papers: Paper[], count: number): string[] {
  const queries: string[] = [];
  for (let i = 0; queries.length < count && i < papers.length; i += 97) {
    const word = papers[i]!.title.split(' ').find((w) => w.length > 5)?.toLowerCase();
    if (!word) continue;
    for (let end = 1; end <= word.length && queries.length < count; end++) queries.push(word.slice(0, end));
  }
  return queries;
}

/**
 * Keystrokes on the index kept in the database, as a page's search answers them: its document
 * table and vocabulary loaded once (timed apart), each keystroke's query timed alone. `buildMs`
 * is what indexing the seeded papers took (the indexer, after the seeding syncs).
 */
export async function measureSearch(buildMs: number, count = 200): Promise<SearchResult> {
  const papers = await db.papers.limit(20_000).toArray();
  const start = performance.now();
  const docs = await loadIndexDocs(db);
  const loadMs = performance.now() - start;
  const times: number[] = [];
  for (const text of keystrokes(papers, count)) {
    const t0 = performance.now();
    await queryIndex(db, docs, text);
    times.push(performance.now() - t0);
  }
  return { status: 'ok', buildMs, loadMs, papers: docs.documentCount, keystrokes: summarise(times) };
}
