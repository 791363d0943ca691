import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper, PaperboyDb } from '../../../utils/data/db';
import { countUnreadLive, getFeed } from '../../../utils/data/papers';
import { markRead } from '../../../utils/data/user-state';
import type { ArxivPaper } from '../../../utils/sync/sources/arxiv';
import { addArxivCategory, getArxivStatus, recordArxivError, removeArxivCategory, reserveArxivSlot, storeArxivFeed } from '../../../utils/data/arxiv-store';
import { countSaved, getHistory, getPapersByIds, getSaved, getSavedForExport } from '../../../utils/data/papers';
import { dismiss, markUnread, revert, toggleRead, toggleSaved, undismiss } from '../../../utils/data/user-state';
import { getHidden, getSearchablePapers } from '../../../utils/data/papers';
import { getTabCounts } from '../../../utils/data/view-counts';
import { putSyncStatus } from '../../../utils/data/sync-status';
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
    expect((await toggleSaved(db, 'a', 10)).on).toBe(true);
    expect((await toggleSaved(db, 'c', 20)).on).toBe(true);
    expect((await getSaved(db)).map((v) => v.paper.id)).toEqual(['c', 'a']);
    expect(await countSaved(db)).toBe(2);
    expect((await toggleSaved(db, 'a', 30)).on).toBe(false);
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

describe('the Hidden list', () => {
  it('lists hidden papers most recently hidden first, with their state, until restored', async () => {
    await dismiss(db, ['a'], 10);
    await dismiss(db, ['c'], 20);
    await toggleSaved(db, 'c', 5);
    expect((await getHidden(db)).map((v) => [v.paper.id, v.state?.dismissedAt])).toEqual([['c', 20], ['a', 10]]);
    await undismiss(db, ['c'], 30);
    expect((await getHidden(db)).map((v) => v.paper.id)).toEqual(['a']);
  });
});

describe('undo', () => {
  it('reverts marking read, putting back each paper as it was, its original read time included', async () => {
    await markRead(db, ['a'], 5);
    const change = await markRead(db, ['a', 'b', 'c'], 10);
    expect(change).toEqual({ flag: 'readAt', before: [{ id: 'b' }, { id: 'c' }] });
    await revert(db, change, 12);
    expect(await db.userState.bulkGet(['a', 'b', 'c'])).toEqual([{ id: 'a', readAt: 5 }, { id: 'b', cleared: { readAt: 12 } }, { id: 'c', cleared: { readAt: 12 } }]);
  });

  it('reverts marking unread and a toggle back to the earlier time, and hiding back to shown', async () => {
    await markRead(db, ['a'], 5);
    await revert(db, await markUnread(db, ['a'], 6), 7);
    expect((await db.userState.get('a'))?.readAt).toBe(5);
    const toggled = await toggleRead(db, 'a', 9);
    expect(toggled.on).toBe(false);
    await revert(db, toggled.change, 10);
    expect((await db.userState.get('a'))?.readAt).toBe(5);
    await revert(db, await dismiss(db, ['b'], 7), 8);
    expect((await getFeed(db, 'hf-trending')).map((v) => v.paper.id)).toEqual(['a', 'b', 'c']);
    expect(await countUnreadLive(db)).toBe(2);
  });

  it('leaves a flag the user changed since alone only where the change did not touch it', async () => {
    const change = await markRead(db, ['a'], 10);
    await toggleSaved(db, 'a', 11);
    await revert(db, change, 12);
    expect(await db.userState.get('a')).toEqual({ id: 'a', savedAt: 11, cleared: { readAt: 12 } });
  });
});

describe('tab counts', () => {
  it('counts unread papers in a feed, hidden ones left out, and the papers of each user list', async () => {
    await markRead(db, ['a'], 1);
    await dismiss(db, ['b'], 2);
    await toggleSaved(db, 'c', 3);
    await toggleSaved(db, 'b', 4);
    const counts = await getTabCounts(db);
    expect(counts['hf-trending']).toBe(1);
    expect(counts.saved).toBe(1);
    expect(counts.hidden).toBe(1);
  });
});

describe('what search covers', () => {
  it('leaves out papers only the bundled snapshot supplied once a live sync succeeded, unless read or saved', async () => {
    await db.papers.bulkPut(['s1', 's2', 's3'].map((id) => paper(id, { source: 'bundled' })));
    const ids = async () => (await getSearchablePapers(db)).map((p) => p.id).sort();
    expect(await ids()).toEqual(['a', 'b', 'c', 's1', 's2', 's3']);
    await markRead(db, ['s1'], 1);
    await toggleSaved(db, 's2', 2);
    await putSyncStatus(db, { lastSuccessAt: 10, feeds: {} });
    expect(await ids()).toEqual(['a', 'b', 'c', 's1', 's2']);
  });
});

describe('getPapersByIds', () => {
  it('keeps the order asked for, each ranked by its place in it, and skips unknown ids', async () => {
    expect((await getPapersByIds(db, ['c', 'nope', 'a'])).map((v) => [v.paper.id, v.rank])).toEqual([['c', 1], ['a', 3]]);
  });
});

describe('visits', () => {
  it('returns the previous visit and never moves backwards', async () => {
    expect(await recordVisit(db, 'newtab', 100)).toBeUndefined();
    expect(await recordVisit(db, 'newtab', 200)).toBe(100);
    expect(await recordVisit(db, 'newtab', 150)).toBe(200);
    expect(await recordVisit(db, 'newtab', 300)).toBe(200);
  });

  it('keeps each page’s visits apart: a glance at the popup leaves the new tab’s new papers new', async () => {
    await recordVisit(db, 'newtab', 100);
    expect(await recordVisit(db, 'popup', 200)).toBeUndefined();
    expect(await recordVisit(db, 'popup', 300)).toBe(200);
    expect(await recordVisit(db, 'newtab', 400)).toBe(100);
  });

  it('starts each page from the visit both pages shared before', async () => {
    await db.meta.put({ key: 'last-visit', value: 50 });
    expect(await recordVisit(db, 'popup', 100)).toBe(50);
    expect(await recordVisit(db, 'newtab', 100)).toBe(50);
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
