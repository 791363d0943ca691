import type { SearchRequest, SearchResponse } from './search-protocol';
// Vite bundles the worker with its imports (MiniSearch, Dexie) into a file of its own.
import SearchWorker from './search.worker?worker';

export interface SearchClient {
  query(seq: number, query: string, limit: number): void;
  stop(): void;
}

/** Starts the search worker; it reads the database and builds the index by itself. */
export function startSearchWorker(onMessage: (message: SearchResponse) => void): SearchClient {
  const worker = new SearchWorker({ name: 'paperboy-search' });
  worker.onmessage = (event: MessageEvent<SearchResponse>) => onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onMessage({ type: 'error', message: `Search stopped working (${event.message || 'worker error'})` });
  };
  return {
    query: (seq, query, limit) => worker.postMessage({ type: 'query', seq, query, limit } satisfies SearchRequest),
    stop: () => worker.terminate(),
  };
}
