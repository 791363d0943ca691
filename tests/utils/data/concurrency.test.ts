import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshBadge } from '../../../utils/platform/badge';
import { createDb, type PaperboyDb, type UserState } from '../../../utils/data/db';
import { countUnreadLive } from '../../../utils/data/papers';
import { markRead, markUnread, toggleRead } from '../../../utils/data/user-state';
import { createWorker } from '../../../utils/sync/background';
import { clock, FakeHf, freshDb, gate, item, json, ORIGIN, recorded, wrapTables } from '../../support/harness';

// The popup and the worker are separate contexts with separate connections to one database:
// here too, the "page" gets its own Dexie connection to the worker's database.

const DAILY = recorded('2026-06-12');
const TRENDING = recorded('2026-08-03');

function setup() {
  const db = freshDb();
  const page = createDb(db.name);
  const time = clock();
  const hf = new FakeHf(time.now, DAILY, TRENDING);
  const worker = createWorker({ db, fetch: hf.fetch, hfOrigin: ORIGIN, now: time.now, random: () => 0.5 });
  return { db, page, time, hf, worker };
}

/** Runs `write` (unawaited) the moment the sync's transaction first writes the given table. */
function duringSyncWrite(db: PaperboyDb, table: string, write: () => Promise<unknown>) {
  let started: Promise<unknown> | undefined;
  wrapTables(db, 'interleave', (t, name) => ({
    ...t,
    mutate: (request) => {
      if (name === table && !started) started = write();
      return t.mutate(request);
    },
  }));
  return () => started;
}

describe('popup marks read while a sync writes', () => {
  it('both changes survive: a mark made while the fetch is in flight', async () => {
    const env = setup();
    await env.worker.syncNow(true);
    const held = gate<Response>();
    env.hf.next('daily', () => held.promise);
    const sync = env.worker.syncNow(true);
    await env.hf.requested(3);

    await markRead(env.page, [DAILY[4]!.paper.id], env.time.now());
    await toggleRead(env.page, DAILY[5]!.paper.id, env.time.now());
    held.open(json([item('2606.50001'), ...DAILY]));
    await sync;

    expect(await env.db.papers.get('2606.50001')).toBeDefined();
    expect((await env.page.userState.get(DAILY[4]!.paper.id))?.readAt).toBeDefined();
    expect((await env.page.userState.get(DAILY[5]!.paper.id))?.readAt).toBeDefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(await countUnreadLive(env.db)));
  });

  it('both changes survive: marks made while the sync transaction is writing', async () => {
    const env = setup();
    await env.worker.syncNow(true);
    await markRead(env.page, [DAILY[7]!.paper.id], env.time.now());
    const marked = duringSyncWrite(env.db, 'feeds', async () => {
      await markRead(env.page, [DAILY[6]!.paper.id, '2606.50002'], env.time.now());
      await markUnread(env.page, [DAILY[7]!.paper.id], env.time.now());
    });
    env.hf.always('daily', () => json([item('2606.50002'), ...DAILY]));
    await env.worker.syncNow(true);
    await marked();

    expect(marked()).toBeDefined();
    expect(await env.db.papers.get('2606.50002')).toBeDefined();
    const states = Object.fromEntries((await env.db.userState.toArray()).map((s) => [s.id, s]));
    expect(states[DAILY[6]!.paper.id]?.readAt).toBeDefined();
    expect(states['2606.50002']?.readAt).toBeDefined();
    expect(states[DAILY[7]!.paper.id]?.readAt).toBeUndefined();
  });

  it('property: any interleaving of page marks and syncs keeps every mark, and only the marks', async () => {
    const ids = DAILY.slice(0, 8).map((i) => i.paper.id);
    const action = fc.record({
      kind: fc.constantFrom('read', 'unread', 'toggle' as const),
      id: fc.constantFrom(...ids),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 12 }), fc.array(fc.subarray(DAILY), { minLength: 1, maxLength: 3 }), async (actions, payloads) => {
        const env = setup();
        let n = 0;
        env.hf.always('daily', () => json(payloads[n++ % payloads.length]));
        // Page actions run one after another (one user); the syncs run alongside them.
        const user = (async () => {
          for (const { kind, id } of actions) {
            if (kind === 'read') await markRead(env.page, [id], 1000);
            else if (kind === 'unread') await markUnread(env.page, [id], 2000);
            else await toggleRead(env.page, id, 1000);
          }
        })();
        const syncs = (async () => {
          for (let i = 0; i < payloads.length; i++) await env.worker.syncNow(true);
        })();
        await Promise.all([user, syncs]);
        expect(n).toBe(payloads.length);

        const expected = new Map<string, UserState>();
        for (const { kind, id } of actions) {
          const state = expected.get(id);
          const read = kind === 'read' || (kind === 'toggle' && !state?.readAt);
          // An unread keeps its time (cross-device sync needs it): the unread button's 2000, a toggle's 1000.
          if (read) expected.set(id, { id, readAt: state?.readAt ?? 1000 });
          else if (state?.readAt !== undefined) expected.set(id, { id, cleared: { readAt: kind === 'unread' ? 2000 : 1000 } });
        }
        const actual = await env.db.userState.toArray();
        expect(actual).toEqual([...expected.values()].sort((a, b) => a.id.localeCompare(b.id)));
        env.db.close();
        env.page.close();
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

// Node has no Web Locks, so this runs utils/badge.ts's fallback: a queue that only one JavaScript
// context sees. Here the "worker" and the "page" connections share that context, and so that
// queue; in the extension each context has its own, and only the Web Lock orders their refreshes.
// That the lock does, across real pages, is shown in Chromium: tests/e2e/badge.e2e.test.ts.
describe('without Web Locks, refreshes started in one context still queue', () => {
  /** Logs each connection's reads of the feeds table: the start of a badge count. */
  function logCounts(db: PaperboyDb, name: string, log: string[]) {
    wrapTables(db, 'log-counts', (t, table) => (table !== 'feeds' ? t : { ...t, query: (request) => (log.push(`count:${name}`), t.query(request)) }));
  }

  it('two refreshes started together run one at a time, so the last badge written is the freshest count', async () => {
    expect(globalThis.navigator?.locks).toBeUndefined();
    const env = setup();
    await env.worker.syncNow(true);
    const unread = await countUnreadLive(env.db);
    const log: string[] = [];
    logCounts(env.db, 'worker', log);
    logCounts(env.page, 'page', log);
    const realSet = fakeBrowser.action.setBadgeText.bind(fakeBrowser.action);
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async (details) => {
      log.push(`set:${details.text}`);
      return realSet(details);
    });

    // The sync's refresh and the popup's (after its mark) start together.
    // (Every user-state write refreshes the badge itself.)
    await Promise.all([refreshBadge(env.db), markRead(env.page, [DAILY[0]!.paper.id], env.time.now())]);

    // Each count runs whole (both live feeds read) and is written before the next count starts.
    const steps = log.filter((entry, i) => entry !== log[i - 1]);
    // (The worker's count may or may not see the mark yet; the page's, last, always does.)
    expect(steps).toEqual(['count:worker', expect.stringMatching(new RegExp(`^set:(${unread}|${unread - 1})$`)), 'count:page', `set:${unread - 1}`]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(unread - 1));
  });
});
