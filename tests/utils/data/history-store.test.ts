import { afterEach, describe, expect, it } from 'vitest';
import type { PaperboyDb } from '../../../utils/data/db';
import { applySync, type FeedFetch } from '../../../utils/data/feed-store';
import { getHistories, getRecentHistories, impliedHistory } from '../../../utils/data/history-store';
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
    // Each paper's one sample so far is in its paper row, the one listed by both feeds too.
    expect(await db.history.count()).toBe(0);
    await applySync(db, [fetchOf('hf-daily', [withCounts(a!, 9, 12)])], { feeds: {} }, T0 + HOUR);

    const [history, other] = await getHistories(db, [a!.id, b!.id]);
    expect(history).toEqual({ id: a!.id, lastAt: T0 + HOUR, upvotes: { t: [T0, T0 + HOUR], v: [3, 9] }, stars: { t: [T0, T0 + HOUR], v: [10, 12] } });
    // Counted once: no row of its own; the paper row is its one sample.
    expect(other).toBeUndefined();
    const [paperB] = await db.papers.bulkGet([b!.id]);
    expect(impliedHistory(paperB!)).toEqual({ id: b!.id, lastAt: T0, upvotes: { t: [T0], v: [b!.upvotes] }, stars: { t: [T0], v: [b!.githubStars] } });
  });

  it('a paper counted for the first time writes no row; the next sync starts its row from the paper row', async () => {
    const db = openDb();
    const papers = JUNE.slice(0, 30).map((p, i) => withCounts(p, i, i % 2 ? 100 + i : undefined));
    await applySync(db, [fetchOf('hf-daily', papers)], { feeds: {} }, T0);
    expect(await db.history.count()).toBe(0);

    await applySync(db, [fetchOf('hf-daily', papers.map((p) => withCounts(p, p.upvotes! + 5, p.githubStars && p.githubStars + 1)))], { feeds: {} }, T0 + 2 * HOUR);
    const histories = await getHistories(db, papers.map((p) => p.id));
    histories.forEach((history, i) => {
      const stars = i % 2 ? { stars: { t: [T0, T0 + 2 * HOUR], v: [100 + i, 101 + i] } } : {};
      expect(history).toEqual({ id: papers[i]!.id, lastAt: T0 + 2 * HOUR, upvotes: { t: [T0, T0 + 2 * HOUR], v: [i, i + 5] }, ...stars });
    });
  });

  it('a paper stored before without counts (an arXiv or bundled paper) starts its history when first counted', async () => {
    const db = openDb();
    const [a] = JUNE;
    const bare: ParsedPaper = { ...a!, upvotes: undefined, githubStars: undefined };
    await applySync(db, [fetchOf('hf-daily', [bare])], { feeds: {} }, T0);
    await applySync(db, [fetchOf('hf-daily', [withCounts(a!, 4)])], { feeds: {} }, T0 + HOUR);
    expect(await db.history.count()).toBe(0);
    await applySync(db, [fetchOf('hf-daily', [withCounts(a!, 7)])], { feeds: {} }, T0 + 3 * HOUR);
    expect(await getHistories(db, [a!.id])).toEqual([{ id: a!.id, lastAt: T0 + 3 * HOUR, upvotes: { t: [T0 + HOUR, T0 + 3 * HOUR], v: [4, 7] } }]);
  });

  it('the Rising query reads only papers sampled lately, through the lastAt index', async () => {
    const db = openDb();
    await applySync(db, [fetchOf('hf-daily', JUNE.slice(0, 5))], { feeds: {} }, T0);
    await applySync(db, [fetchOf('hf-daily', JUNE.slice(3, 8))], { feeds: {} }, T0 + 30 * HOUR);
    await applySync(db, [fetchOf('hf-daily', JUNE.slice(6, 10))], { feeds: {} }, T0 + 31 * HOUR);
    const recent = await getRecentHistories(db, T0 + 6 * HOUR);
    // Papers 8 and 9, counted once, have one sample (their paper row): nothing to rise from yet.
    expect(recent.map((h) => h.id).sort()).toEqual([...JUNE.slice(3, 5), ...JUNE.slice(6, 8)].map((p) => p.id).sort());
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
    await applySync(db, [fetchOf('hf-daily', JUNE.slice(0, 2))], { feeds: {} }, T0 + HOUR);
    await db.feeds.clear();
    const ids = JUNE.slice(0, 2).map((p) => p.id);
    expect(await db.history.count()).toBe(2);
    expect(await deleteUnkeptPapers(db, ids, T0 + HOUR + 1)).toBe(2);
    expect(await getHistories(db, ids)).toEqual([undefined, undefined]);
  });
});
