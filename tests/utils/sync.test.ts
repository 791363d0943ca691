import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, refreshBadge } from '../../utils/platform/badge';
import { createDb, type PaperboyDb } from '../../utils/data/db';
import { countUnreadLive, getFeedSizes } from '../../utils/data/papers';
import { getSyncStatus, type SyncStatus } from '../../utils/data/sync-status';
import { markRead } from '../../utils/data/user-state';
import { backoffDelay, MAX_RATE_LIMIT_WAIT_MS, retryAfterMs } from '../../utils/sync/retry';
import { formatDateTime } from '../../utils/lib/format';
import { MAX_EARLY_RETRIES } from '../../utils/sync/outcome';
import { createSync } from '../../utils/sync/sync';
import { describeSyncStatus } from '../../utils/pages/sync-status-text';
import { feeds, hfDay, stubFetch, type Reply, type Route } from '../fixtures/hf';

const ORIGIN = 'https://huggingface.co';
const T0 = Date.UTC(2026, 5, 12, 12); // whole seconds, so HTTP dates round-trip exactly
const MINUTE = 60_000;

const DAILY = hfDay('2026-06-12'); // 30 items
const TRENDING = hfDay('2026-08-03'); // 3 items
const ok = (body: unknown[]): Reply => ({ body, headers: { 'content-type': 'application/json' } });
const GOOD = feeds(ok(DAILY), ok(TRENDING));

let db: PaperboyDb;
let clock: number;

beforeEach(() => {
  db = createDb(`sync-test-${crypto.randomUUID()}`);
  clock = T0;
});
afterEach(async () => {
  await db.delete();
});

/** A sync on the test database with a scripted network, a settable clock and fixed jitter. */
function setup(route: Route, { random = () => 0.5, timeoutMs = 50 }: { random?: () => number; timeoutMs?: number } = {}) {
  const net = stubFetch(route);
  const sync = createSync({ db, fetch: net.fetch, hfOrigin: ORIGIN, now: () => clock, random, timeoutMs });
  return { ...net, run: sync.run };
}

async function stored() {
  const [papers, feedRows] = await Promise.all([db.papers.toArray(), db.feeds.toArray()]);
  return { papers, feeds: feedRows };
}

/** A first good sync at T0 - 1 h: the "last good data" every fault must leave alone. */
async function withGoodData() {
  clock = T0 - 60 * MINUTE;
  await setup(GOOD).run();
  clock = T0;
  const data = await stored();
  expect(data.papers).toHaveLength(33);
  return data;
}

describe('createSync', () => {
  it('fetches both feeds and stores them in one go', async () => {
    const { run, requests } = setup(GOOD);
    const { status, ran } = await run();
    expect(ran).toBe(true);
    expect(requests.map(String)).toEqual([`${ORIGIN}/api/daily_papers?limit=100`, `${ORIGIN}/api/daily_papers?sort=trending&limit=50`]);
    expect(await getFeedSizes(db)).toEqual({ 'hf-daily': 30, 'hf-trending': 3, bundled: 0 });
    expect(status).toEqual({
      lastAttemptAt: T0,
      lastSuccessAt: T0,
      failures: 0,
      feeds: {
        'hf-daily': { fetchedAt: T0, count: 30, skipped: 0, day: '2026-06-12' },
        'hf-trending': { fetchedAt: T0, count: 3, skipped: 0 },
      },
    });
    expect(await getSyncStatus(db)).toEqual(status);
    expect(await countUnreadLive(db)).toBe(33);
  });

  it('sends no credentials and bypasses the HTTP cache', async () => {
    const inits: (RequestInit | undefined)[] = [];
    const { run } = setup((url, init) => (inits.push(init), GOOD(url, init)));
    await run();
    expect(inits).toHaveLength(2);
    for (const init of inits) expect(init).toMatchObject({ credentials: 'omit', cache: 'no-store', headers: { accept: 'application/json' } });
  });

  it('marks a sync as pending while it fetches, and clears the mark once stored', async () => {
    const pending: (number | undefined)[] = [];
    const net = stubFetch(GOOD);
    const sync = createSync({
      db,
      hfOrigin: ORIGIN,
      now: () => clock,
      fetch: async (input, init) => {
        pending.push((await getSyncStatus(db)).pendingSince);
        return net.fetch(input, init);
      },
    });
    await sync.run();
    expect(pending).toEqual([T0, T0]);
    expect((await getSyncStatus(db)).pendingSince).toBeUndefined();
  });
});

describe('faults: the last good data stays', () => {
  it('offline: nothing changes, the error says offline, the badge count is unchanged', async () => {
    const before = await withGoodData();
    await markRead(db, [DAILY[0]!.paper.id], T0 - 1);
    const { run, requests } = setup(() => 'offline');
    const { status } = await run();
    expect(requests).toHaveLength(2);
    expect(await stored()).toEqual(before);
    expect(status.lastError).toMatchObject({ kind: 'offline', at: T0 });
    expect(status.lastSuccessAt).toBe(T0 - 60 * MINUTE);
    expect(status.failures).toBe(1);
    expect(await countUnreadLive(db)).toBe(32);
    expect(describeSyncStatus(status, false, T0).text).toMatch(/^Offline — showing data from /);
  });

  it('a request that hangs is aborted by the timeout', async () => {
    const before = await withGoodData();
    const signals: AbortSignal[] = [];
    const { run } = setup((_url, init) => (signals.push(init!.signal!), 'hang'), { timeoutMs: 30 });
    const { status } = await run();
    expect(signals).toHaveLength(2);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    expect(status.lastError).toMatchObject({ kind: 'timeout' });
    expect(await stored()).toEqual(before);
  });

  it('a body that stops half way is aborted by the timeout too', async () => {
    const before = await withGoodData();
    const sync = createSync({
      db,
      hfOrigin: ORIGIN,
      now: () => clock,
      timeoutMs: 30,
      fetch: async (_input, init) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('[{"paper":'));
            init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          },
        });
        return new Response(body, { status: 200 });
      },
    });
    const { status } = await sync.run();
    expect(status.lastError).toMatchObject({ kind: 'timeout' });
    expect(await stored()).toEqual(before);
  });

  it('429 with RateLimit t=42: no further request, not even a forced one, before 42 s', async () => {
    const before = await withGoodData();
    const limited: Reply = { status: 429, headers: { RateLimit: '"api";r=0;t=42', 'RateLimit-Policy': '"fixed window";"api";q=500;w=300' } };
    // Jitter 0: the backoff floor of a first failure (30 s) is below the 42 s HF asked for, so the
    // wait is exactly HF's (a shorter asked wait is raised to the floor: sync-faults › asking for no wait).
    const { run, requests } = setup(feeds(limited, ok(TRENDING)), { random: () => 0 });
    const { status } = await run();
    expect(requests).toHaveLength(1); // trending is not asked once HF said stop
    expect(status.nextAttemptAt).toBe(T0 + 42_000);
    expect(status.rateLimitedUntil).toBe(T0 + 42_000);
    expect(status.lastError).toMatchObject({ kind: 'rate-limited', message: expect.stringContaining('42 s') });
    expect(await stored()).toEqual(before);

    clock = T0 + 41_999;
    expect(await run({ force: true })).toMatchObject({ ran: false, status: { nextAttemptAt: T0 + 42_000 } });
    expect(await run()).toMatchObject({ ran: false });
    expect(requests).toHaveLength(1);

    clock = T0 + 42_000;
    expect((await run()).ran).toBe(true);
    expect(requests).toHaveLength(2);
  });

  // Every wait here is above the 45 s backoff floor a first failure has with jitter 0.5, so the
  // stored time is exactly the one HF asked for.
  it.each([
    ['Retry-After in seconds', { 'Retry-After': '120' }, 120_000],
    ['Retry-After as an HTTP date', { 'Retry-After': new Date(T0 + 90_000).toUTCString() }, 90_000],
    ['RateLimit wins over Retry-After', { RateLimit: '"api";r=0;t=70', 'Retry-After': '120' }, 70_000],
  ])('429 with %s', async (_label, headers, wait) => {
    const { run, requests } = setup(feeds({ status: 429, headers }, ok(TRENDING)));
    const { status } = await run();
    expect(status.nextAttemptAt).toBe(T0 + wait);
    expect(status.rateLimitedUntil).toBe(T0 + wait);
    clock = T0 + wait - 1;
    expect((await run({ force: true })).ran).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it('429 with no wait named: exponential backoff with jitter from one rate-limit window', async () => {
    const jitter = [0, 0.999, 0.5];
    const { run, requests } = setup(feeds({ status: 429 }, ok(TRENDING)), { random: () => jitter.shift()! });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { status } = await run();
      expect(status.rateLimitedUntil).toBe(status.nextAttemptAt);
      waits.push(status.nextAttemptAt! - clock);
      clock = status.nextAttemptAt!;
    }
    // The ceiling starts at HF's 5-minute window and doubles; half of it is fixed, half jitter.
    expect(waits[0]).toBe(2.5 * MINUTE); // first failure: 2.5-5 min, jitter 0
    expect(waits[1]).toBe(599_700); // second: 5-10 min, jitter near the top (5 min + 0.999 × 5 min)
    expect(waits[2]).toBe(15 * MINUTE); // third: 10-20 min, jitter in the middle
    expect(requests).toHaveLength(3);
  });

  it('5xx: bounded backoff with jitter, skipped by a forced sync only', async () => {
    const before = await withGoodData();
    const { run, requests } = setup(feeds({ status: 503, body: 'Service Unavailable' }, { status: 502 }), { random: () => 0 });
    const first = await run();
    expect(requests).toHaveLength(2);
    expect(first.status.lastError).toMatchObject({ kind: 'server', message: expect.stringContaining('503') });
    expect(first.status.nextAttemptAt).toBe(T0 + 30_000);
    expect(await stored()).toEqual(before);

    clock = T0 + 10_000;
    expect((await run()).ran).toBe(false);
    expect(requests).toHaveLength(2);
    const forced = await run({ force: true });
    expect(forced.ran).toBe(true);
    expect(forced.status.failures).toBe(2);
    expect(forced.status.nextAttemptAt).toBe(clock + 60_000);
  });

  it('after many failures: a 5xx leaves the next try to the periodic sync, a 429 backs off an hour at most', async () => {
    await db.meta.put({ key: 'sync-status', value: { failures: 40, feeds: {} } satisfies SyncStatus });
    const { run } = setup(() => ({ status: 500 }), { random: () => 0.999999 });
    const { status } = await run();
    expect(status.failures).toBe(41);
    expect(status.failures).toBeGreaterThan(MAX_EARLY_RETRIES);
    // Past the early retries no retry is scheduled: the hourly alarm is the next try.
    expect(status.nextAttemptAt).toBeUndefined();
    expect(status.rateLimitedUntil).toBeUndefined();
    expect(describeSyncStatus(status, false, T0).detail).toBe('next try with the 60-minute sync');

    // A 429 naming no wait keeps backing off however many failures came before, capped at an hour.
    const limited = setup(() => ({ status: 429 }), { random: () => 0.999999 });
    const { status: after } = await limited.run();
    expect(after.failures).toBe(42);
    expect(after.rateLimitedUntil).toBe(after.nextAttemptAt);
    expect(after.rateLimitedUntil! - T0).toBeLessThanOrEqual(60 * MINUTE);
    expect(after.rateLimitedUntil! - T0).toBeGreaterThanOrEqual(30 * MINUTE);
  });

  it('other HTTP errors are recorded as such', async () => {
    const { run } = setup(feeds({ status: 404, body: 'Not Found' }, { status: 400 }));
    const { status } = await run();
    expect(status.lastError).toMatchObject({ kind: 'http', message: expect.stringContaining('404') });
    expect((await stored()).papers).toEqual([]);
  });

  it.each([
    ['HTML', '<!doctype html><html><body>Hugging Face is down</body></html>'],
    ['an empty body', ''],
    ['truncated JSON', JSON.stringify(DAILY).slice(0, 5000)],
    ['a JSON object', JSON.stringify({ error: 'Invalid date' })],
    ['JSON null', 'null'],
  ])('200 with %s: no write at all, error recorded', async (_label, body) => {
    const before = await withGoodData();
    const statusBefore = await getSyncStatus(db);
    const { run } = setup(feeds({ status: 200, body }, { status: 200, body }));
    const { status } = await run();
    expect(await stored()).toEqual(before);
    expect(status.lastError).toMatchObject({ kind: 'bad-body', at: T0 });
    expect(status.lastSuccessAt).toBe(statusBefore.lastSuccessAt);
    expect(status.feeds).toEqual(statusBefore.feeds);
    expect(describeSyncStatus(status, false, T0)).toMatchObject({ tone: 'warn', text: expect.stringMatching(/ — showing data from /) });
  });

  it('200 with []: nothing deleted, no error, badge count unchanged', async () => {
    const before = await withGoodData();
    const count = await countUnreadLive(db);
    const { run } = setup(feeds(ok([]), ok([])));
    const { status } = await run();
    expect(await stored()).toEqual(before);
    expect(status.lastError).toBeUndefined();
    expect(status.lastSuccessAt).toBe(T0);
    expect(await countUnreadLive(db)).toBe(count);
  });

  it('drifted items are skipped one by one and counted; the good ones are stored', async () => {
    const drifted = hfDay('2026-06-12');
    delete (drifted[0]!.paper as { id?: string }).id;
    drifted[1]!.paper.id = 42 as unknown as string;
    (drifted[2] as Record<string, unknown>).paper = 'oops';
    drifted[3]!.paper.upvotes = 'many'; // a wrong type in one field only drops that field
    drifted.push(structuredClone(drifted[4]!)); // a duplicate is merged, not skipped
    const { run } = setup(feeds(ok(drifted), ok(TRENDING)));
    const { status } = await run();
    expect(status.lastError).toBeUndefined();
    expect(status.feeds['hf-daily']).toMatchObject({ count: 27, skipped: 3 });
    expect(await db.papers.get(DAILY[3]!.paper.id)).not.toHaveProperty('upvotes');
  });

  it('a list with no readable item is an error, not an empty feed', async () => {
    const before = await withGoodData();
    const statusBefore = await getSyncStatus(db);
    const { run } = setup(feeds(ok([{ paper: {} }, { nope: true }, 7]), ok(TRENDING)));
    const { status } = await run();
    expect(status.lastError).toMatchObject({ kind: 'bad-body', message: 'None of the 3 papers Hugging Face sent could be read' });
    // The trending feed arrived fine and is stored again (the same list: only its papers'
    // lastSeenInFeedAt moves to now); the daily feed and its papers are as they were.
    const trending = new Set(TRENDING.map((item) => item.paper.id));
    expect(await stored()).toEqual({
      papers: before.papers.map((paper) => (trending.has(paper.id) ? { ...paper, lastSeenInFeedAt: T0 } : paper)),
      feeds: before.feeds,
    });
    expect(status.feeds['hf-daily']).toEqual(statusBefore.feeds['hf-daily']);
    expect(status.feeds['hf-trending']).toEqual({ ...statusBefore.feeds['hf-trending'], fetchedAt: T0 });
  });

  it('one feed failing does not stop the other', async () => {
    const { run } = setup(feeds({ status: 503 }, ok(TRENDING)));
    const { status } = await run();
    expect(await getFeedSizes(db)).toEqual({ 'hf-daily': 0, 'hf-trending': 3, bundled: 0 });
    expect(status.lastError?.kind).toBe('server');
    expect(status.feeds['hf-trending']?.count).toBe(3);
  });

  it('quota exceeded while writing: the transaction rolls back, previous data intact', async () => {
    const before = await withGoodData();
    const statusBefore = await getSyncStatus(db);
    const bulkPut = db.papers.bulkPut.bind(db.papers);
    let calls = 0;
    // The second feed's write fails, after the first feed's write went through in the same transaction.
    vi.spyOn(db.papers, 'bulkPut').mockImplementation(((...args: Parameters<typeof bulkPut>) => {
      calls++;
      if (calls === 2) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return bulkPut(...args);
    }) as typeof bulkPut);
    const changed = hfDay('2026-06-12').map((item) => ({ ...item, title: `Changed ${item.title as string}` }));
    const { run } = setup(feeds(ok(changed.slice(0, 10)), ok(changed.slice(20))));
    const { status, ran } = await run();
    expect(ran).toBe(true);
    expect(calls).toBe(2);
    expect(await stored()).toEqual(before);
    expect(status.lastError).toMatchObject({ kind: 'storage', message: expect.stringMatching(/out of storage space/) });
    expect(status.lastSuccessAt).toBe(statusBefore.lastSuccessAt);
    expect(status.feeds).toEqual(statusBefore.feeds);
    expect(status.pendingSince).toBeUndefined();
    expect(await getSyncStatus(db)).toEqual(status);
  });

  it('an AbortError while writing is reported as a storage failure too', async () => {
    const before = await withGoodData();
    vi.spyOn(db.feeds, 'bulkPut').mockRejectedValue(new DOMException('The transaction was aborted.', 'AbortError'));
    const { run } = setup(GOOD);
    const { status } = await run();
    expect(await stored()).toEqual(before);
    expect(status.lastError).toMatchObject({ kind: 'storage', message: expect.stringContaining('nothing was changed') });
  });
});

describe('retry timing', () => {
  it('reads RateLimit t=, Retry-After seconds and HTTP dates', () => {
    const h = (init: Record<string, string>) => new Headers(init);
    expect(retryAfterMs(h({ RateLimit: '"api";r=0;t=42' }), T0)).toBe(42_000);
    expect(retryAfterMs(h({ ratelimit: 't=3' }), T0)).toBe(3_000);
    expect(retryAfterMs(h({ RateLimit: '"api";r=0;t=42', 'Retry-After': '5' }), T0)).toBe(42_000);
    expect(retryAfterMs(h({ 'Retry-After': ' 17 ' }), T0)).toBe(17_000);
    expect(retryAfterMs(h({ 'Retry-After': new Date(T0 + 61_000).toUTCString() }), T0)).toBe(61_000);
    expect(retryAfterMs(h({ 'Retry-After': new Date(T0 - 61_000).toUTCString() }), T0)).toBe(0);
    expect(retryAfterMs(h({ 'Retry-After': 'soon' }), T0)).toBeUndefined();
    expect(retryAfterMs(h({ RateLimit: '"api";r=0' }), T0)).toBeUndefined();
    expect(retryAfterMs(h({}), T0)).toBeUndefined();
  });

  it('caps absurd waits so one garbled header cannot stop syncing for good', () => {
    const h = (init: Record<string, string>) => new Headers(init);
    expect(retryAfterMs(h({ RateLimit: `"api";r=0;t=${'9'.repeat(30)}` }), T0)).toBe(MAX_RATE_LIMIT_WAIT_MS);
    expect(retryAfterMs(h({ 'Retry-After': '99999999' }), T0)).toBe(MAX_RATE_LIMIT_WAIT_MS);
    expect(retryAfterMs(h({ 'Retry-After': 'Fri, 31 Dec 9999 23:59:59 GMT' }), T0)).toBe(MAX_RATE_LIMIT_WAIT_MS);
  });

  it('backs off exponentially with jitter, between half and all of a bounded ceiling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
        const ceiling = Math.min(60 * MINUTE, MINUTE * 2 ** (failures - 1));
        const delay = backoffDelay(failures, () => r);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 0))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });
});

describe('badge', () => {
  it.each([
    [0, ''],
    [-3, ''],
    [Number.NaN, ''],
    [0.5, ''],
    [1, '1'],
    [5, '5'],
    [999, '999'],
    [1000, '999+'],
    [123_456, '999+'],
    [Number.POSITIVE_INFINITY, ''],
  ])('badgeText(%s) is %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
    expect(badgeText(count).length).toBeLessThanOrEqual(4);
  });

  it('refreshBadge shows the unread live count from the database', async () => {
    expect(await refreshBadge(db)).toBe('');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    await setup(GOOD).run();
    expect(await refreshBadge(db)).toBe('33');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('33');
    await markRead(db, TRENDING.map((item) => item.paper.id), T0);
    await refreshBadge(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('30');
  });
});

describe('describeSyncStatus', () => {
  it('says when nothing was synced yet', () => {
    expect(describeSyncStatus({ feeds: {} }, false, T0)).toEqual({ text: 'Not synced yet — showing the bundled snapshot', tone: 'idle', title: 'Never synced' });
  });

  it('says syncing while a sync runs', () => {
    expect(describeSyncStatus({ feeds: {}, lastSuccessAt: T0 }, true, T0).text).toBe('Syncing…');
  });

  it('reports a success, and a failure after it with the time of the last good data', () => {
    expect(describeSyncStatus({ feeds: {}, lastSuccessAt: T0 - 10_000 }, false, T0)).toEqual({
      text: 'Synced just now',
      tone: 'ok',
      title: `Last synced: ${formatDateTime(T0 - 10_000)}`,
    });
    const failed: SyncStatus = {
      feeds: {},
      lastSuccessAt: T0 - 60 * MINUTE,
      lastError: { kind: 'offline', message: 'Could not reach Hugging Face', at: T0 },
      nextAttemptAt: T0 + 45_000,
    };
    expect(describeSyncStatus(failed, false, T0)).toMatchObject({ tone: 'warn', text: expect.stringMatching(/^Offline — showing data from /), detail: 'next try in 45 s' });
    expect(describeSyncStatus({ ...failed, lastSuccessAt: undefined }, false, T0).text).toBe('Offline — showing the bundled snapshot');
    expect(describeSyncStatus({ ...failed, lastSuccessAt: T0 + 1 }, false, T0 + 2).tone).toBe('ok');
  });
});
