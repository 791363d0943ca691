import { liveQuery } from 'dexie';
import { db } from '../data/db';
import { answerQuery, warmUpQuery } from './index-query';
import { loadIndexDocs, type IndexDocs } from './index-store';
import { updateSearchIndex } from './indexer';
import type { SearchRequest, SearchResponse } from './protocol';

// The search worker: one for every open new tab and the popup, started when a page is about to
// search (never on the critical path, never when nobody searches). It loads the persisted index's
// document table and vocabulary (index-store.ts), not the papers, and each query reads only the
// postings of its own terms (index-query.ts). The index is updated where papers are written; the
// worker finishes whatever is still queued, so results are whole again as soon as it can.

interface Port {
  postMessage(message: SearchResponse): void;
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
}

const ports = new Set<Port>();
const waiting = new Map<Port, SearchRequest>();
let docs: IndexDocs | undefined;
let pending = 0;
let failure: string | undefined;
let indexing = false;

/** Finishes what the writers queued; the queue's next change runs it again if more came. */
function finishQueue(): void {
  if (indexing) return;
  indexing = true;
  updateSearchIndex(db)
    .catch((error: unknown) => fail('update the index', error))
    .finally(() => (indexing = false));
}

const fail = (what: string, error: unknown) => {
  failure = `Search could not ${what} (${(error as Error)?.message ?? 'unknown error'})`;
  for (const port of ports) port.postMessage({ type: 'error', message: failure });
};

async function answer(port: Port, request: SearchRequest): Promise<void> {
  try {
    // The first screen's papers travel with their ids: the page draws them without a read of its own.
    port.postMessage(await answerQuery(db, docs!, request, pending));
  } catch (error) {
    fail('read the index', error);
  }
}

function connect(port: Port): void {
  ports.add(port);
  port.onmessage = ({ data }) => {
    if (data?.type !== 'query') return;
    if (docs) void answer(port, data);
    else waiting.set(port, data); // only the latest query of each page matters once ready
  };
  if (docs) port.postMessage({ type: 'ready', size: docs.documentCount, pending });
  else if (failure) port.postMessage({ type: 'error', message: failure });
}

// Only the index's own rows and the queue: a sync that stores papers shows here once the indexer
// has taken them (or queued them, which says how many are not searchable yet).
liveQuery(() => db.transaction('r', db.searchState, db.searchQueue, async () => ({ loaded: await loadIndexDocs(db), queued: await db.searchQueue.count() }))).subscribe({
  next({ loaded, queued }) {
    const first = docs === undefined;
    docs = loaded;
    pending = queued;
    // Once: the first query of a fresh worker would otherwise compile the query code (index-query.ts).
    if (first) void warmUpQuery(db, loaded).catch(() => undefined);
    // Every page asks again on "ready": results follow a sync without a keystroke.
    for (const port of ports) port.postMessage({ type: 'ready', size: docs.documentCount, pending });
    for (const [port, request] of waiting) void answer(port, request);
    waiting.clear();
    if (queued > 0) finishQueue();
  },
  error: (error: unknown) => fail('read the index', error),
});

const scope = self as unknown as { onconnect?: ((event: MessageEvent) => void) | null };
scope.onconnect = (event) => {
  const port = event.ports[0]!;
  connect(port as unknown as Port);
  port.start();
};
