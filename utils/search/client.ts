import { liveQuery } from 'dexie';
import { db, type PaperboyDb } from '../data/db';
import { countQueued } from '../data/search-queue';
import { t } from '../lib/i18n';
import { requestIndexing } from '../sync/messages';
import { answerQuery, warmUpQuery } from './index-query';
import { loadIndexDocs, type IndexDocs } from './index-store';
import type { SearchRequest, SearchResponse } from './protocol';

// The page's search, on the page's own database connection: it loads the persisted index's
// document table and vocabulary (index-store.ts), not the papers, and each query reads only the
// postings of its own terms (index-query.ts). No worker: one cost every visit a context, a second
// copy of Dexie and a connection of its own, while a query ranks in a few milliseconds at 10,000
// papers and 10 to 25 ms at 100,000 (docs/performance.md, fifth pass). The index is updated where
// papers are written (the background); what is still queued the background is asked to finish.

export interface SearchClient {
  query(seq: number, query: string, limit: number, head?: number): void;
  stop(): void;
}

/** Loads the index and answers queries in `onMessage`, in the protocol's messages; `stop` ends both. `database`: tests'. */
export function startSearch(onMessage: (message: SearchResponse) => void, database: PaperboyDb = db): SearchClient {
  let docs: IndexDocs | undefined;
  let pending = 0;
  let waiting: SearchRequest | undefined;
  let stopped = false;
  let askedToIndex = false;
  const send = (message: SearchResponse) => {
    if (!stopped) onMessage(message);
  };
  const fail = (error: unknown) => send({ type: 'error', message: t('search.stopped', [(error as Error)?.message ?? t('common.unknownError')]) });
  const answer = (request: SearchRequest) => answerQuery(database, docs!, request, pending).then(send, fail);

  // Only the index's own rows and the queue: a sync that stores papers shows here once the
  // background has indexed them (or queued them, which says how many are not searchable yet).
  const subscription = liveQuery(() => database.transaction('r', database.searchState, database.searchQueue, async () => ({ loaded: await loadIndexDocs(database), queued: await countQueued(database) }))).subscribe({
    next({ loaded, queued }) {
      const first = docs === undefined;
      docs = loaded;
      pending = queued;
      // The page asks again on a later "ready": results follow a sync without a keystroke.
      send({ type: 'ready', size: docs.documentCount, pending });
      if (waiting) void answer(waiting);
      waiting = undefined;
      // Once, while a waiting query's postings are read: the first query would otherwise compile
      // the query code (index-query.ts) on the keystroke's path.
      if (first) void warmUpQuery(database, loaded).catch(() => undefined);
      // Papers queued and nobody indexing them (a background stopped mid-batch): once per page.
      if (queued > 0 && !askedToIndex) {
        askedToIndex = true;
        requestIndexing().catch((error: unknown) => console.error('Paperboy: search index not updated', error));
      }
    },
    error: fail,
  });

  return {
    query(seq, query, limit, head) {
      const request: SearchRequest = { type: 'query', seq, query, limit, head };
      // Only the latest query matters while the index loads.
      if (docs) void answer(request);
      else waiting = request;
    },
    stop() {
      stopped = true;
      subscription.unsubscribe();
    },
  };
}
