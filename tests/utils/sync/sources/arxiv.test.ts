// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { recordedAtom } from '../../../fixtures/recorded';
import { categoryQueryPath, parseArxivAtom } from '../../../../utils/sync/sources/arxiv';

const fixture = recordedAtom;

describe('parseArxivAtom on the recorded arXiv answers', () => {
  it('reads a 5-entry category query: versionless ids, authors, dates, categories', () => {
    const result = parseArxivAtom(fixture('query_transformer_cs.LG.xml'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.total).toBe(28946);
    expect(result.skipped).toBe(0);
    expect(result.papers.map((p) => p.id)).toEqual(['2606.13677', '2606.13591', '2606.13568', '2606.13515', '2606.13501']);
    const mana = result.papers[0]!;
    expect(mana.title).toBe('Mana: Dexterous Manipulation of Articulated Tools');
    expect(mana.authors).toEqual(['Zhao-Heng Yin', 'Guanya Shi', 'Pieter Abbeel', 'C. Karen Liu']);
    expect(mana.publishedAt).toBe(Date.parse('2026-06-11T17:59:49Z'));
    expect(mana.primaryCategory).toBe('cs.RO');
    expect(mana.categories).toEqual(['cs.RO', 'cs.AI', 'cs.CV', 'cs.LG']);
    expect(mana.links).toEqual({ arxiv: 'https://arxiv.org/abs/2606.13677', pdf: 'https://arxiv.org/pdf/2606.13677' });
    // The abstract is whitespace-normalised and its entity (&lt;) decoded, as text.
    expect(mana.summary).toContain('(<1 minute per tool)');
    expect(mana.summary).not.toMatch(/\n|\s{2}/);
  });

  it('reads a single-id lookup with the version stripped', () => {
    const result = parseArxivAtom(fixture('id_2104.12255v1_s0_m100_6ae69987ffe1.xml'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]).toMatchObject({ id: '2104.12255', title: '0', authors: ['Quan Thoi Minh Nguyen'], primaryCategory: 'cs.CR' });
  });

  it('keeps an old-style id with its slash', () => {
    const result = parseArxivAtom(fixture('id_quant-ph_0201082v1_s0_m100_86989fe779ef.xml'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.papers.map((p) => p.id)).toEqual(['quant-ph/0201082']);
    expect(result.papers[0]!.categories).toEqual(['quant-ph', 'cs.PL']);
    expect(result.papers[0]!.links.pdf).toBe('https://arxiv.org/pdf/quant-ph/0201082');
    expect(result.papers[0]!.summary.startsWith('We show')).toBe(true);
  });

  it('returns only the known id when arXiv omits an unknown one', () => {
    const result = parseArxivAtom(fixture('id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.xml'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.papers.map((p) => p.id)).toEqual(['1707.08567']);
    expect(result.papers[0]!.authors.length).toBeGreaterThan(20);
  });

  it('turns the error feed into a readable failure instead of a paper titled "Error"', () => {
    expect(parseArxivAtom(fixture('id_abc_s0_m100_b79c8dcf6bc3.xml'))).toEqual({
      ok: false,
      reason: 'arXiv refused the query: incorrect id format for abc',
    });
  });
});

describe('parseArxivAtom on hostile or broken input', () => {
  const feed = (entries: string, prefix = '') =>
    `<?xml version="1.0"?><${prefix}feed xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://www.w3.org/2005/Atom" xmlns:ax="http://arxiv.org/schemas/atom">${entries}</${prefix}feed>`;

  it('finds elements by namespace, whatever the prefixes', () => {
    const xml = feed(
      '<a:entry><a:id>http://arxiv.org/abs/2401.00001v3</a:id><a:title>T</a:title><a:summary>S</a:summary><ax:primary_category term="cs.CL"/></a:entry>',
      'a:',
    );
    const result = parseArxivAtom(xml);
    expect(result.ok && result.papers.map((p) => [p.id, p.primaryCategory])).toEqual([['2401.00001', 'cs.CL']]);
  });

  it('ignores elements of other namespaces that share a local name', () => {
    const xml = feed('<entry><id>http://arxiv.org/abs/2401.00001</id><x:title xmlns:x="urn:other">Wrong</x:title><title>Right</title></entry>');
    const result = parseArxivAtom(xml);
    expect(result.ok && result.papers[0]?.title).toBe('Right');
  });

  it('skips entries without a usable id or title, and duplicates', () => {
    const xml = feed(
      '<entry><id>http://example.com/x</id><title>No id</title></entry>' +
        '<entry><id>http://arxiv.org/abs/2401.00002v1</id><title>  </title></entry>' +
        '<entry><id>http://arxiv.org/abs/2401.00003v1</id><title>Kept &lt;script&gt;</title></entry>' +
        '<entry><id>http://arxiv.org/abs/2401.00003v2</id><title>Duplicate</title></entry>',
    );
    const result = parseArxivAtom(xml);
    expect(result).toMatchObject({ ok: true, skipped: 3 });
    expect(result.ok && result.papers.map((p) => p.title)).toEqual(['Kept <script>']);
  });

  it.each([
    ['HTML', '<!doctype html><html><body>Rate limited</body></html>'],
    ['truncated XML', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>'],
    ['an empty body', ''],
    ['a non-Atom root', '<rss><channel/></rss>'],
  ])('refuses %s without throwing', (_name, body) => {
    const result = parseArxivAtom(body);
    expect(result.ok).toBe(false);
  });

  it('reads an empty result as no papers, not a failure', () => {
    expect(parseArxivAtom(feed(''))).toEqual({ ok: true, papers: [], skipped: 0 });
  });
});

describe('categoryQueryPath', () => {
  it('asks for the newest papers of a category', () => {
    expect(categoryQueryPath('cs.LG')).toBe(
      '/api/query?search_query=cat%3Acs.LG&sortBy=submittedDate&sortOrder=descending&start=0&max_results=100',
    );
  });
});
