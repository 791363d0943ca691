import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshBadge } from '../../../utils/platform/badge';
import { RETRY_ALARM, SYNC_ALARM, SYNC_PERIOD_MS } from '../../../utils/sync/schedule';
import { countUnreadLive, getFeedSizes } from '../../../utils/data/papers';
import { getSyncStatus, type SyncStatus } from '../../../utils/data/sync-status';
import { markRead } from '../../../utils/data/user-state';
import { describeSyncStatus } from '../../../utils/pages/sync-status-text';
import { MAX_EARLY_RETRIES, RATE_LIMIT_BASE_MS } from '../../../utils/sync/outcome';
import { MAX_RATE_LIMIT_WAIT_MS } from '../../../utils/sync/retry';
import { createWorker } from '../../../utils/sync/background';
import { createSync } from '../../../utils/sync/sync';
import {
  clock,
  countWrites,
  dump,
  FakeHf,
  failWrites,
  freshDb,
  item,
  json,
  ORIGIN,
  recorded,
  stalledBody,
  T0,
  text,
  type HfItem,
} from '../../support/harness';

// One test (or one table of cases) per row of the reliability table in docs/quality.md, each
// against a real Dexie database and the real sync and worker; only the network is faked.

const DAILY = recorded('2026-06-12');
const TRENDING = [...recorded('2026-08-03'), ...DAILY.slice(0, 5)];
const LIVE_PAPERS = new Set([...DAILY, ...TRENDING].map((i) => i.paper.id)).size;
const MINUTE = 60_000;

function setup({ random = (() => 0.5) as () => number, daily = DAILY as unknown, trending = TRENDING as unknown } = {}) {
  const db = freshDb();
  const time = clock();
  const hf = new FakeHf(time.now, daily, trending);
  const start = () => createWorker({ db, fetch: hf.fetch, hfOrigin: ORIGIN, now: time.now, random });
  return { db, time, hf, worker: start(), restart: start };
}
type Env = ReturnType<typeof setup>;

const badge = () => fakeBrowser.action.getBadgeText({});
const retryAlarm = () => fakeBrowser.alarms.get(RETRY_ALARM);
const USER_TABLES = ['papers', 'feeds', 'userState'];

/** A first good sync and two papers read: the last good data every fault must leave alone. */
async function lastGoodData(env: Env) {
  await env.worker.syncNow(true);
  await markRead(env.db, [DAILY[0]!.paper.id, TRENDING[0]!.paper.id], env.time.now());
  await refreshBadge(env.db);
  const status = await getSyncStatus(env.db);
  expect(status.lastError).toBeUndefined();
  expect(await badge()).toBe(String(LIVE_PAPERS - 2));
  return { data: await dump(env.db, USER_TABLES), badge: await badge(), status };
}

function headline(status: SyncStatus, now: number) {
  return describeSyncStatus(status, false, now);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('network error, DNS failure, offline', () => {
  it.each([
    ['network error', new TypeError('Failed to fetch')],
    ['DNS failure', new TypeError('getaddrinfo ENOTFOUND hf.test')],
    ['offline', new TypeError('NetworkError when attempting to fetch resource.')],
  ])('%s: last good data stays, badge unchanged, "Offline — showing data from …" shown', async (_name, error) => {
    const env = setup();
    const before = await lastGoodData(env);
    env.hf.always('both', () => error);
    env.time.advance(SYNC_PERIOD_MS);
    const status = await env.worker.syncNow(true);

    expect(await dump(env.db, USER_TABLES)).toEqual(before.data);
    expect(await badge()).toBe(before.badge);
    expect(status.lastError?.kind).toBe('offline');
    expect(status.lastSuccessAt).toBe(before.status.lastSuccessAt);
    expect(headline(status, env.time.now()).text).toMatch(/^Offline — showing data from /);
    expect(headline(status, env.time.now()).tone).toBe('warn');
  });
});

describe('request hangs', () => {
  // The worker's sync with its default timeout, measured in literal milliseconds of the faked
  // clock (not in FETCH_TIMEOUT_MS, which would only compare the constant with itself): 20 s,
  // well inside the 30 s Chrome gives a worker fetch.
  it('is aborted at 20 s (headers or body), leaves the data alone, and is retried by the retry alarm', async () => {
    const env = setup();
    const before = await lastGoodData(env);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    env.hf.next('daily', 'hang').next('trending', stalledBody);
    const sync = env.worker.syncNow(true);

    await env.hf.requested(3);
    const daily = env.hf.requests[2]!.signal;
    vi.advanceTimersByTime(19_999);
    expect(daily.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(daily.aborted).toBe(true);

    // The trending answer starts, then its body stalls: the same 20 s bound covers reading it.
    await env.hf.requested(4);
    const trending = env.hf.requests[3]!.signal;
    vi.advanceTimersByTime(19_999);
    expect(trending.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    const status = await sync;

    expect(trending.aborted).toBe(true);
    expect(status.lastError).toMatchObject({ kind: 'timeout', message: 'Hugging Face did not answer within 20 s' });
    expect(await dump(env.db, USER_TABLES)).toEqual(before.data);
    expect(await badge()).toBe(before.badge);
    expect((await retryAlarm())?.scheduledTime).toBe(status.nextAttemptAt);

    vi.useRealTimers();
    env.time.set(status.nextAttemptAt!);
    const retried = await env.worker.onAlarm({ name: RETRY_ALARM, scheduledTime: env.time.now() });
    expect(retried?.lastError).toBeUndefined();
    expect(env.hf.count()).toBe(6);
  });
});

describe('HTTP 429', () => {
  const cases: [string, (start: number) => Record<string, string>, number][] = [
    ['RateLimit "api";r=0;t=240', () => ({ RateLimit: '"api";r=0;t=240', 'RateLimit-Policy': '"fixed window";"api";q=500;w=300' }), 240_000],
    ['Retry-After in seconds', () => ({ 'Retry-After': '120' }), 120_000],
    ['Retry-After as an HTTP date', (start) => ({ 'Retry-After': new Date(start + 10 * MINUTE).toUTCString() }), 10 * MINUTE],
  ];

  it.each(cases)('%s: no request before the indicated time, even via "Sync now", alarms or a restarted worker', async (_name, headers, waitMs) => {
    const env = setup();
    const before = await lastGoodData(env);
    env.time.advance(SYNC_PERIOD_MS);
    const start = env.time.now();
    env.hf.next('daily', new Response('slow down', { status: 429, headers: headers(start) }));
    const requestsBefore = env.hf.count();
    const status = await env.worker.syncNow(true);

    // The trending request never went out after the 429.
    expect(env.hf.count()).toBe(requestsBefore + 1);
    expect(status.lastError?.kind).toBe('rate-limited');
    expect(status.rateLimitedUntil).toBe(start + waitMs);
    expect((await retryAlarm())?.scheduledTime).toBe(start + waitMs);
    expect(await dump(env.db, USER_TABLES)).toEqual(before.data);
    expect(await badge()).toBe(before.badge);

    // Every trigger there is, one millisecond before the time: nothing goes out.
    env.time.set(start + waitMs - 1);
    await env.worker.syncNow(true);
    await env.worker.onAlarm({ name: SYNC_ALARM, scheduledTime: env.time.now() });
    await env.worker.onAlarm({ name: RETRY_ALARM, scheduledTime: env.time.now() });
    const restarted = env.restart();
    await restarted.onWake();
    await restarted.onStartup();
    await restarted.onMessage({ type: 'sync-now' });
    expect(env.hf.count()).toBe(requestsBefore + 1);

    env.time.set(start + waitMs);
    const after = await restarted.onAlarm({ name: RETRY_ALARM, scheduledTime: env.time.now() });
    expect(env.hf.count()).toBe(requestsBefore + 3);
    expect(after?.lastError).toBeUndefined();
    expect(after?.rateLimitedUntil).toBeUndefined();
    expect(await retryAlarm()).toBeUndefined();
  });

  it('shows what Hugging Face asked for in plain words, and when the next try is', async () => {
    const env = setup();
    await lastGoodData(env);
    env.hf.next('daily', new Response('', { status: 429, headers: { RateLimit: '"api";r=0;t=240' } }));
    const status = await env.worker.syncNow(true);
    const shown = headline(status, env.time.now());
    expect(shown.text).toMatch(/^Hugging Face asked us to wait 4 min — showing data from /);
    expect(shown.detail).toBe('next try in 4 min');
    expect(shown.title).toContain('Next try: in 4 min');
  });

  it('with neither header: exponential backoff with jitter from the 5-minute window', async () => {
    const waits: number[][] = [];
    for (const random of [() => 0, () => 0.999]) {
      const env = setup({ random });
      await lastGoodData(env);
      env.hf.always('daily', () => new Response('', { status: 429 }));
      const seen: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        const status = await env.worker.syncNow(true);
        expect(status.lastError).toMatchObject({ kind: 'rate-limited', message: 'Hugging Face is limiting requests' });
        seen.push(status.rateLimitedUntil! - env.time.now());
        env.time.set(status.rateLimitedUntil!);
      }
      waits.push(seen);
    }
    // Jitter: the same failure count waits between half and all of its ceiling, never in lock-step.
    expect(waits[0]).toEqual([2.5, 5, 10, 20].map((m) => m * MINUTE));
    waits[1]!.forEach((wait, i) => {
      expect(wait).toBeGreaterThan(waits[0]![i]!);
      expect(wait).toBeLessThanOrEqual(RATE_LIMIT_BASE_MS * 2 ** i);
    });
  });

  it('asking for no wait (t=0, a past date) still backs off: never a retry storm', async () => {
    const env = setup({ random: () => 0 });
    await lastGoodData(env);
    const first = env.time.now();
    let flip = false;
    env.hf.always('daily', () => {
      flip = !flip;
      const headers: Record<string, string> = flip ? { RateLimit: '"api";r=0;t=0' } : { 'Retry-After': new Date(first - MINUTE).toUTCString() };
      return new Response('', { status: 429, headers });
    });
    const requestsBefore = env.hf.count();
    // Fire every trigger as soon as it is allowed, for two simulated hours.
    while (env.time.now() < first + 2 * SYNC_PERIOD_MS) {
      const status = await env.worker.onAlarm({ name: RETRY_ALARM, scheduledTime: env.time.now() });
      env.time.set(Math.max(status!.rateLimitedUntil ?? 0, env.time.now() + 1000));
    }
    const times = env.hf.requests.slice(requestsBefore).map((r) => r.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(30_000);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]!);
    // Two hours of "retry now": 9 requests with backoff (30 s, 1, 2, 4, 8, 16, then 30 min), not 7,200.
    expect(times.length).toBeLessThanOrEqual(9);
  });

  it('a wait beyond 24 h is taken as a broken header and capped', async () => {
    const env = setup();
    await lastGoodData(env);
    env.hf.next('daily', new Response('', { status: 429, headers: { 'Retry-After': String(30 * 24 * 3600) } }));
    const status = await env.worker.syncNow(true);
    expect(status.rateLimitedUntil! - status.lastAttemptAt!).toBe(MAX_RATE_LIMIT_WAIT_MS);
  });
});

describe('HTTP 5xx', () => {
  it('bounded early retries with backoff, then waits for the periodic alarm', async () => {
    const env = setup({ random: () => 0.5 });
    const before = await lastGoodData(env);
    env.hf.always('both', () => text('upstream down', { status: 503 }));
    env.time.advance(SYNC_PERIOD_MS);
    let status = await env.worker.onAlarm({ name: SYNC_ALARM, scheduledTime: env.time.now() });
    const delays: number[] = [];
    while (status!.nextAttemptAt !== undefined) {
      expect(status!.lastError).toMatchObject({ kind: 'server', message: 'Hugging Face had a server error (HTTP 503)' });
      const delay = status!.nextAttemptAt - env.time.now();
      delays.push(delay);
      expect((await retryAlarm())?.scheduledTime).toBe(status!.nextAttemptAt);
      // Before the retry is due, a restarted worker or a browser start sends nothing.
      const count = env.hf.count();
      env.time.set(status!.nextAttemptAt - 1);
      await env.restart().onWake();
      await env.restart().onStartup();
      expect(env.hf.count()).toBe(count);
      env.time.set(status!.nextAttemptAt);
      status = await env.worker.onAlarm({ name: RETRY_ALARM, scheduledTime: env.time.now() });
    }
    // 1st, 2nd, 3rd failure: half of 1, 2, 4 minutes fixed plus half random (0.5 here).
    expect(delays).toEqual([45_000, 90_000, 180_000]);
    expect(delays.length).toBe(MAX_EARLY_RETRIES);
    expect(status!.failures).toBe(MAX_EARLY_RETRIES + 1);
    expect(await retryAlarm()).toBeUndefined();
    expect(headline(status!, env.time.now()).detail).toBe('next try with the 60-minute sync');

    // Nothing until the periodic alarm; it is not held back by the backoff.
    const count = env.hf.count();
    await env.restart().onWake();
    expect(env.hf.count()).toBe(count);
    env.time.advance(SYNC_PERIOD_MS);
    env.hf.always('both', () => json([]));
    await env.worker.onAlarm({ name: SYNC_ALARM, scheduledTime: env.time.now() });
    expect(env.hf.count()).toBe(count + 2);
    expect(await dump(env.db, USER_TABLES)).toEqual(before.data);
    expect(await badge()).toBe(before.badge);
  });
});

describe('200 with HTML, empty body, truncated JSON', () => {
  const truncated = JSON.stringify(DAILY).slice(0, 5000);
  it.each([
    ['HTML (a captive portal)', '<!doctype html><title>Sign in to Wi-Fi</title>', 'not valid JSON'],
    ['an empty body', '', 'not valid JSON'],
    ['truncated JSON', truncated, 'not valid JSON'],
    ['JSON that is not a list', '{"error":"maintenance"}', 'expected a JSON list of papers'],
    ['JSON null', 'null', 'expected a JSON list of papers'],
  ])('%s: no write at all, the error recorded and shown', async (_name, body, message) => {
    const env = setup();
    const before = await lastGoodData(env);
    const writes = countWrites(env.db);
    env.hf.always('both', () => text(body, { headers: { 'content-type': 'text/html' } }));
    env.time.advance(SYNC_PERIOD_MS);
    const status = await env.worker.syncNow(true);

    expect(writes).toEqual({ meta: 2 }); // the "under way" mark, then the outcome: nothing else
    expect(await dump(env.db, USER_TABLES)).toEqual(before.data);
    expect(await badge()).toBe(before.badge);
    expect(status.lastError?.kind).toBe('bad-body');
    expect(status.lastError?.message).toContain(message);
    expect(headline(status, env.time.now()).text).toContain(status.lastError!.message);
  });
});

describe('200 with []', () => {
  it('is not read as "all papers gone": nothing deleted, badge unchanged', async () => {
    const env = setup();
    const before = await lastGoodData(env);
    const writes = countWrites(env.db);
    env.hf.always('both', () => json([]));
    env.time.advance(SYNC_PERIOD_MS);
    const status = await env.worker.syncNow(true);

    expect(writes.papers ?? 0).toBe(0);
    expect(writes.feeds ?? 0).toBe(0);
    expect(await dump(env.db, USER_TABLES)).toEqual(before.data);
    expect(await badge()).toBe(before.badge);
    expect(status.lastError).toBeUndefined();
    expect(status.feeds).toEqual(before.status.feeds);
  });
});

describe('drifted items', () => {
  const good = [item('2606.90001'), item('2606.90002'), item('2606.90003')];
  const modern = recorded('2026-06-12')[1]!;
  const era2024: HfItem = {
    paper: {
      id: '2404.12345',
      title: 'An old\n  hard-wrapped   title',
      summary: 'Old\n shape',
      authors: [{ name: 'Ada', hidden: false }],
      publishedAt: '2024-04-18T00:00:00.000Z',
      upvotes: 3,
    },
    title: 'An old\n  hard-wrapped   title',
    publishedAt: '2024-04-18T00:00:00.000Z',
    numComments: 1,
    submittedBy: { fullname: 'Someone', avatarUrl: '/avatars/x.svg' },
  };
  const payload: unknown[] = [
    ...good,
    { ...modern, paper: { ...modern.paper, id: undefined } }, // missing paper.id
    { ...modern, paper: { ...modern.paper, id: 2606.1 } }, // wrong type of id
    { ...modern, paper: { ...modern.paper, id: 'not-an-arxiv-id' } },
    { paper: { id: '2606.90004' } }, // no title anywhere
    null,
    42,
    'a string',
    { ...item('2606.90005'), paper: { ...item('2606.90005').paper, upvotes: 'many', authors: 'nobody' }, extra: { nested: true } },
    { ...item('2606.90006'), title: 'x'.repeat(1_000_000) },
    { ...item('2606.90001'), paper: { ...item('2606.90001').paper, upvotes: 999 } }, // duplicate
    era2024,
  ];
  const BAD = 7;

  it('bad items are skipped one by one and counted; good items stored; duplicates merged', async () => {
    const env = setup({ daily: payload, trending: [] });
    const status = await env.worker.syncNow(true);
    const papers = await env.db.papers.toArray();
    const ids = papers.map((p) => p.id).sort();

    expect(ids).toEqual(['2404.12345', '2606.90001', '2606.90002', '2606.90003', '2606.90005', '2606.90006']);
    expect(status.feeds['hf-daily']?.skipped).toBe(BAD);
    expect(status.lastError).toBeUndefined();
    // Wrong-typed fields are dropped, not the paper; huge strings are capped; duplicates: first wins.
    const byId = Object.fromEntries(papers.map((p) => [p.id, p]));
    expect(byId['2606.90005']!.upvotes).toBeUndefined();
    expect(byId['2606.90005']!.authors).toEqual([]);
    expect(byId['2606.90006']!.title.length).toBeLessThanOrEqual(500);
    expect(byId['2606.90001']!.upvotes).toBe(DAILY[0]!.paper.upvotes);
    expect(DAILY[0]!.paper.upvotes).not.toBe(999);
    expect(byId['2404.12345']!.title).toBe('An old hard-wrapped title');
    expect(await env.db.feeds.count()).toBe(6);
    expect(describeSyncStatus(status, false, env.time.now()).detail).toBe(`${BAD} unreadable items skipped`);
  });

  it('a list where no item can be read is an error, and writes nothing', async () => {
    const env = setup();
    const before = await lastGoodData(env);
    env.hf.always('both', () => json(payload.slice(good.length, good.length + BAD)));
    const status = await env.worker.syncNow(true);
    expect(status.lastError).toMatchObject({ kind: 'bad-body', message: `None of the ${BAD} papers Hugging Face sent could be read` });
    expect(await dump(env.db, USER_TABLES)).toEqual(before.data);
  });
});

describe("the daily list fills in during the day", () => {
  const feedIds = async (env: Env) => (await env.db.feeds.where('[feed+rank]').between(['hf-daily', 0], ['hf-daily', Infinity]).toArray()).map((e) => e.id);

  it('merges later fetches of the same day, replaces on a new day, and never goes back to an older day', async () => {
    const morning = [item('2606.80001'), item('2606.80002')];
    const evening = [item('2606.80003'), item('2606.80001')];
    const tomorrow = [item('2606.80010', '2026-06-13')];
    const env = setup({ trending: [] });
    env.hf.next('daily', json(morning), json(evening), json(tomorrow), json(evening));
    await env.worker.syncNow(true);
    await env.worker.syncNow(true);
    expect(await feedIds(env)).toEqual(['2606.80003', '2606.80001', '2606.80002']);
    await env.worker.syncNow(true);
    expect(await feedIds(env)).toEqual(['2606.80010']);
    // A stale replica serves yesterday again: the feed stays on the newer day; papers are kept.
    await env.worker.syncNow(true);
    expect(await feedIds(env)).toEqual(['2606.80010']);
    expect(await env.db.papers.count()).toBe(4);
  });
});

describe('quota exceeded / AbortError on write', () => {
  const OLD = 100 * 24 * 60 * MINUTE;

  /** Old papers no feed lists any more, some read: what retention may and may not remove. */
  async function withOldPapers(env: Env) {
    await env.worker.syncNow(true);
    const template = (await env.db.papers.toArray())[0]!;
    const then = env.time.now() - OLD;
    const old = Array.from({ length: 10 }, (_, i) => ({ ...template, id: `2001.0000${i}`, firstSeenAt: then, lastSeenInFeedAt: then }));
    await env.db.papers.bulkPut(old);
    await markRead(env.db, old.slice(0, 3).map((p) => p.id), then);
    return old.map((p) => p.id);
  }

  it('quota: the transaction rolls back, retention prunes old unread papers, and the sync lands', async () => {
    const env = setup();
    const old = await withOldPapers(env);
    const quota = failWrites(env.db, ['papers'], 'QuotaExceededError', { untilDelete: true });
    env.hf.always('daily', () => json([item('2606.70001'), ...DAILY]));
    env.time.advance(SYNC_PERIOD_MS);
    quota.on();
    const status = await env.worker.syncNow(true);

    expect(quota.failed).toBe(1);
    expect(status.lastError).toBeUndefined();
    expect(await env.db.papers.get('2606.70001')).toBeDefined();
    const left = new Set(await env.db.papers.toCollection().primaryKeys());
    expect(old.filter((id) => left.has(id))).toEqual(old.slice(0, 3)); // the read ones stay
  });

  it('quota with nothing to prune: rolled back, previous data intact, the error shown', async () => {
    const env = setup();
    const before = await lastGoodData(env);
    const quota = failWrites(env.db, ['papers'], 'QuotaExceededError');
    env.hf.always('daily', () => json([item('2606.70001'), ...DAILY]));
    env.time.advance(SYNC_PERIOD_MS);
    quota.on();
    const status = await env.worker.syncNow(true);

    expect(quota.failed).toBe(1); // retention found nothing to free, so no second try
    expect(await dump(env.db, USER_TABLES)).toEqual(before.data);
    expect(await badge()).toBe(before.badge);
    expect(status.lastError).toMatchObject({ kind: 'storage', message: 'The browser is out of storage space for Paperboy; nothing was changed' });
    expect(status.lastSuccessAt).toBe(before.status.lastSuccessAt);
    expect(await getSyncStatus(env.db)).toEqual(status);
    expect(headline(status, env.time.now()).text).toMatch(/^The browser is out of storage space/);
  });

  it('AbortError on one table: the whole sync rolls back (papers too), and is reported', async () => {
    const env = setup();
    const before = await lastGoodData(env);
    const abort = failWrites(env.db, ['feeds'], 'AbortError');
    env.hf.always('daily', () => json([item('2606.70001'), ...DAILY]));
    abort.on();
    const status = await env.worker.syncNow(true);

    expect(abort.failed).toBe(1);
    expect(await env.db.papers.get('2606.70001')).toBeUndefined();
    expect(await dump(env.db, USER_TABLES)).toEqual(before.data);
    expect(status.lastError).toMatchObject({ kind: 'storage', message: 'Saving the papers failed (AbortError); nothing was changed' });
  });

  it('quota on every write: no request goes out, nothing changes, the failure is still returned', async () => {
    const env = setup();
    const before = await lastGoodData(env);
    const quota = failWrites(env.db, ['papers', 'feeds', 'meta', 'userState'], 'QuotaExceededError');
    const requests = env.hf.count();
    const meta = await env.db.meta.toArray();
    quota.on();
    const status = await env.worker.syncNow(true);
    expect(env.hf.count()).toBe(requests);
    expect(status.lastError?.kind).toBe('storage');
    expect(await dump(env.db, [...USER_TABLES, 'meta'])).toEqual({ ...before.data, meta });
    quota.off();
    expect(await countUnreadLive(env.db)).toBe(LIVE_PAPERS - 2);
  });
});

describe('other failures', () => {
  it('HTTP 404 and 400 are recorded as such, and nothing is stored', async () => {
    const env = setup();
    env.hf.always('daily', () => text('Not Found', { status: 404 })).always('trending', () => text('', { status: 400 }));
    const status = await env.worker.syncNow(true);
    expect(status.lastError).toMatchObject({ kind: 'http', message: expect.stringContaining('404') });
    expect(await env.db.papers.count()).toBe(0);
  });

  it('one feed failing does not stop the other', async () => {
    const env = setup();
    env.hf.always('daily', () => text('', { status: 503 }));
    const status = await env.worker.syncNow(true);
    expect(await getFeedSizes(env.db)).toEqual({ 'hf-daily': 0, 'hf-trending': TRENDING.length, bundled: 0 });
    expect(status.lastError?.kind).toBe('server');
    expect(status.feeds['hf-trending']?.count).toBe(TRENDING.length);
  });

  it('after many failures: a 5xx leaves the next try to the periodic sync, a 429 backs off an hour at most', async () => {
    const env = setup({ random: () => 0.999999 });
    await env.db.meta.put({ key: 'sync-status', value: { failures: 40, feeds: {} } satisfies SyncStatus });
    env.hf.always('both', () => text('', { status: 500 }));
    const status = await env.worker.syncNow(true);
    expect(status.failures).toBe(41);
    // Past the early retries no retry is scheduled: the hourly alarm is the next try.
    expect(status.nextAttemptAt).toBeUndefined();
    expect(status.rateLimitedUntil).toBeUndefined();
    expect(headline(status, env.time.now()).detail).toBe('next try with the 60-minute sync');

    // A 429 naming no wait keeps backing off however many failures came before, capped at an hour.
    env.hf.always('both', () => text('', { status: 429 }));
    const after = await env.worker.syncNow(true);
    expect(after.failures).toBe(42);
    expect(after.rateLimitedUntil).toBe(after.nextAttemptAt);
    expect(after.rateLimitedUntil! - env.time.now()).toBeLessThanOrEqual(60 * MINUTE);
    expect(after.rateLimitedUntil! - env.time.now()).toBeGreaterThanOrEqual(30 * MINUTE);
  });

  // What a fetch the browser refuses looks like from inside: the same TypeError as no network.
  it.each([
    [false, 'permission', 'Paperboy may not reach hf.test: click “Sync now” to allow it — showing the bundled snapshot'],
    [true, 'offline', 'Offline — showing the bundled snapshot'],
  ] as const)('a refused fetch with the site permission held: %s says %s', async (held, kind, text) => {
    const db = freshDb();
    const sync = createSync({ db, fetch: () => Promise.reject(new TypeError('Failed to fetch')), hfOrigin: ORIGIN, hasHostAccess: async () => held, now: () => T0 });
    const { status } = await sync.run();
    expect(status.lastError?.kind).toBe(kind);
    expect(headline(status, T0).text).toBe(text);
  });
});
