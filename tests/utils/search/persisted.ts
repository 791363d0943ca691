import type { Paper } from '../../../utils/data/db';
import { storeArxivPapers } from '../../../utils/data/feed-store';
import { queryIndex } from '../../../utils/search/index-query';
import { loadIndexDocs } from '../../../utils/search/index-store';
import { updateSearchIndex } from '../../../utils/search/indexer';
import { freshDb } from '../../support/harness';

/**
 * A search over papers through the persisted index, as the extension builds it: the papers are
 * stored by a real writer (which queues them), the indexer takes the queue, queries read the index.
 */
export async function persistedSearch(papers: Paper[]): Promise<(query: string, limit?: number) => Promise<string[]>> {
  const db = freshDb();
  await db.transaction('rw', db.papers, db.feeds, db.searchQueue, () => storeArxivPapers(db, 'arxiv:cs.LG', papers.map((p) => ({ ...p, categories: [] })), 0));
  await updateSearchIndex(db);
  const docs = await loadIndexDocs(db);
  return (query, limit) => queryIndex(db, docs, query, limit);
}
