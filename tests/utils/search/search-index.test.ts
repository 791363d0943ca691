import { beforeAll, describe, expect, it } from 'vitest';
import { recordedHfDay } from '../../fixtures/recorded';
import type { Paper } from '../../../utils/data/db';
import { createSearchIndex, search } from '../../../utils/search/search-index';
import { parseDailyPapers } from '../../../utils/sync/sources/hf';
import { persistedSearch } from './persisted';

const items = recordedHfDay('2026-06-12');
const parsed = parseDailyPapers(items, 'https://huggingface.co');
if (!parsed.ok) throw new Error(parsed.reason);
const recorded: Paper[] = parsed.papers.map((p) => ({ ...p, source: 'hf', firstSeenAt: 0 }));

function paper(id: string, fields: Partial<Paper>): Paper {
  return { id, title: '', summary: '', authors: [], links: {}, source: 'hf', firstSeenAt: 0, ...fields };
}

const small = [
  paper('2401.00001', { title: 'Diffusion models for video', summary: 'We study generation.' }),
  paper('2401.00002', { title: 'A survey of graph networks', summary: 'Diffusion on graphs is one topic among many.' }),
  paper('2401.00003', { title: 'Retrieval for agents', summary: 'Tools.', authors: ['José Müller', 'Ada Lovelace'] }),
  paper('2401.00004', { title: 'Scaling laws', summary: 'Compute.', aiKeywords: ['mixture-of-experts', 'sparse routing'] }),
];

type Search = (query: string, limit?: number) => Promise<string[]>;

/** The same behaviour from the index held in memory and from the one kept in the database. */
const engines: [string, (papers: Paper[]) => Promise<Search>][] = [
  [
    'in memory',
    async (papers) => {
      const mini = createSearchIndex(papers);
      return async (query, limit) => search(mini, query, limit);
    },
  ],
  ['persisted', persistedSearch],
];

describe.each(engines)('search ranking (%s)', (_name, build) => {
  let find: Search;
  beforeAll(async () => {
    find = await build(small);
  });


  it('ranks a title match above an abstract match', async () => {
    expect(await find('diffusion')).toEqual(['2401.00001', '2401.00002']);
  });

  it('finds words by their beginning, as the user types', async () => {
    expect(await find('diffu')).toEqual(['2401.00001', '2401.00002']);
    expect(await find('retr')).toEqual(['2401.00003']);
  });

  it('tolerates one typo (a letter missing, extra or wrong) in a word of 5 letters or more', async () => {
    expect(await find('difusion')).toEqual(['2401.00001', '2401.00002']);
    expect(await find('retrieaval agents')).toEqual(['2401.00003']);
    expect(await find('scaleng laws')).toEqual(['2401.00004']);
    // Short words match as typed: "grap" is a prefix, "grep" is not a typo allowance.
    expect(await find('survey grep')).toEqual([]);
  });

  it('treats only the last word as a prefix: earlier words are complete', async () => {
    expect(await find('retr agents')).toEqual([]);
    expect(await find('agents retr')).toEqual(['2401.00003']);
  });

  it('ignores stop words', async () => {
    expect(await find('the diffusion of')).toEqual(['2401.00001', '2401.00002']);
  });

  it('searches authors (accents folded) and AI keywords', async () => {
    expect(await find('muller')).toEqual(['2401.00003']);
    expect(await find('Lovelace')).toEqual(['2401.00003']);
    expect(await find('sparse routing')).toEqual(['2401.00004']);
  });

  it('needs every word to match', async () => {
    expect(await find('diffusion video')).toEqual(['2401.00001']);
    expect(await find('diffusion scaling')).toEqual([]);
  });

  it('returns nothing for an empty query and honours the limit', async () => {
    expect(await find('   ')).toEqual([]);
    expect(await find('d')).toEqual([]);
    expect(await find('diffusion', 1)).toEqual(['2401.00001']);
  });

  it('finds recorded HF papers by a distinctive title word and by author', async () => {
    const real = await build(recorded);
    const target = recorded[0]!;
    expect((await real('familiarity annotation'))[0]).toBe(target.id);
    expect(await real(target.authors[1]!)).toContain(target.id);
  });
});

describe('createSearchIndex', () => {
  it('ignores duplicate ids when building', () => {
    expect(createSearchIndex([small[0]!, small[0]!]).documentCount).toBe(1);
  });
});
