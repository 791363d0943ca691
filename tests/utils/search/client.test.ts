import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PaperboyDb } from '../../../utils/data/db';
import { applySync } from '../../../utils/data/feed-store';
import { startSearch, type SearchClient } from '../../../utils/search/client';
import { searchIndex } from '../../../utils/search/index-query';
import { loadIndexDocs } from '../../../utils/search/index-store';
import { updateSearchIndex } from '../../../utils/search/indexer';
import type { SearchResponse } from '../../../utils/search/protocol';
import { parseDailyPapers, type ParsedPaper } from '../../../utils/sync/sources/hf';
import { recordedHfDay } from '../../fixtures/recorded';
import { freshDb, T0, wrapTables } from '../../support/harness';

// The page's search on a real (fake-indexeddb) database: what the page sees of it is only the
// protocol's messages (use-search.test.tsx drives the hook with a stand-in for this client).

const parsed = parseDailyPapers(recordedHfDay('2026-06-12'), 'https://huggingface.co');
if (!parsed.ok) throw new Error(parsed.reason);
const papers: ParsedPaper[] = parsed.papers;

const store = (db: PaperboyDb, list: ParsedPaper[]) => applySync(db, [{ feed: 'hf-trending', papers: list, skipped: 0 }], { feeds: {} }, T0);

let client: SearchClient | undefined;
/** What the page asked the background. */
let asked: unknown[] = [];
beforeEach(() => {
  asked = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => void asked.push(message));
});
afterEach(() => client?.stop());

/** Starts the search on `db`, recording every message it sends. */
function start(db: PaperboyDb) {
  const messages: SearchResponse[] = [];
  client = startSearch((message) => messages.push(message), db);
  const next = async (type: SearchResponse['type'], count = 1) => {
    await expect.poll(() => messages.filter((m) => m.type === type).length).toBeGreaterThanOrEqual(count);
    return messages.filter((m) => m.type === type)[count - 1]!;
  };
  return { client, messages, next };
}

describe('startSearch', () => {
  it('says how many papers are searchable, then answers with the index’s best ids, their total and the first papers', async () => {
    const db = freshDb();
    await store(db, papers);
    await updateSearchIndex(db);
    const { client, next } = start(db);

    expect(await next('ready')).toEqual({ type: 'ready', size: papers.length, pending: 0 });
    const expected = await searchIndex(db, await loadIndexDocs(db), 'model', 3);
    expect(expected.total).toBeGreaterThan(3);
    client.query(1, 'model', 3, 2);
    const answer = await next('results');
    expect(answer).toMatchObject({ seq: 1, ids: expected.hits.map((hit) => hit.id), total: expected.total, pending: 0 });
    expect(answer.type === 'results' && answer.head?.map((view) => view.paper.id)).toEqual(expected.hits.slice(0, 2).map((hit) => hit.id));
  });

  it('answers only the latest query asked while the index loads', async () => {
    const db = freshDb();
    await store(db, papers);
    await updateSearchIndex(db);
    const { client, messages, next } = start(db);
    client.query(1, 'diffusion', 10);
    client.query(2, 'agent', 10);

    expect(await next('results')).toMatchObject({ seq: 2 });
    // The index changing again answers nothing more: the page asks again on "ready" itself.
    await store(db, papers.map((paper) => ({ ...paper, title: `${paper.title} revised` })));
    await updateSearchIndex(db);
    await next('ready', 3);
    await new Promise((done) => setTimeout(done, 50));
    expect(messages.filter((m) => m.type === 'results')).toHaveLength(1);
  });

  it('says ready again when a sync’s papers are indexed, so the page asks again', async () => {
    const db = freshDb();
    await store(db, papers.slice(0, 10));
    await updateSearchIndex(db);
    const { messages, next } = start(db);
    expect(await next('ready')).toMatchObject({ size: 10, pending: 0 });

    await store(db, papers);
    await expect.poll(() => messages.at(-1)).toEqual({ type: 'ready', size: 10, pending: papers.length - 10 });
    await updateSearchIndex(db);
    await expect.poll(() => messages.at(-1)).toEqual({ type: 'ready', size: papers.length, pending: 0 });
  });

  it('asks the background, once, to index papers it finds queued', async () => {
    const db = freshDb();
    await store(db, papers.slice(0, 10));
    const { messages, next } = start(db);

    expect(await next('ready')).toEqual({ type: 'ready', size: 0, pending: 10 });
    await store(db, papers);
    await expect.poll(() => messages.at(-1)).toMatchObject({ pending: papers.length });
    expect(asked).toEqual([{ type: 'index-search' }]);
  });

  it('sends nothing once stopped', async () => {
    const db = freshDb();
    await store(db, papers);
    await updateSearchIndex(db);
    const { client, messages, next } = start(db);
    await next('ready');
    client.stop();
    client.query(1, 'model', 10);
    await store(db, papers.map((paper) => ({ ...paper, title: `${paper.title} revised` })));
    await updateSearchIndex(db);
    await new Promise((done) => setTimeout(done, 50));
    expect(messages).toHaveLength(1);
  });

  it('reports a database it cannot read as search stopped, with the reason', async () => {
    const db = freshDb();
    wrapTables(db, 'unreadable', (table, name) => (name === 'searchState' ? { ...table, getMany: () => Promise.reject(new Error('disk error')) } : table));
    const { messages, next } = start(db);
    expect(await next('error')).toEqual({ type: 'error', message: 'Search stopped working (disk error)' });
    expect(messages.filter((m) => m.type === 'ready')).toEqual([]);
  });
});
