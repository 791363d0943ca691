import { afterEach, describe, expect, it } from 'vitest';
import type { PaperboyDb } from '../../../utils/data/db';
import { applySync, type FeedFetch } from '../../../utils/data/feed-store';
import { getHistories, getRecentHistories } from '../../../utils/data/history-store';
import { deleteUnkeptPapers } from '../../../utils/data/retention-store';
import { parseDailyPapers, type ParsedPaper } from '../../../utils/sync/sources/hf';
import type { FeedId } from '../../../utils/views/view-id';
import { recordedHfDay } from '../../fixtures/recorded';
import { dump, failWrites, freshDb, T0 } from '../../support/harness';

const HOUR = 3_600_000;
const parsed = parseDailyPapers(recordedHfDay('2026-06-12'), 'https://huggingface.co');
if (!parsed.ok) throw new Error(parsed.reason);
const JUNE = parsed.papers;
const fetchOf = (feed: FeedId, papers: ParsedPaper[]): FeedFetch => ({ feed, papers, skipped: 0 });
const withCounts = (paper: ParsedPaper, upvotes: number, githubStars?: number): ParsedPaper => ({ ...paper, upvotes, githubStars });

const opened: PaperboyDb[] = [];
function openDb(): PaperboyDb {
  const db = freshDb();
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

describe('count history, recorded by each sync', () => {
  it('each sync appends a sample of upvotes and stars; a paper in two feeds is sampled once', async () => {
    const db = openDb();
    const [a, b] = JUNE;
    await applySync(db, [fetchOf('hf-daily', [withCounts(a!, 3, 10), b!]), fetchOf('hf-trending', [withCounts(a!, 3, 10)])], { feeds: {} }, T0);
    await applySync(db, [fetchOf('hf-daily', [withCounts(a!, 9, 12)])], { feeds: {} }, T0 + HOUR);

    const [history, other] = await getHistories(db, [a!.id, b!.id]);
    expect(history).toEqual({ id: a!.id, lastAt: T0 + HOUR, upvotes: { t: [T0, T0 + HOUR], v: [3, 9] }, stars: { t: [T0, T0 + HOUR], v: [10, 12] } });
    expect(other).toMatchObject({ id: b!.id, lastAt: T0, upvotes: { t: [T0], v: [b!.upvotes] } });
  });

  it('the Rising query reads only papers sampled lately, through the lastAt index', async () => {
    const db = openDb();
    await applySync(db, [fetchOf('hf-daily', JUNE.slice(0, 5))], { feeds: {} }, T0);
    await applySync(db, [fetchOf('hf-daily', JUNE.slice(3, 8))], { feeds: {} }, T0 + 30 * HOUR);
    const recent = await getRecentHistories(db, T0 + 6 * HOUR);
    expect(recent.map((h) => h.id).sort()).toEqual(JUNE.slice(3, 8).map((p) => p.id).sort());
  });

  it('is written in the sync transaction: a failed history write stores nothing of the sync', async () => {
    const db = openDb();
    await applySync(db, [fetchOf('hf-daily', JUNE.slice(0, 3))], { feeds: {} }, T0);
    const before = await dump(db);
    const abort = failWrites(db, ['history'], 'AbortError');
    abort.on();
    await expect(applySync(db, [fetchOf('hf-daily', JUNE.slice(0, 10))], { feeds: {} }, T0 + HOUR)).rejects.toThrow();
    abort.off();
    expect(abort.failed).toBe(1);
    expect(await dump(db)).toEqual(before);
  });

  it('goes with its paper when retention deletes the paper', async () => {
    const db = openDb();
    await applySync(db, [fetchOf('hf-daily', JUNE.slice(0, 2))], { feeds: {} }, T0);
    await db.feeds.clear();
    const ids = JUNE.slice(0, 2).map((p) => p.id);
    expect(await deleteUnkeptPapers(db, ids, T0 + 1)).toBe(2);
    expect(await getHistories(db, ids)).toEqual([undefined, undefined]);
  });
});
