import { liveQuery } from 'dexie';
import { db } from './db';
import { createSearchIndex, search, updateSearchIndex, type SearchIndex } from './search';
import type { SearchRequest, SearchResponse } from './search-protocol';
import { getAllPapers } from './triage-data';

// The search index lives in a dedicated worker: building it over thousands of abstracts never
// blocks the page, and its memory is not the new tab's. The worker reads the shared database
// itself and keeps the index current as syncs land (Dexie broadcasts every write).

const scope = self as unknown as { postMessage(message: SearchResponse): void; onmessage: ((event: MessageEvent<SearchRequest>) => void) | null };
let index: SearchIndex | undefined;
let waiting: SearchRequest | undefined;

function answer(request: SearchRequest): void {
  scope.postMessage({ type: 'results', seq: request.seq, ids: search(index!, request.query, request.limit) });
}

liveQuery(() => getAllPapers(db)).subscribe({
  next(papers) {
    if (index) updateSearchIndex(index, papers);
    else index = createSearchIndex(papers);
    scope.postMessage({ type: 'ready', size: index.prints.size });
    if (waiting) answer(waiting);
    waiting = undefined;
  },
  error(error) {
    scope.postMessage({ type: 'error', message: `Search could not read the papers (${(error as Error)?.message ?? 'unknown error'})` });
  },
});

scope.onmessage = ({ data }) => {
  if (data?.type !== 'query') return;
  if (index) answer(data);
  else waiting = data; // only the latest query matters once the index is ready
};
