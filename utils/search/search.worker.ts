import { liveQuery } from 'dexie';
import { db } from '../data/db';
import { createSearchIndex, search, updateSearchIndex, type SearchIndex } from './search-index';
import type { SearchRequest, SearchResponse } from './protocol';
import { getSearchablePapers } from '../data/papers';

// The search index lives in a shared worker: one index for every open new tab and the popup,
// built once, never blocking a page, its memory nobody's page heap. The worker reads the shared
// database itself and keeps the index current as syncs land (Dexie broadcasts every write).

interface Port {
  postMessage(message: SearchResponse): void;
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
}

const ports = new Set<Port>();
const waiting = new Map<Port, SearchRequest>();
let index: SearchIndex | undefined;
let failure: string | undefined;

function answer(port: Port, request: SearchRequest): void {
  port.postMessage({ type: 'results', seq: request.seq, ids: search(index!, request.query, request.limit) });
}

function connect(port: Port): void {
  ports.add(port);
  port.onmessage = ({ data }) => {
    if (data?.type !== 'query') return;
    if (index) answer(port, data);
    else waiting.set(port, data); // only the latest query of each page matters once ready
  };
  if (index) port.postMessage({ type: 'ready', size: index.prints.size });
  else if (failure) port.postMessage({ type: 'error', message: failure });
}

liveQuery(() => getSearchablePapers(db)).subscribe({
  next(papers) {
    if (index) updateSearchIndex(index, papers);
    else index = createSearchIndex(papers);
    // Every page asks again on "ready": results follow a sync without a keystroke.
    for (const port of ports) port.postMessage({ type: 'ready', size: index.prints.size });
    for (const [port, request] of waiting) answer(port, request);
    waiting.clear();
  },
  error(error) {
    failure = `Search could not read the papers (${(error as Error)?.message ?? 'unknown error'})`;
    for (const port of ports) port.postMessage({ type: 'error', message: failure });
  },
});

const scope = self as unknown as { onconnect?: ((event: MessageEvent) => void) | null };
scope.onconnect = (event) => {
  const port = event.ports[0]!;
  connect(port as unknown as Port);
  port.start();
};
