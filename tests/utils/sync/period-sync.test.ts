import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordedHfDay } from '../../fixtures/recorded';
import { fakeFetch, freshDb, json } from '../../support/harness';
import type { PaperboyDb } from '../../../utils/data/db';
import { isWorkerMessage } from '../../../utils/sync/messages';
import { countUnreadLive, getFeed } from '../../../utils/data/papers';
import { getSyncStatus, putSyncStatus } from '../../../utils/data/sync-status';
import { createSync } from '../../../utils/sync/sync';
import { createWorker } from '../../../utils/sync/background';

type Item = { paper: { id: string } };
const items = recordedHfDay<Item[]>('2026-06-12');
const ORIGIN = 'https://hf.test';
const NOW = Date.parse('2026-06-12T10:00:00Z');

let db: PaperboyDb;
let requests: URL[] = [];

/** The harness's fake network, answering each request from `answer`; the URLs are kept. */
function hfFetch(answer: (url: URL) => Response): typeof fetch {
  return fakeFetch(({ url }) => (requests.push(url), answer(url))).fetch;
}

/** 250 distinct items: three pages of 100, 100 and 50. */
const many = Array.from({ length: 250 }, (_, i) => ({ ...items[i % items.length]!, paper: { ...items[i % items.length]!.paper, id: `2606.${String(20000 + i)}` } }));
const paged = (url: URL) => {
  const page = Number(url.searchParams.get('p'));
  return json(many.slice(page * 100, page * 100 + 100));
};

beforeEach(() => {
  db = freshDb();
  requests = [];
});
afterEach(() => db.delete());

describe('createSync().runFeed', () => {
  it('fetches this week page by page until a short page, and stores it apart from the badge feeds', async () => {
    const sync = createSync({ db, fetch: hfFetch(paged), hfOrigin: ORIGIN, now: () => NOW });
    const result = await sync.runFeed('hf-week');
    expect(result.error).toBeUndefined();
    expect(requests.map((u) => u.search)).toEqual([
      '?week=2026-W24&limit=100&p=0',
      '?week=2026-W24&limit=100&p=1',
      '?week=2026-W24&limit=100&p=2',
    ]);
    expect(await getFeed(db, 'hf-week')).toHaveLength(250);
    expect((await getSyncStatus(db)).feeds['hf-week']).toMatchObject({ fetchedAt: NOW, count: 250 });
    expect(await countUnreadLive(db)).toBe(0);
  });

  it('stops at the page limit for a month', async () => {
    const sync = createSync({ db, fetch: hfFetch(() => json(many.slice(0, 100))), hfOrigin: ORIGIN, now: () => NOW });
    await sync.runFeed('hf-month');
    expect(requests).toHaveLength(10);
    expect(requests[0]!.search).toBe('?month=2026-06&limit=100&p=0');
  });

  it('sends nothing while a stored rate-limit wait is on, and says how long', async () => {
    await putSyncStatus(db, { feeds: {}, nextAttemptAt: NOW + 120_000, rateLimitedUntil: NOW + 120_000, lastError: { kind: 'rate-limited', message: 'wait', at: NOW - 1000 } });
    const sync = createSync({ db, fetch: hfFetch(paged), hfOrigin: ORIGIN, now: () => NOW });
    const result = await sync.runFeed('hf-week');
    expect(requests).toEqual([]);
    expect(result).toMatchObject({ ran: false, error: { kind: 'rate-limited', message: 'Hugging Face asked us to wait; next try in 2 min' } });
  });

  it('stores a 429 wait so the periodic sync honours it, and changes no feed', async () => {
    const sync = createSync({
      db,
      fetch: hfFetch(() => new Response('slow down', { status: 429, headers: { RateLimit: '"api";r=0;t=90' } })),
      hfOrigin: ORIGIN,
      now: () => NOW,
    });
    const result = await sync.runFeed('hf-week');
    expect(result.error?.kind).toBe('rate-limited');
    const status = await getSyncStatus(db);
    expect(status.nextAttemptAt).toBe(NOW + 90_000);
    expect(await getFeed(db, 'hf-week')).toEqual([]);
    const periodic = await sync.run();
    expect(periodic.ran).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it('changes nothing when a later page fails, and explains why', async () => {
    const sync = createSync({ db, fetch: hfFetch(paged), hfOrigin: ORIGIN, now: () => NOW });
    await sync.runFeed('hf-week');
    const failing = createSync({
      db,
      fetch: hfFetch((url) => (url.searchParams.get('p') === '1' ? new Response('oops', { status: 502 }) : paged(url))),
      hfOrigin: ORIGIN,
      now: () => NOW + 2 * 3600_000,
    });
    const result = await failing.runFeed('hf-week');
    expect(result.error).toEqual({ kind: 'server', message: 'Hugging Face had a server error (HTTP 502)' });
    expect((await getSyncStatus(db)).feeds['hf-week']?.fetchedAt).toBe(NOW);
    expect(await getFeed(db, 'hf-week')).toHaveLength(250);
  });
});

describe('the worker and its sync-feed message', () => {
  it('accepts only well-formed messages', () => {
    expect(isWorkerMessage({ type: 'sync-feed', feed: 'hf-week' })).toBe(true);
    expect(isWorkerMessage({ type: 'sync-feed', feed: 'hf-trending' })).toBe(false);
    expect(isWorkerMessage({ type: 'sync-feed' })).toBe(false);
    expect(isWorkerMessage({ type: 'sync-now' })).toBe(true);
    expect(isWorkerMessage('sync-feed')).toBe(false);
  });

  it('runs a feed fetch for the message, and shares it with a second ask meanwhile', async () => {
    const worker = createWorker({ db, fetch: hfFetch(paged), hfOrigin: ORIGIN, now: () => NOW });
    const [a, b] = await Promise.all([worker.onMessage({ type: 'sync-feed', feed: 'hf-week' }), worker.syncFeed('hf-week')]);
    expect(a).toBe(b);
    expect(requests).toHaveLength(3);
    expect(await getFeed(db, 'hf-week')).toHaveLength(250);
  });

  it('runs feed fetches and periodic syncs one after another, so neither loses the other’s outcome', async () => {
    const worker = createWorker({ db, fetch: hfFetch(paged), hfOrigin: ORIGIN, now: () => NOW });
    await Promise.all([worker.syncNow(), worker.syncFeed('hf-week'), worker.syncNow()]);
    // Asked while the periodic sync ran: the week's requests wait until it has stored its outcome.
    expect(requests.map((u) => u.search)).toEqual([
      '?limit=100',
      '?sort=trending&limit=50',
      '?week=2026-W24&limit=100&p=0',
      '?week=2026-W24&limit=100&p=1',
      '?week=2026-W24&limit=100&p=2',
    ]);
    const { feeds } = await getSyncStatus(db);
    expect(Object.keys(feeds).sort()).toEqual(['hf-daily', 'hf-trending', 'hf-week']);
  });
});
