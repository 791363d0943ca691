import { afterEach, describe, expect, it } from 'vitest';
import type { PaperboyDb } from '../../../utils/data/db';
import { getCatchUp, getRising } from '../../../utils/data/discover';
import { applySync, loadBundled, type FeedFetch } from '../../../utils/data/feed-store';
import { loadForYouInput } from '../../../utils/data/for-you-store';
import { markRead } from '../../../utils/data/user-state';
import { getLastAway, recordVisit } from '../../../utils/data/visits';
import { parseDailyPapers, type ParsedPaper } from '../../../utils/sync/sources/hf';
import { recordedHfDay, seedSnapshotText } from '../../fixtures/recorded';
import { freshDb, T0 } from '../../support/harness';

const HOUR = 3_600_000;
const parsed = parseDailyPapers(recordedHfDay('2026-06-12'), 'https://huggingface.co');
if (!parsed.ok) throw new Error(parsed.reason);
const [a, b, c] = parsed.papers;
const daily = (...papers: ParsedPaper[]): FeedFetch[] => [{ feed: 'hf-daily', papers, skipped: 0 }];
const up = (paper: ParsedPaper, upvotes: number): ParsedPaper => ({ ...paper, upvotes });

const opened: PaperboyDb[] = [];
function openDb(): PaperboyDb {
  const db = freshDb();
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

describe('the worked-out views, read from the database', () => {
  it('For you ranks the bundled snapshot only until live papers are stored', async () => {
    const db = openDb();
    await loadBundled(db, JSON.parse(seedSnapshotText()), T0);
    const offline = await loadForYouInput(db, [], T0 + HOUR);
    expect(offline.candidates.length).toBeGreaterThan(0);
    expect(offline.candidates.every((p) => p.source === 'bundled')).toBe(true);
    await applySync(db, daily(a!, b!, c!), { feeds: {} }, T0 + HOUR);
    await markRead(db, [a!.id], T0 + HOUR);
    const live = await loadForYouInput(db, [], T0 + 2 * HOUR);
    expect(live.candidates.map((p) => p.id).sort()).toEqual([b!.id, c!.id].sort());
  });

  it('Rising: fastest over the last day first, each with its rate as the reason; a paper without gain is left out', async () => {
    const db = openDb();
    await applySync(db, daily(up(a!, 10), up(b!, 10), up(c!, 10)), { feeds: {} }, T0);
    await applySync(db, daily(up(a!, 14), up(b!, 40), up(c!, 10)), { feeds: {} }, T0 + 2 * HOUR);
    const rising = await getRising(db, T0 + 2 * HOUR);
    expect(rising.map((v) => v.paper.id)).toEqual([b!.id, a!.id]);
    expect(rising.map((v) => v.reason)).toEqual(['Rising: +15 upvotes an hour', 'Rising: +2.0 upvotes an hour']);
  });

  it('Catch-up: what a feed listed since the absence began, most upvoted first, read papers included', async () => {
    const db = openDb();
    await recordVisit(db, 'newtab', T0);
    await applySync(db, daily(up(a!, 5), up(b!, 50), up(c!, 20)), { feeds: {} }, T0 + 30 * HOUR);
    await markRead(db, [c!.id], T0 + 30 * HOUR);
    await recordVisit(db, 'newtab', T0 + 60 * HOUR);
    expect(await getLastAway(db)).toEqual({ from: T0, to: T0 + 60 * HOUR });
    const caught = await getCatchUp(db, T0 + 60 * HOUR);
    expect(caught.map((v) => v.paper.id)).toEqual([b!.id, c!.id, a!.id]);
    expect(caught[1]!.state?.readAt).toBe(T0 + 30 * HOUR);
  });

  it('a visit within a few hours of the last is no absence', async () => {
    const db = openDb();
    await recordVisit(db, 'newtab', T0);
    await recordVisit(db, 'newtab', T0 + 3 * HOUR);
    expect(await getLastAway(db)).toBeUndefined();
  });
});
