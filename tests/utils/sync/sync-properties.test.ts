import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RETRY_ALARM, SYNC_ALARM } from '../../../utils/sync/schedule';
import type { FeedId } from '../../../utils/views/view-id';
import { createDb, type PaperboyDb } from '../../../utils/data/db';
import { applySync } from '../../../utils/data/feed-store';
import { countUnreadLive } from '../../../utils/data/papers';
import { getSyncStatus } from '../../../utils/data/sync-status';
import { markRead } from '../../../utils/data/user-state';
import { parseDailyPapers } from '../../../utils/sync/sources/hf';
import { createWorker } from '../../../utils/sync/background';
import { clock, FakeHf, freshDb, json, ORIGIN, recorded, text, type HfItem } from '../../support/harness';

const POOL = [...recorded('2026-06-12'), ...recorded('2026-08-03')];
const MINUTE = 60_000;

async function ingest(db: PaperboyDb, batches: HfItem[][], now: number, feed: FeedId = 'hf-trending') {
  for (const batch of batches) {
    const parsed = parseDailyPapers(batch, ORIGIN);
    if (!parsed.ok) throw new Error(parsed.reason);
    await applySync(db, [{ feed, papers: parsed.papers, skipped: parsed.skipped }], { feeds: {} }, now);
  }
}

describe('ingest', () => {
  it('property: idempotent, and the same papers whatever the order of batches and of items in them', async () => {
    const batches = fc.array(fc.subarray(POOL, { minLength: 1 }), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(batches, fc.infiniteStream(fc.integer()), async (inOrder, seeds) => {
        const shuffle = <T,>(list: T[]) => list.map((x) => [seeds.next().value as number, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
        const reordered = shuffle(inOrder.map((batch) => shuffle(batch)));
        const a = freshDb();
        const b = freshDb();
        await ingest(a, inOrder, 1000);
        await ingest(b, reordered, 1000);
        const papers = await a.papers.toArray();
        expect(await b.papers.toArray()).toEqual(papers);

        // Delivered again (a retried sync): nothing changes.
        await ingest(a, inOrder, 1000);
        expect(await a.papers.toArray()).toEqual(papers);
        expect(papers.map((p) => p.id).sort()).toEqual([...new Set(inOrder.flat().map((i) => i.paper.id))].sort());
        a.close();
        b.close();
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

type Kind = 'good' | 'empty-list' | 'offline' | '5xx' | '429-t' | '429-none' | '429-zero' | 'html' | 'empty' | 'truncated';
const KINDS: Kind[] = ['good', 'empty-list', 'offline', '5xx', '429-t', '429-none', '429-zero', 'html', 'empty', 'truncated'];

function answer(kind: Kind, items: HfItem[]): () => Response | Error {
  switch (kind) {
    case 'good': return () => json(items);
    case 'empty-list': return () => json([]);
    case 'offline': return () => new TypeError('Failed to fetch');
    case '5xx': return () => text('', { status: 503 });
    case '429-t': return () => text('', { status: 429, headers: { RateLimit: '"api";r=0;t=90' } });
    case '429-none': return () => text('', { status: 429 });
    case '429-zero': return () => text('', { status: 429, headers: { 'Retry-After': '0' } });
    case 'html': return () => text('<html>login</html>');
    case 'empty': return () => text('');
    case 'truncated': return () => text(JSON.stringify(items).slice(0, 40));
  }
}

describe('sync under any sequence of faults', () => {
  const step = fc.record({
    daily: fc.constantFrom(...KINDS),
    trending: fc.constantFrom(...KINDS),
    items: fc.subarray(POOL, { minLength: 1 }),
    advance: fc.integer({ min: 0, max: 90 * MINUTE }),
    trigger: fc.constantFrom('periodic-alarm', 'retry-alarm', 'sync-now', 'wake', 'startup', 'restart-browser'),
    mark: fc.option(fc.constantFrom(...POOL.map((i) => i.paper.id)), { nil: undefined }),
  });

  it('property: no lost flag, no lost paper, a feed changes only on a good answer, no request before a rate limit ends, the badge never lies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), async (steps, jitter) => {
        fakeBrowser.reset();
        let db = freshDb();
        const time = clock();
        const hf = new FakeHf(time.now);
        const start = () => createWorker({ db, fetch: hf.fetch, hfOrigin: ORIGIN, now: time.now, random: () => jitter });
        let worker = start();
        const marked = new Set<string>();

        for (const s of steps) {
          time.advance(s.advance);
          hf.always('daily', answer(s.daily, s.items)).always('trending', answer(s.trending, s.items));
          if (s.mark) {
            await markRead(db, [s.mark], time.now());
            marked.add(s.mark);
          }
          const before = await getSyncStatus(db);
          const papersBefore = new Set(await db.papers.toCollection().primaryKeys());
          const feedsBefore = await db.feeds.toArray();
          const requestsBefore = hf.requests.length;

          if (s.trigger === 'restart-browser') {
            db.close();
            db = createDb(db.name);
            worker = start();
            await worker.onWake();
            await worker.onStartup();
          } else if (s.trigger === 'wake') {
            worker = start();
            await worker.onWake();
          } else if (s.trigger === 'startup') await worker.onStartup();
          else if (s.trigger === 'sync-now') await worker.onMessage({ type: 'sync-now' });
          else await worker.onAlarm({ name: s.trigger === 'periodic-alarm' ? SYNC_ALARM : RETRY_ALARM, scheduledTime: time.now() });

          const requests = hf.requests.slice(requestsBefore);
          for (const request of requests) expect(request.at).toBeGreaterThanOrEqual(before.rateLimitedUntil ?? 0);
          const states = await db.userState.toArray();
          expect(states.map((st) => st.id).sort()).toEqual([...marked].sort());
          expect(states.every((st) => st.readAt !== undefined)).toBe(true);
          const papersAfter = new Set(await db.papers.toCollection().primaryKeys());
          for (const id of papersBefore) expect(papersAfter.has(id)).toBe(true);
          const feedsAfter = await db.feeds.toArray();
          for (const [feed, key] of [['hf-daily', 'daily'], ['hf-trending', 'trending']] as const) {
            const changed = JSON.stringify(feedsAfter.filter((e) => e.feed === feed)) !== JSON.stringify(feedsBefore.filter((e) => e.feed === feed));
            if (changed) {
              expect(s[key]).toBe('good');
              expect(requests.some((r) => r.feed === key)).toBe(true);
            }
          }
          expect(await fakeBrowser.action.getBadgeText({})).toBe(String((await countUnreadLive(db)) || ''));
        }
        db.close();
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
