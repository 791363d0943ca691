import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../utils/data/db';
import {
  bibtexKey,
  escapeBibTeX,
  paperYear,
  toBibTeX,
  toBibTeXList,
  toJsonExport,
  toMarkdownLink,
  toMarkdownList,
} from '../../../utils/triage/citation';

function paper(fields: Partial<Paper> & Pick<Paper, 'id' | 'title'>): Paper {
  return { summary: '', authors: [], links: {}, source: 'hf', firstSeenAt: 0, ...fields };
}

// From the recorded arXiv query (query_transformer_cs.LG.xml).
const mana = paper({
  id: '2606.13677',
  title: 'Mana: Dexterous Manipulation of Articulated Tools',
  authors: ['Zhao-Heng Yin', 'Guanya Shi', 'Pieter Abbeel', 'C. Karen Liu'],
  publishedAt: Date.parse('2026-06-11T17:59:49Z'),
  primaryCategory: 'cs.RO',
});

describe('toBibTeX against known-good entries', () => {
  it('writes an arXiv-style @misc entry', () => {
    expect(toBibTeX(mana)).toBe(
      [
        '@misc{yin2026mana,',
        '  title = {Mana: Dexterous Manipulation of Articulated Tools},',
        '  author = {Zhao-Heng Yin and Guanya Shi and Pieter Abbeel and C. Karen Liu},',
        '  year = {2026},',
        '  eprint = {2606.13677},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.RO},',
        '  url = {https://arxiv.org/abs/2606.13677}',
        '}',
      ].join('\n'),
    );
  });

  it('keeps an old-style id whole and leaves out what is unknown', () => {
    const old = paper({ id: 'quant-ph/0201082', title: 'Quantum Computers and Quantum Computer Languages', authors: ['Stephen Blaha'] });
    expect(toBibTeX(old)).toBe(
      [
        '@misc{blaha2002quantum,',
        '  title = {Quantum Computers and Quantum Computer Languages},',
        '  author = {Stephen Blaha},',
        '  year = {2002},',
        '  eprint = {quant-ph/0201082},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/quant-ph/0201082}',
        '}',
      ].join('\n'),
    );
  });

  it('escapes every LaTeX special character, once, and keeps braces balanced', () => {
    const hostile = paper({
      id: '2401.00001',
      title: 'Cost $5 & 100% of C# in a_b ~ x^2 {braces} \\path',
      authors: ['Ada {Evil} Lovelace', 'Google and DeepMind'],
      publishedAt: Date.parse('2024-01-02T00:00:00Z'),
    });
    const entry = toBibTeX(hostile);
    expect(entry).toContain(
      '  title = {Cost \\$5 \\& 100\\% of C\\# in a\\_b \\textasciitilde{} x\\textasciicircum{}2 \\{braces\\} \\textbackslash{}path},',
    );
    // A name containing the word "and" is braced so BibTeX does not split it into two authors.
    expect(entry).toContain('  author = {Ada \\{Evil\\} Lovelace and {Google and DeepMind}},');
    expect(entry.startsWith('@misc{lovelace2024cost,')).toBe(true);
    // Balanced: every unescaped brace has its partner.
    const unescaped = entry.replace(/\\[{}]/g, '');
    expect(unescaped.split('{').length).toBe(unescaped.split('}').length);
  });

  it('escapeBibTeX leaves ordinary and non-ASCII text alone', () => {
    expect(escapeBibTeX('Müller: état de l’art — 3×3')).toBe('Müller: état de l’art — 3×3');
  });
});

describe('bibtexKey and paperYear', () => {
  it('uses the first author’s last name, the year and the first non-stopword of the title', () => {
    expect(bibtexKey(paper({ id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] }))).toBe('vaswani2017attention');
    expect(bibtexKey(paper({ id: '2005.14165', title: 'The Few-Shot Learners', authors: ['Tom B. Brown Jr.'] }))).toBe('brown2020fewshot');
    expect(bibtexKey(paper({ id: '2401.00001', title: 'Über Ansätze', authors: ['José Müller'] }))).toBe('muller2024uber');
    expect(bibtexKey(paper({ id: '2401.00001', title: 'A Study', authors: [] }))).toBe('arxiv2024study');
  });

  it('takes the year from the publication date, else from the id', () => {
    expect(paperYear({ id: '2606.13677', publishedAt: Date.parse('2025-12-31T23:00:00Z') })).toBe(2025);
    expect(paperYear({ id: '9901.00001' })).toBe(1999);
    expect(paperYear({ id: 'hep-th/9901001' })).toBe(1999);
    expect(paperYear({ id: 'math.GT/0309136' })).toBe(2003);
  });

  it('gives colliding keys distinct suffixes in a list', () => {
    const a = paper({ id: '2401.00001', title: 'Scaling laws', authors: ['A Smith'] });
    const b = paper({ id: '2401.00002', title: 'Scaling up', authors: ['B Smith'] });
    const list = toBibTeXList([a, b, mana]);
    expect([...list.matchAll(/@misc\{([^,]+),/g)].map((m) => m[1])).toEqual(['smith2024scalinga', 'smith2024scalingb', 'yin2026mana']);
    expect(list.endsWith('}\n')).toBe(true);
  });
});

describe('Markdown and JSON', () => {
  it('links the arXiv page with an escaped title', () => {
    expect(toMarkdownLink(mana)).toBe('[Mana: Dexterous Manipulation of Articulated Tools](https://arxiv.org/abs/2606.13677)');
    expect(toMarkdownLink(paper({ id: '2401.00001', title: 'A [link](javascript:x) *bold* `code`' }))).toBe(
      '[A \\[link\\](javascript:x) \\*bold\\* \\`code\\`](https://arxiv.org/abs/2401.00001)',
    );
  });

  it('lists saved papers with authors and year', () => {
    expect(toMarkdownList([mana])).toBe(
      '- [Mana: Dexterous Manipulation of Articulated Tools](https://arxiv.org/abs/2606.13677) — Zhao-Heng Yin, Guanya Shi, Pieter Abbeel et al., 2026\n',
    );
    expect(toMarkdownList([])).toBe('');
  });

  it('exports JSON that parses back with the saved time', () => {
    const json = JSON.parse(toJsonExport([mana], () => Date.parse('2026-06-12T08:00:00Z'), Date.parse('2026-06-13T00:00:00Z')));
    expect(json).toMatchObject({ exportedAt: '2026-06-13T00:00:00.000Z', count: 1 });
    expect(json.papers[0]).toMatchObject({
      id: '2606.13677',
      year: 2026,
      url: 'https://arxiv.org/abs/2606.13677',
      primaryCategory: 'cs.RO',
      savedAt: '2026-06-12T08:00:00.000Z',
    });
  });
});
