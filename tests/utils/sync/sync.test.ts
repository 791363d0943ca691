import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaperboyDb } from '../../../utils/data/db';
import { countUnreadLive, getFeedSizes } from '../../../utils/data/papers';
import { getSyncStatus } from '../../../utils/data/sync-status';
import { createSync } from '../../../utils/sync/sync';
import { clock, FakeHf, freshDb, ORIGIN, recorded, T0 } from '../../support/harness';

// The sync's normal path; every fault is in sync-faults.test.ts.

const DAILY = recorded('2026-06-12'); // 30 items
const TRENDING = recorded('2026-08-03'); // 3 items

let db: PaperboyDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

function setup() {
  const time = clock();
  const hf = new FakeHf(time.now, DAILY, TRENDING);
  return { hf, sync: createSync({ db, fetch: hf.fetch, hfOrigin: ORIGIN, now: time.now, random: () => 0.5 }) };
}

describe('createSync', () => {
  it('fetches both feeds and stores them in one go', async () => {
    const { hf, sync } = setup();
    const { status, ran } = await sync.run();
    expect(ran).toBe(true);
    expect(hf.requests.map((r) => r.url)).toEqual([`${ORIGIN}/api/daily_papers?limit=100`, `${ORIGIN}/api/daily_papers?sort=trending&limit=50`]);
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
    const { hf, sync } = setup();
    await sync.run();
    expect(hf.requests).toHaveLength(2);
    for (const { init } of hf.requests) expect(init).toMatchObject({ credentials: 'omit', cache: 'no-store', headers: { accept: 'application/json' } });
  });

  it('marks a sync as pending while it fetches, and clears the mark once stored', async () => {
    const { hf } = setup();
    const pending: (number | undefined)[] = [];
    const sync = createSync({
      db,
      hfOrigin: ORIGIN,
      now: () => T0,
      fetch: async (input, init) => {
        pending.push((await getSyncStatus(db)).pendingSince);
        return hf.fetch(input, init);
      },
    });
    await sync.run();
    expect(pending).toEqual([T0, T0]);
    expect((await getSyncStatus(db)).pendingSince).toBeUndefined();
  });
});
