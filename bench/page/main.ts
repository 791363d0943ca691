import Dexie from 'dexie';
import { HF_ORIGIN } from '../../utils/platform/config';
import { createDb, db, type Paper } from '../../utils/data/db';
import { applySync, type FeedFetch } from '../../utils/data/feed-store';
import { getFeedSizes, getView } from '../../utils/data/papers';
import { getSyncStatus } from '../../utils/data/sync-status';
import { toggleRead } from '../../utils/data/user-state';
import { defaultView } from '../../utils/views/view-id';
import { parseDailyPapers } from '../../utils/sync/sources/hf';
import { measureSearch } from './search';
import { updateSearchIndex } from '../../utils/search/indexer';

/**
 * What `npm run bench` drives inside the extension: the real data module on the real IndexedDB
 * of a bench build. This page exists only in `--mode bench` builds (see wxt.config.ts).
 */
const PAPERS_PER_SYNC = 100;
const TRENDING = 50;
const INGEST_DB = 'paperboy-bench-ingest';

async function fetchItems(offset: number, count: number, total: number): Promise<unknown[]> {
  const response = await fetch(`${HF_ORIGIN}/bench/items?offset=${offset}&count=${count}&total=${total}`);
  return (await response.json()) as unknown[];
}

/**
 * Seeds `total` papers the way months of syncs would: one applySync per featured day (100
 * papers), oldest first; the last one also brings a trending list (its 50 most upvoted).
 */
let indexMs = 0;

async function seed(total: number): Promise<{ papers: number; ms: number; indexMs: number }> {
  const start = performance.now();
  for (let offset = 0; offset < total; offset += PAPERS_PER_SYNC) {
    const items = await fetchItems(offset, Math.min(PAPERS_PER_SYNC, total - offset), total);
    const parsed = parseDailyPapers(items, HF_ORIGIN);
    if (!parsed.ok) throw new Error(parsed.reason);
    const fetched: FeedFetch[] = [{ feed: 'hf-daily', papers: parsed.papers, skipped: parsed.skipped }];
    if (offset + PAPERS_PER_SYNC >= total) {
      const trending = [...parsed.papers].sort((a, b) => (b.upvotes ?? 0) - (a.upvotes ?? 0)).slice(0, TRENDING);
      fetched.push({ feed: 'hf-trending', papers: trending, skipped: 0 });
    }
    const now = Date.now();
    await applySync(db, fetched, { ...(await getSyncStatus(db)), lastAttemptAt: now, lastSuccessAt: now }, now);
  }
  const ms = performance.now() - start;
  // What the background does after each sync, here once for the whole history.
  const indexStart = performance.now();
  await updateSearchIndex(db);
  indexMs = performance.now() - indexStart;
  return { papers: await db.papers.count(), ms, indexMs };
}

async function freshDb() {
  await Dexie.delete(INGEST_DB);
  const fresh = createDb(INGEST_DB);
  await fresh.open();
  return fresh;
}

/**
 * Ingest of `count` HF items, `runs` times each way, alternating which goes first: the real
 * sync path (parseDailyPapers + applySync: validate, normalise, upsert, feed membership, status)
 * vs a raw Dexie bulkPut of the same rows built beforehand. Each run writes into a new database.
 */
async function ingest(count: number, runs: number): Promise<{ real: number[]; parse: number[]; raw: number[]; stored: number }> {
  const items = await fetchItems(0, count, count);
  const prebuilt = parseDailyPapers(items, HF_ORIGIN);
  if (!prebuilt.ok) throw new Error(prebuilt.reason);
  const now = Date.now();
  const rows: Paper[] = prebuilt.papers.map((paper) => ({ ...paper, source: 'hf', firstSeenAt: now }));
  const real: number[] = [];
  const parse: number[] = [];
  const raw: number[] = [];
  let stored = 0;
  const timeReal = async () => {
    const target = await freshDb();
    const start = performance.now();
    const parsed = parseDailyPapers(items, HF_ORIGIN);
    if (!parsed.ok) throw new Error(parsed.reason);
    parse.push(performance.now() - start);
    await applySync(target, [{ feed: 'hf-daily', papers: parsed.papers, skipped: parsed.skipped }], { feeds: {} }, now);
    real.push(performance.now() - start);
    stored = await target.papers.count();
    target.close();
  };
  const timeRaw = async () => {
    const target = await freshDb();
    const start = performance.now();
    await target.papers.bulkPut(rows);
    raw.push(performance.now() - start);
    target.close();
  };
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) {
      await timeReal();
      await timeRaw();
    } else {
      await timeRaw();
      await timeReal();
    }
  }
  await Dexie.delete(INGEST_DB);
  return { real, parse, raw, stored };
}

async function search() {
  return measureSearch(indexMs);
}

/**
 * Flips the read flag of the first paper of the default view through the one writer of user
 * state, as the popup's toggle would: what a page then finds saved is what a visit after a read
 * flag changed elsewhere finds.
 */
async function flipFirstRead(): Promise<{ id: string; read: boolean }> {
  const [first] = await getView(db, defaultView(await getFeedSizes(db)));
  if (!first) throw new Error('no paper in the default view');
  return { id: first.paper.id, read: (await toggleRead(db, first.paper.id, Date.now())).on };
}

/** A word to search for: a long title word of a paper halfway through the stored ones. */
async function searchWord(): Promise<string> {
  const count = await db.papers.count();
  const papers = await db.papers.offset(Math.floor(count / 2)).limit(50).toArray();
  for (const paper of papers) {
    const word = paper.title.split(/[^\p{L}\p{N}]+/u).find((w) => w.length >= 7);
    if (word) return word.toLowerCase();
  }
  return 'diffusion';
}

/** The origin's storage use (IndexedDB, localStorage, caches) as the browser reports it. */
async function storageUsage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

const api = { seed, ingest, search, flipFirstRead, searchWord, storageUsage, count: () => db.papers.count() };
export type BenchApi = typeof api;
(globalThis as unknown as { paperboyBench: BenchApi }).paperboyBench = api;
document.title = 'Paperboy bench: ready';
