import { describe, expect, it } from 'vitest';
import { recordedHfDay } from '../../fixtures/recorded';
import type { Paper } from '../../../utils/data/db';
import { createSearchIndex, search, updateSearchIndex } from '../../../utils/search/search-index';
import { parseDailyPapers } from '../../../utils/sync/sources/hf';

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

describe('search ranking', () => {
  const index = createSearchIndex(small);

  it('ranks a title match above an abstract match', () => {
    expect(search(index, 'diffusion')).toEqual(['2401.00001', '2401.00002']);
  });

  it('finds words by their beginning, as the user types', () => {
    expect(search(index, 'diffu')).toEqual(['2401.00001', '2401.00002']);
    expect(search(index, 'retr')).toEqual(['2401.00003']);
  });

  it('tolerates one typo (a letter missing, extra or wrong) in a word of 5 letters or more', () => {
    expect(search(index, 'difusion')).toEqual(['2401.00001', '2401.00002']);
    expect(search(index, 'retrieaval agents')).toEqual(['2401.00003']);
    expect(search(index, 'scaleng laws')).toEqual(['2401.00004']);
    // Short words match as typed: "grap" is a prefix, "grep" is not a typo allowance.
    expect(search(index, 'survey grep')).toEqual([]);
  });

  it('treats only the last word as a prefix: earlier words are complete', () => {
    expect(search(index, 'retr agents')).toEqual([]);
    expect(search(index, 'agents retr')).toEqual(['2401.00003']);
  });

  it('ignores stop words', () => {
    expect(search(index, 'the diffusion of')).toEqual(['2401.00001', '2401.00002']);
  });

  it('searches authors (accents folded) and AI keywords', () => {
    expect(search(index, 'muller')).toEqual(['2401.00003']);
    expect(search(index, 'Lovelace')).toEqual(['2401.00003']);
    expect(search(index, 'sparse routing')).toEqual(['2401.00004']);
  });

  it('needs every word to match', () => {
    expect(search(index, 'diffusion video')).toEqual(['2401.00001']);
    expect(search(index, 'diffusion scaling')).toEqual([]);
  });

  it('returns nothing for an empty query and honours the limit', () => {
    expect(search(index, '   ')).toEqual([]);
    expect(search(index, 'd')).toEqual([]);
    expect(search(index, 'diffusion', 1)).toEqual(['2401.00001']);
  });

  it('finds recorded HF papers by a distinctive title word and by author', () => {
    const real = createSearchIndex(recorded);
    const target = recorded[0]!;
    expect(search(real, 'familiarity annotation')[0]).toBe(target.id);
    expect(search(real, target.authors[1]!)).toContain(target.id);
  });
});

describe('updateSearchIndex', () => {
  it('adds new papers, re-indexes changed text, drops removed papers', () => {
    const index = createSearchIndex(small);
    const next = [
      ...small.slice(1, 3),
      { ...small[3]!, aiKeywords: ['speculative decoding'] },
      paper('2401.00005', { title: 'Tokenizer-free language models' }),
    ];
    expect(updateSearchIndex(index, next)).toEqual({ added: 1, changed: 1, removed: 1 });
    expect(search(index, 'tokenizer')).toEqual(['2401.00005']);
    expect(search(index, 'speculative')).toEqual(['2401.00004']);
    expect(search(index, 'routing')).toEqual([]);
    expect(search(index, 'video')).toEqual([]);
    // Nothing changed: nothing to do.
    expect(updateSearchIndex(index, next)).toEqual({ added: 0, changed: 0, removed: 0 });
  });

  it('ignores duplicate ids when building', () => {
    const index = createSearchIndex([small[0]!, small[0]!]);
    expect(index.mini.documentCount).toBe(1);
  });
});
