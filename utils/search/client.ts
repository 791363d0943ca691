import type { SearchRequest, SearchResponse } from './protocol';
// Vite bundles the worker with its imports (MiniSearch, Dexie) into a file of its own.
import SearchWorker from './search.worker?sharedworker';
import { t } from '../lib/i18n';

export interface SearchClient {
  query(seq: number, query: string, limit: number, head?: number): void;
  stop(): void;
}

/** Connects to the shared search worker; the first page to connect starts it and its index. */
export function startSearchWorker(onMessage: (message: SearchResponse) => void): SearchClient {
  const worker = new SearchWorker({ name: 'paperboy-search' });
  worker.port.onmessage = (event: MessageEvent<SearchResponse>) => onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onMessage({ type: 'error', message: t('search.stopped', [event.message || t('search.workerError')]) });
  };
  worker.port.start();
  return {
    query: (seq, query, limit, head) => worker.port.postMessage({ type: 'query', seq, query, limit, head } satisfies SearchRequest),
    stop: () => worker.port.close(),
  };
}
