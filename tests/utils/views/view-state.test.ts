import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../utils/data/db';
import { type PaperView } from '../../../utils/data/papers';
import {
  applyView,
  DEFAULT_VIEW,
  filterViews,
  parseViewState,
  sortViews,
  topKeywords,
  viewStateToSearch,
  type ViewState,
} from '../../../utils/views/view-state';

function view(id: string, rank: number, fields: Partial<Paper> = {}, readAt?: number): PaperView {
  const paper: Paper = { id, title: id, summary: '', authors: [], links: {}, source: 'hf', firstSeenAt: 0, ...fields };
  return { paper, state: readAt ? { id, readAt } : undefined, rank };
}

const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
const list = [
  view('a', 1, { upvotes: 5, publishedAt: day('2026-06-01'), aiKeywords: ['Diffusion', 'video'] }),
  view('b', 2, { upvotes: 40, publishedAt: day('2026-06-10'), links: { code: 'https://github.com/x/y' }, aiKeywords: ['diffusion'] }, 1),
  view('c', 3, { upvotes: 12, featuredOn: '2026-06-05', links: { code: 'https://github.com/x/z' } }),
  view('d', 4, {}),
];
const ids = (views: PaperView[]) => views.map((v) => v.paper.id);
const state = (fields: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...fields });

describe('filterViews', () => {
  it('keeps everything with no filter', () => {
    expect(ids(filterViews(list, DEFAULT_VIEW))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters by unread, code, minimum upvotes and keyword (case-insensitive)', () => {
    expect(ids(filterViews(list, state({ unread: true })))).toEqual(['a', 'c', 'd']);
    expect(ids(filterViews(list, state({ code: true })))).toEqual(['b', 'c']);
    expect(ids(filterViews(list, state({ minUpvotes: 12 })))).toEqual(['b', 'c']);
    expect(ids(filterViews(list, state({ keyword: 'DIFFUSION' })))).toEqual(['a', 'b']);
  });

  it('filters by an inclusive date range on the arXiv date, else the featured day', () => {
    expect(ids(filterViews(list, state({ from: '2026-06-05' })))).toEqual(['b', 'c']);
    expect(ids(filterViews(list, state({ to: '2026-06-05' })))).toEqual(['a', 'c']);
    expect(ids(filterViews(list, state({ from: '2026-06-02', to: '2026-06-09' })))).toEqual(['c']);
  });

  it('combines filters with AND', () => {
    expect(ids(filterViews(list, state({ code: true, unread: true, minUpvotes: 10 })))).toEqual(['c']);
  });
});

describe('sortViews', () => {
  it('sorts by rank, by upvotes (unknown last), by newest (undated last)', () => {
    const shuffled = [list[2]!, list[0]!, list[3]!, list[1]!];
    expect(ids(sortViews(shuffled, 'rank'))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(sortViews(shuffled, 'upvotes'))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(sortViews(shuffled, 'newest'))).toEqual(['b', 'c', 'a', 'd']);
  });

  it('does not reorder its input', () => {
    const input = [...list].reverse();
    sortViews(input, 'rank');
    expect(ids(input)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('applyView filters then sorts', () => {
    expect(ids(applyView(list, state({ unread: true, sort: 'upvotes' })))).toEqual(['c', 'a', 'd']);
  });
});

describe('topKeywords', () => {
  it('counts keywords across papers, merging case', () => {
    expect(topKeywords(list)).toEqual([
      { keyword: 'Diffusion', count: 2 },
      { keyword: 'video', count: 1 },
    ]);
  });

  it('orders ties alphabetically whatever their case, and keeps the first `limit`', () => {
    const tagged = (id: string, aiKeywords: string[]) => ({ ...list[0]!, paper: { ...list[0]!.paper, id, aiKeywords } });
    const views = [tagged('x', ['Zeta', 'beta', 'Alpha', 'gamma']), tagged('y', ['gamma'])];
    expect(topKeywords(views)).toEqual([
      { keyword: 'gamma', count: 2 },
      { keyword: 'Alpha', count: 1 },
      { keyword: 'beta', count: 1 },
      { keyword: 'Zeta', count: 1 },
    ]);
    expect(topKeywords(views, 2).map((k) => k.keyword)).toEqual(['gamma', 'Alpha']);
  });
});

describe('view state in the URL', () => {
  it('round-trips a full view', () => {
    const full = state({ feed: 'arxiv:cs.LG', q: 'graph nets', keyword: 'diffusion', code: true, minUpvotes: 10, from: '2026-06-01', to: '2026-06-30', unread: true, sort: 'newest' });
    const search = viewStateToSearch(full);
    expect(search).toBe('?feed=arxiv%3Acs.LG&q=graph+nets&kw=diffusion&code=1&min=10&from=2026-06-01&to=2026-06-30&unread=1&sort=newest');
    expect(parseViewState(search)).toEqual(full);
  });

  it('writes nothing for the default view', () => {
    expect(viewStateToSearch(DEFAULT_VIEW)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
  });

  it('ignores values it does not know instead of failing', () => {
    expect(parseViewState('?feed=evil&sort=random&min=-3&from=yesterday&to=2026-13&code=yes&unread=true')).toEqual(DEFAULT_VIEW);
    expect(parseViewState('?feed=arxiv:cs.LG%20OR%20x').feed).toBeUndefined();
    expect(parseViewState('?feed=history').feed).toBe('history');
  });

  it('round-trips any view it wrote (property)', () => {
    const views = fc.record({
      feed: fc.constantFrom(undefined, 'hf-trending', 'hf-week', 'saved', 'arxiv:cs.CL'),
      q: fc.string({ maxLength: 50 }),
      keyword: fc.option(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== ''), { nil: undefined }),
      code: fc.boolean(),
      minUpvotes: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
      from: fc.constantFrom(undefined, '2026-01-01'),
      to: fc.constantFrom(undefined, '2026-12-31'),
      unread: fc.boolean(),
      sort: fc.constantFrom('rank', 'upvotes', 'newest'),
    }) as fc.Arbitrary<ViewState>;
    fc.assert(
      fc.property(views, (v) => {
        expect(parseViewState(viewStateToSearch(v))).toEqual(v);
      }),
    );
  });
});
