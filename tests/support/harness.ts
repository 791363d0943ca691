import Dexie, { type DBCoreTable } from 'dexie';
import { createDb, type PaperboyDb } from '../../utils/data/db';
import { recordedHfDay, type RecordedDay } from '../fixtures/recorded';

// The one test harness: a fresh database, a settable clock, one fake network (a `fetch` that
// answers from a function, and the fake Hugging Face built on it), database fault wrappers.
// Paperboy's sync, background and pages stay real; only the network edge is faked.

export const ORIGIN = 'https://hf.test';
export const T0 = Date.UTC(2026, 5, 12, 9, 0, 0);

export type HfItem = { paper: { id: string; submittedOnDailyAt?: string } & Record<string, unknown> } & Record<string, unknown>;

/** The recorded HF responses (30 papers featured on 2026-06-12, 3 on 2026-08-03). */
export function recorded(day: RecordedDay): HfItem[] {
  return recordedHfDay<HfItem[]>(day);
}

/** A recorded item under another id and featured day: as many distinct valid papers as needed. */
export function item(id: string, day = '2026-06-12', from = recorded('2026-06-12')[0]!): HfItem {
  const copy = structuredClone(from);
  copy.paper.id = id;
  copy.paper.submittedOnDailyAt = `${day}T00:00:00.000Z`;
  copy.title = `Paper ${id}`;
  return copy;
}

let dbCount = 0;
/** A fresh database on fake-indexeddb; the name is unique, so tests never share rows. */
export function freshDb(): PaperboyDb {
  return createDb(`paperboy-test-${++dbCount}-${Math.random().toString(36).slice(2)}`);
}

/** Every row of every table, in key order: equal dumps mean nothing changed. */
export async function dump(db: Dexie, tables = db.tables.map((t) => t.name)): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of tables) out[name] = await db.table(name).toArray();
  return out;
}

/** A settable clock. */
export function clock(start = T0) {
  let t = start;
  return {
    now: () => t,
    set: (ms: number) => void (t = ms),
    advance: (ms: number) => void (t += ms),
  };
}

/** What a fake request answers: a response, a thrown error, `'offline'`, a request that never ends, or a function of its signal. */
export type Answer = Response | Error | 'offline' | 'hang' | ((signal: AbortSignal) => Promise<Response>);
export type FeedKey = 'daily' | 'trending';

export interface FakeRequest {
  url: URL;
  init?: RequestInit;
  signal: AbortSignal;
}

/** Settles one fake request the way a real `fetch` would. */
function settle(answer: Answer, signal: AbortSignal): Promise<Response> {
  if (answer instanceof Error) return Promise.reject(answer);
  if (answer === 'offline') return Promise.reject(new TypeError('Failed to fetch'));
  if (answer === 'hang') return hang(signal);
  if (typeof answer === 'function') return answer(signal);
  return Promise.resolve(answer);
}

/** A `fetch` that answers every request from `answer` and records it: no network. */
export function fakeFetch(answer: (request: FakeRequest) => Answer | Promise<Answer>) {
  const requests: FakeRequest[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://extension.invalid');
    const request = { url, init, signal: init?.signal ?? new AbortController().signal };
    requests.push(request);
    const answered = answer(request);
    return answered instanceof Promise ? answered.then((a) => settle(a, request.signal)) : settle(answered, request.signal);
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

/** What a fake Hugging Face answers next, per feed; every request is recorded with the time. */
export class FakeHf {
  readonly requests: { feed: FeedKey; url: string; at: number; signal: AbortSignal; init?: RequestInit }[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  private answers: Record<FeedKey, Answer[]> = { daily: [], trending: [] };
  private fallback: Record<FeedKey, () => Answer>;
  readonly fetch: typeof fetch;

  constructor(
    private readonly now: () => number,
    daily: unknown = [],
    trending: unknown = [],
  ) {
    this.fallback = { daily: () => json(daily), trending: () => json(trending) };
    this.fetch = fakeFetch(({ url, init, signal }) => {
      const feed: FeedKey = url.searchParams.get('sort') === 'trending' ? 'trending' : 'daily';
      this.requests.push({ feed, url: url.href, at: this.now(), signal, init });
      for (const waiter of this.waiters.filter((w) => this.requests.length >= w.count)) waiter.resolve();
      return this.answers[feed].shift() ?? this.fallback[feed]();
    }).fetch;
  }

  /** From now on, answer this feed with `answer` every time. */
  always(feed: FeedKey | 'both', answer: () => Answer): this {
    for (const key of feed === 'both' ? (['daily', 'trending'] as const) : [feed]) this.fallback[key] = answer;
    return this;
  }

  /** Answer the next request(s) of this feed with these, then fall back. */
  next(feed: FeedKey, ...answers: Answer[]): this {
    this.answers[feed].push(...answers);
    return this;
  }

  count(feed?: FeedKey): number {
    return this.requests.filter((r) => !feed || r.feed === feed).length;
  }

  /** Resolves once `count` requests in all have arrived. */
  requested(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });
}

export function text(body: string, init: ResponseInit = {}): Response {
  return new Response(body, { status: 200, ...init });
}

/** Like a real fetch that never answers: it only settles when its signal aborts. */
export function hang(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
  });
}

/** A body that starts but never finishes (headers arrive, the rest hangs until aborted). */
export function stalledBody(signal: AbortSignal): Promise<Response> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('[{"paper":'));
      signal.addEventListener('abort', () => controller.error(new DOMException('The operation was aborted.', 'AbortError')), { once: true });
    },
  });
  return Promise.resolve(new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } }));
}

/** A promise with its resolve exposed, to hold a fake response until a test lets it go. */
export function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * Puts a wrapper around every table of `db` at Dexie's lowest level (DBCore), where a test can
 * fail or observe real reads and writes. Middleware joins a connection when it opens, so an open
 * one is closed first, to reopen on next use.
 */
export function wrapTables(db: Dexie, name: string, wrap: (table: DBCoreTable, tableName: string) => DBCoreTable): void {
  if (db.isOpen()) db.close({ disableAutoOpen: false });
  db.use({ stack: 'dbcore', name, create: (down) => ({ ...down, table: (tableName) => wrap(down.table(tableName), tableName) }) });
}

/**
 * Makes writes (puts and adds; deletes still free space) to the given tables fail like a full
 * disk or an aborted transaction, while `on()`.
 */
export function failWrites(db: Dexie, tables: string[], name: 'QuotaExceededError' | 'AbortError', { untilDelete = false } = {}) {
  let failing = false;
  let failed = 0;
  wrapTables(db, `fail-${name}`, (table, tableName) => ({
    ...table,
    mutate: (request) => {
      // A delete that commits frees space: a full disk takes writes again.
      if (untilDelete && request.type === 'delete') (request.trans as unknown as IDBTransaction).addEventListener('complete', () => (failing = false));
      if (failing && tables.includes(tableName) && request.type !== 'delete') {
        failed++;
        return Promise.reject(new DOMException(`Simulated ${name}`, name));
      }
      return table.mutate(request);
    },
  }));
  return {
    on: () => void (failing = true),
    off: () => void (failing = false),
    get failed() {
      return failed;
    },
  };
}

/** Counts writes (puts, adds, deletes) per table, to prove that a failed sync wrote nothing. */
export function countWrites(db: Dexie) {
  const counts: Record<string, number> = {};
  wrapTables(db, 'count-writes', (table, tableName) => ({
    ...table,
    mutate: (request) => {
      counts[tableName] = (counts[tableName] ?? 0) + 1;
      return table.mutate(request);
    },
  }));
  return counts;
}

/** Counts rows read per table (gets, bulk gets, queries), to prove what a step does not read. */
export function countReads(db: Dexie) {
  const counts: Record<string, number> = {};
  const add = (tableName: string, n: number) => (counts[tableName] = (counts[tableName] ?? 0) + n);
  wrapTables(db, 'count-reads', (table, tableName) => ({
    ...table,
    get: (request) => (add(tableName, 1), table.get(request)),
    getMany: (request) => (add(tableName, request.keys.length), table.getMany(request)),
    query: async (request) => {
      const result = await table.query(request);
      add(tableName, result.result.length);
      return result;
    },
  }));
  return counts;
}
