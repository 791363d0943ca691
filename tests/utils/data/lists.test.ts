import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper, PaperboyDb } from '../../../utils/data/db';
import { countUnreadLive, getFeed } from '../../../utils/data/papers';
import { markRead } from '../../../utils/data/user-state';
import type { ArxivPaper } from '../../../utils/sync/sources/arxiv';
import { addArxivCategory, getArxivStatus, recordArxivError, removeArxivCategory, reserveArxivSlot, storeArxivFeed } from '../../../utils/data/arxiv-store';
import { countSaved, getHistory, getPapersByIds, getSaved, getSavedForExport } from '../../../utils/data/papers';
import { dismiss, toggleSaved, undismiss } from '../../../utils/data/user-state';
import { recordVisit } from '../../../utils/data/visits';
import { freshDb } from '../../support/harness';

let db: PaperboyDb;

function paper(id: string, fields: Partial<Paper> = {}): Paper {
  return { id, title: `Paper ${id}`, summary: '', authors: [], links: {}, source: 'hf', firstSeenAt: 1, ...fields };
}

beforeEach(async () => {
  db = freshDb();
  await db.papers.bulkPut(['a', 'b', 'c'].map((id) => paper(id)));
  await db.feeds.bulkPut(['a', 'b', 'c'].map((id, rank) => ({ feed: 'hf-trending' as const, rank, id })));
});

afterEach(async () => {
  await db.delete();
});

describe('saved and read lists', () => {
  it('saves, lists newest first, unsaves, and keeps read flags', async () => {
    await markRead(db, ['a'], 5);
    expect(await toggleSaved(db, 'a', 10)).toBe(true);
    expect(await toggleSaved(db, 'c', 20)).toBe(true);
    expect((await getSaved(db)).map((v) => v.paper.id)).toEqual(['c', 'a']);
    expect(await countSaved(db)).toBe(2);
    expect(await toggleSaved(db, 'a', 30)).toBe(false);
    expect((await getSaved(db)).map((v) => v.paper.id)).toEqual(['c']);
    expect(await db.userState.get('a')).toEqual({ id: 'a', readAt: 5, cleared: { savedAt: 30 } });
  });

  it('lists read history most recent first, bounded', async () => {
    await markRead(db, ['b'], 1);
    await markRead(db, ['c'], 2);
    await markRead(db, ['a'], 3);
    expect((await getHistory(db)).map((v) => [v.paper.id, v.rank])).toEqual([['a', 1], ['c', 2], ['b', 3]]);
    expect((await getHistory(db, 2)).map((v) => v.paper.id)).toEqual(['a', 'c']);
  });

  it('exports every saved paper with its save time', async () => {
    await toggleSaved(db, 'b', 42);
    const { papers, savedAt } = await getSavedForExport(db);
    expect(papers.map((p) => p.id)).toEqual(['b']);
    expect(savedAt.get('b')).toBe(42);
  });
});

describe('dismissing', () => {
  it('hides a paper everywhere and from the badge count, and undo brings it back', async () => {
    await toggleSaved(db, 'b', 1);
    expect(await countUnreadLive(db)).toBe(3);
    await dismiss(db, ['b'], 9);
    expect((await getFeed(db, 'hf-trending')).map((v) => v.paper.id)).toEqual(['a', 'c']);
    expect((await getPapersByIds(db, ['b', 'a'])).map((v) => v.paper.id)).toEqual(['a']);
    expect(await getSaved(db)).toEqual([]);
    expect(await countUnreadLive(db)).toBe(2);
    await undismiss(db, ['b'], 12);
    expect((await getFeed(db, 'hf-trending')).map((v) => v.paper.id)).toEqual(['a', 'b', 'c']);
    expect(await db.userState.get('b')).toEqual({ id: 'b', savedAt: 1, cleared: { dismissedAt: 12 } });
    expect(await countUnreadLive(db)).toBe(3);
  });

  it('undismissing a paper never dismissed writes nothing', async () => {
    await undismiss(db, ['a'], 12);
    expect(await db.userState.count()).toBe(0);
  });
});

describe('getPapersByIds', () => {
  it('keeps the order asked for, each ranked by its place in it, and skips unknown ids', async () => {
    expect((await getPapersByIds(db, ['c', 'nope', 'a'])).map((v) => [v.paper.id, v.rank])).toEqual([['c', 1], ['a', 3]]);
  });
});

describe('visits', () => {
  it('returns the previous visit and never moves backwards', async () => {
    expect(await recordVisit(db, 100)).toBeUndefined();
    expect(await recordVisit(db, 200)).toBe(100);
    expect(await recordVisit(db, 150)).toBe(200);
    expect(await recordVisit(db, 300)).toBe(200);
  });
});

describe('arXiv feeds', () => {
  const arxiv = (id: string, fields: Partial<ArxivPaper> = {}): ArxivPaper => ({
    id,
    title: `arXiv ${id}`,
    summary: `Abstract of ${id}`,
    authors: ['A. Author'],
    publishedAt: 1000,
    links: { arxiv: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}` },
    categories: ['cs.LG'],
    primaryCategory: 'cs.LG',
    ...fields,
  });

  it('stores a category feed, merging with the HF copy of the same paper', async () => {
    await db.papers.put(paper('a', { title: 'HF title', upvotes: 7, links: { hf: 'https://huggingface.co/papers/a' } }));
    await storeArxivFeed(db, 'cs.LG', [arxiv('new'), arxiv('a')], 50);
    const feed = await getFeed(db, 'arxiv:cs.LG');
    expect(feed.map((v) => v.paper.id)).toEqual(['new', 'a']);
    expect(feed[0]!.paper).toMatchObject({ source: 'arxiv', firstSeenAt: 50, primaryCategory: 'cs.LG' });
    expect(feed[1]!.paper).toMatchObject({
      title: 'HF title',
      upvotes: 7,
      source: 'hf',
      firstSeenAt: 1,
      summary: 'Abstract of a',
      authors: ['A. Author'],
      primaryCategory: 'cs.LG',
      links: { hf: 'https://huggingface.co/papers/a', arxiv: 'https://arxiv.org/abs/a', pdf: 'https://arxiv.org/pdf/a' },
    });
    expect(await getArxivStatus(db)).toMatchObject({ categories: ['cs.LG'], feeds: { 'cs.LG': { fetchedAt: 50, count: 2 } } });
    // arXiv feeds never count toward the badge.
    expect(await countUnreadLive(db)).toBe(3);
  });

  it('a refetch replaces membership; an error keeps it; removing drops the feed, not the papers', async () => {
    await storeArxivFeed(db, 'cs.CL', [arxiv('x'), arxiv('y')], 10);
    await storeArxivFeed(db, 'cs.CL', [arxiv('y')], 20);
    expect((await getFeed(db, 'arxiv:cs.CL')).map((v) => v.paper.id)).toEqual(['y']);
    await recordArxivError(db, 'cs.CL', 'arXiv did not answer', 30);
    expect((await getArxivStatus(db)).feeds['cs.CL']).toEqual({ fetchedAt: 20, count: 1, error: { message: 'arXiv did not answer', at: 30 } });
    expect((await getFeed(db, 'arxiv:cs.CL')).map((v) => v.paper.id)).toEqual(['y']);
    await removeArxivCategory(db, 'cs.CL');
    expect(await getFeed(db, 'arxiv:cs.CL')).toEqual([]);
    expect(await getArxivStatus(db)).toMatchObject({ categories: [], feeds: {} });
    expect(await db.papers.get('x')).toBeDefined();
  });

  it('adds a category once', async () => {
    await addArxivCategory(db, 'cs.LG');
    await addArxivCategory(db, 'cs.LG');
    expect((await getArxivStatus(db)).categories).toEqual(['cs.LG']);
  });

  it('spaces requests at least 3 s apart, however many pages ask at once', async () => {
    const waits = await Promise.all([reserveArxivSlot(db, 1000), reserveArxivSlot(db, 1000), reserveArxivSlot(db, 1500)]);
    expect([...waits].sort((a, b) => a - b)).toEqual([0, 3000, 5500]);
    // Long after the last one: no wait.
    expect(await reserveArxivSlot(db, 60_000)).toBe(0);
  });
});
