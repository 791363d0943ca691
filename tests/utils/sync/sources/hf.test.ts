import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LIMITS, parseDailyPapers, type ParsedPaper, type ParseResult } from '../../../../utils/sync/sources/hf';
import { safeUrl } from '../../../../utils/platform/url';
import { recordedHfDay as hfDay, recordedHfFiles as hfFixtures, type RawItem } from '../../../fixtures/recorded';

const ORIGIN = 'http://127.0.0.1:41731';
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Za-z-]{2})?\/\d{7})$/;

// ---- What every parsed paper must look like, whatever came in. ----

/** One line of display text: trimmed, no line breaks, tabs or double spaces, capped. */
const line = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max),
    v.check((s) => s === s.trim() && !/[\r\n\t\f\v]| {2}/.test(s), 'not one clean line'),
    v.check((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s), 'control characters'),
  );
const nonEmptyLine = (max: number) => v.pipe(line(max), v.minLength(1));
const link = v.pipe(
  v.string(),
  v.check((s) => safeUrl(s) === s, 'link not approved by safeUrl'),
);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const ParsedPaperSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ARXIV_ID)),
  title: nonEmptyLine(LIMITS.title),
  summary: line(LIMITS.summary),
  authors: v.pipe(v.array(nonEmptyLine(LIMITS.authorName)), v.maxLength(LIMITS.authors)),
  publishedAt: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  featuredOn: v.optional(v.pipe(v.string(), v.isoDate())),
  upvotes: v.optional(count),
  comments: v.optional(count),
  aiSummary: v.optional(nonEmptyLine(LIMITS.aiSummary)),
  aiKeywords: v.optional(v.pipe(v.array(nonEmptyLine(LIMITS.keyword)), v.minLength(1), v.maxLength(LIMITS.keywords))),
  links: v.strictObject({
    hf: v.optional(link),
    arxiv: link,
    pdf: link,
    code: v.optional(link),
    project: v.optional(link),
  }),
  thumbnail: v.optional(link),
  githubStars: v.optional(count),
  organization: v.optional(nonEmptyLine(LIMITS.organization)),
});

function expectValidPaper(paper: ParsedPaper): void {
  const result = v.safeParse(ParsedPaperSchema, paper);
  expect(result.issues?.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`) ?? []).toEqual([]);
  // Stored rows never carry `key: undefined` (it would make upserts non-idempotent).
  expect(Object.values(paper)).not.toContain(undefined);
  expect(Object.values(paper.links)).not.toContain(undefined);
  expect(paper.links.arxiv).toBe(`https://arxiv.org/abs/${paper.id}`);
  expect(paper.links.pdf).toBe(`https://arxiv.org/pdf/${paper.id}`);
}

function parsed(json: unknown, origin = ORIGIN): { papers: ParsedPaper[]; skipped: number } {
  const result = parseDailyPapers(json, origin);
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result;
}

/** The one paper a one-item body yields. */
function only(item: unknown): ParsedPaper {
  const { papers, skipped } = parsed([item]);
  expect(skipped).toBe(0);
  expect(papers).toHaveLength(1);
  return papers[0]!;
}

const fixtures = hfFixtures();
const allItems = fixtures.flatMap((f) => f.items);
const item = (): RawItem => structuredClone(hfDay('2026-06-12')[0]!);

describe('parseDailyPapers on every recorded response', () => {
  it('finds the recorded fixtures', () => {
    expect(fixtures.map((f) => f.name)).toEqual(['daily_papers_2026-06-12.json', 'daily_papers_2026-08-03.json']);
    expect(allItems).toHaveLength(33);
  });

  describe.each(fixtures)('$name', ({ items }) => {
    const { papers, skipped } = parsed(items);
    const pairs = items.map((raw, i) => [raw, papers[i]!] as const);

    it('parses every item, in order, with ids equal to paper.id', () => {
      expect(skipped).toBe(0);
      expect(papers).toHaveLength(items.length);
      expect(papers.map((p) => p.id)).toEqual(items.map((raw) => raw.paper.id));
    });

    it('produces papers of the stored shape', () => {
      for (const paper of papers) expectValidPaper(paper);
    });

    it('keeps titles on one line and equal to the item title', () => {
      for (const [raw, paper] of pairs) {
        expect(paper.title).not.toMatch(/\n| {2}/);
        expect(paper.title).toBe((raw.title as string).replace(/\s+/g, ' ').trim());
      }
    });

    it('offers only http(s) links, the HF one on the origin passed in', () => {
      for (const [raw, paper] of pairs) {
        for (const url of [...Object.values(paper.links), paper.thumbnail].filter((u) => u !== undefined)) {
          expect(new URL(url).protocol).toMatch(/^https?:$/);
        }
        expect(paper.links.hf).toBe(`${ORIGIN}/papers/${raw.paper.id}`);
        expect(paper.links.code).toBe(raw.paper.githubRepo);
        expect(paper.links.project).toBe(raw.paper.projectPage);
        expect(paper.thumbnail).toBe(raw.thumbnail);
      }
      expect(parsed(items, 'https://huggingface.co').papers[0]!.links.hf).toBe(`https://huggingface.co/papers/${items[0]!.paper.id}`);
    });

    it('maps the AI summary and keywords when present', () => {
      for (const [raw, paper] of pairs) {
        const aiSummary = raw.paper.ai_summary as string | undefined;
        if (aiSummary) expect(paper.aiSummary).toBe(aiSummary.replace(/\s+/g, ' ').trim());
        else expect(paper).not.toHaveProperty('aiSummary');
        const keywords = raw.paper.ai_keywords as string[] | undefined;
        if (keywords?.length) expect(paper.aiKeywords).toEqual([...new Set(keywords)].slice(0, LIMITS.keywords));
      }
    });

    it('lists the visible authors by name', () => {
      for (const [raw, paper] of pairs) {
        expect(paper.authors).toEqual(raw.paper.authors.filter((a) => !a.hidden).map((a) => a.name));
      }
    });

    it('takes the featured day, upvotes, comments, dates and organisation from the right fields', () => {
      for (const [raw, paper] of pairs) {
        expect(paper.featuredOn).toBe((raw.paper.submittedOnDailyAt as string).slice(0, 10));
        expect(paper.upvotes).toBe(raw.paper.upvotes);
        expect(paper.comments).toBe(raw.numComments);
        expect(paper.publishedAt).toBe(Date.parse(raw.paper.publishedAt as string));
        const org = raw.paper.organization as { fullname?: string } | undefined;
        expect(paper.organization).toBe(org?.fullname);
        if (raw.paper.githubRepo) expect(paper.githubStars).toBe(raw.paper.githubStars);
      }
    });
  });

  it('excludes hidden authors (one is hidden in the 2026-06-12 recording)', () => {
    const raw = allItems.find((i) => i.paper.authors.some((a) => a.hidden))!;
    const hidden = raw.paper.authors.find((a) => a.hidden)!.name as string;
    const paper = only(raw);
    expect(paper.authors).not.toContain(hidden);
    expect(paper.authors).toHaveLength(raw.paper.authors.length - 1);
  });

  it('makes the same papers from the same body (pure)', () => {
    expect(parseDailyPapers(allItems, ORIGIN)).toEqual(parseDailyPapers(structuredClone(allItems), ORIGIN));
  });
});

describe('parseDailyPapers on drifted and hostile items', () => {
  it.each([
    ['null', null],
    ['an object', { papers: [] }],
    ['a string', '[]'],
    ['a number', 42],
    ['a boolean', true],
    ['undefined', undefined],
  ])('refuses a body that is not a list: %s', (_label, body) => {
    const result = parseDailyPapers(body, ORIGIN);
    expect(result.ok).toBe(false);
    expect((result as Extract<ParseResult, { ok: false }>).reason).toMatch(/list/);
  });

  it('reads an empty list as no papers, nothing skipped', () => {
    expect(parseDailyPapers([], ORIGIN)).toEqual({ ok: true, papers: [], skipped: 0 });
  });

  it('skips an item without paper.id and keeps the others', () => {
    const items = hfDay('2026-08-03');
    delete (items[1]!.paper as Partial<RawItem['paper']>).id;
    const { papers, skipped } = parsed(items);
    expect(skipped).toBe(1);
    expect(papers.map((p) => p.id)).toEqual([items[0]!.paper.id, items[2]!.paper.id]);
  });

  it.each([
    ['a number id', (i: RawItem) => (i.paper.id = 2606.00467 as unknown as string)],
    ['a null paper', (i: RawItem) => ((i as { paper: unknown }).paper = null)],
    ['a string paper', (i: RawItem) => ((i as { paper: unknown }).paper = '2606.00467')],
    ['an id that is no arXiv id', (i: RawItem) => (i.paper.id = '../../etc/passwd')],
    ['an id with markup', (i: RawItem) => (i.paper.id = '<img src=x onerror=alert(1)>')],
    ['a truncated id', (i: RawItem) => (i.paper.id = '2606.004')],
    ['no title anywhere', (i: RawItem) => { delete i.title; delete i.paper.title; }],
    ['titles of the wrong type', (i: RawItem) => { i.title = 42; i.paper.title = ['x']; }],
    ['blank titles', (i: RawItem) => { i.title = ' \n '; i.paper.title = '\u200b'; }],
  ])('skips an item with %s', (_label, mutate) => {
    const bad = item();
    mutate(bad);
    const good = hfDay('2026-08-03')[0]!;
    const { papers, skipped } = parsed([bad, good]);
    expect(skipped).toBe(1);
    expect(papers.map((p) => p.id)).toEqual([good.paper.id]);
  });

  it('falls back to paper.title when item.title is missing, of the wrong type or blank', () => {
    for (const title of [undefined, 42, '', '   ']) {
      const raw = item();
      raw.title = title;
      expect(only(raw).title).toBe(raw.paper.title);
    }
  });

  it('drops a field of the wrong type but keeps the paper', () => {
    const raw = item();
    raw.paper.upvotes = '12';
    raw.numComments = null;
    raw.paper.authors = 'Ada Lovelace' as unknown as RawItem['paper']['authors'];
    raw.paper.ai_summary = { text: 'x' };
    raw.paper.publishedAt = 1_780_000_000_000;
    raw.paper.submittedOnDailyAt = 'yesterday';
    raw.paper.organization = 'caltech';
    raw.thumbnail = 7;
    const paper = only(raw);
    expect(paper.id).toBe('2606.00467');
    expect(paper.authors).toEqual([]);
    for (const key of ['upvotes', 'comments', 'aiSummary', 'publishedAt', 'featuredOn', 'organization', 'thumbnail']) {
      expect(paper).not.toHaveProperty(key);
    }
    expectValidPaper(paper);
  });

  it('keeps only the string keywords, deduplicated', () => {
    const raw = item();
    raw.paper.ai_keywords = ['LLM', 42, null, { k: 'x' }, ['y'], 'LLM', '  rescue\nrate ', '', 'BERTScore'];
    expect(only(raw).aiKeywords).toEqual(['LLM', 'rescue rate', 'BERTScore']);
  });

  it('skips malformed authors one by one', () => {
    const raw = item();
    (raw.paper as Record<string, unknown>).authors = [
      { name: 'Ada Lovelace', hidden: false },
      { name: 42 },
      null,
      'Alan Turing',
      { name: 'Hidden Person', hidden: true },
      { name: 'Grace\n  Hopper', hidden: 'no' },
      { name: '   ' },
    ];
    expect(only(raw).authors).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('ignores extra fields', () => {
    const raw = item() as RawItem & Record<string, unknown>;
    raw.brandNewField = { nested: [1, 2, 3] };
    raw.paper.somethingElse = 'x';
    raw.paper.upvotesV2 = 999;
    const paper = only(raw);
    expect(paper).toEqual(only(item()));
    expectValidPaper(paper);
  });

  it('caps huge strings and lists at LIMITS', () => {
    const raw = item();
    const huge = 'word '.repeat(100_000);
    raw.title = huge;
    raw.paper.summary = huge;
    raw.paper.ai_summary = huge;
    raw.paper.ai_keywords = Array.from({ length: 500 }, (_, i) => `keyword ${i} ${'k'.repeat(200)}`);
    raw.paper.authors = Array.from({ length: 5000 }, (_, i) => ({ name: `Author ${i} ${'n'.repeat(500)}`, hidden: false }));
    raw.paper.organization = { name: huge, fullname: huge };
    const paper = only(raw);
    expect(paper.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(paper.title.endsWith('…')).toBe(true);
    expect(paper.summary.length).toBeLessThanOrEqual(LIMITS.summary);
    expect(paper.aiSummary!.length).toBeLessThanOrEqual(LIMITS.aiSummary);
    expect(paper.organization!.length).toBeLessThanOrEqual(LIMITS.organization);
    expect(paper.authors).toHaveLength(LIMITS.authors);
    expect(Math.max(...paper.authors.map((a) => a.length))).toBeLessThanOrEqual(LIMITS.authorName);
    expect(paper.aiKeywords).toHaveLength(LIMITS.keywords);
    expect(Math.max(...paper.aiKeywords!.map((k) => k.length))).toBeLessThanOrEqual(LIMITS.keyword);
    expectValidPaper(paper);
  });

  it('never cuts a title inside a surrogate pair', () => {
    const raw = item();
    raw.title = `${'a'.repeat(LIMITS.title - 2)}😀😀😀`;
    const { title } = only(raw);
    expect(title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(title).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('keeps markup in titles as literal text and strips bidi overrides', () => {
    const raw = item();
    raw.title = '<img src=x onerror="alert(1)"> <b>Bold</b> &amp; \u202eevil\u202c';
    raw.paper.ai_summary = '<script>alert(1)</script>';
    const paper = only(raw);
    expect(paper.title).toBe('<img src=x onerror="alert(1)"> <b>Bold</b> &amp; evil');
    expect(paper.aiSummary).toBe('<script>alert(1)</script>');
  });

  it.each([
    'javascript:alert(1)',
    '  JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.com/x',
    '/relative/path',
    'https://user:pw@evil.com/',
  ])('drops the link %j from githubRepo, projectPage and thumbnail', (url) => {
    const raw = item();
    raw.paper.githubRepo = url;
    raw.paper.githubStars = 5;
    raw.paper.projectPage = url;
    raw.thumbnail = url;
    const paper = only(raw);
    expect(Object.keys(paper.links).sort()).toEqual(['arxiv', 'hf', 'pdf']);
    expect(paper).not.toHaveProperty('thumbnail');
    expect(paper).not.toHaveProperty('githubStars');
  });

  it('merges duplicates: first place kept, gaps filled from later copies, skipped counts only bad items', () => {
    const [a, b] = hfDay('2026-08-03');
    const first = structuredClone(a!);
    delete first.paper.ai_summary;
    delete first.paper.projectPage;
    const later = structuredClone(a!);
    later.paper.ai_summary = 'Filled in later.';
    later.title = 'A different later title';
    const broken = structuredClone(b!);
    delete (broken.paper as Partial<RawItem['paper']>).id;
    const { papers, skipped } = parsed([first, b, broken, later, b]);
    expect(skipped).toBe(1);
    expect(papers.map((p) => p.id)).toEqual([a!.paper.id, b!.paper.id]);
    expect(papers[0]!.title).toBe(a!.title);
    expect(papers[0]!.aiSummary).toBe('Filled in later.');
    expect(papers[0]!.links.project).toBe(a!.paper.projectPage);
  });

  it('reads 2024-era items: no submittedOnDailyAt, no item.summary, hard-wrapped titles', () => {
    const raw = item() as RawItem & { submittedBy: Record<string, unknown> };
    delete raw.paper.submittedOnDailyAt;
    delete raw.summary;
    delete raw.isAuthorParticipating;
    delete raw.submittedBy._id;
    raw.title = 'Sigmoid Loss for Language Image Pre-Training:\n  an Alternative for\n  Contrastive Loss';
    raw.paper.title = raw.title;
    raw.paper.summary = 'We propose a simple pairwise\n Sigmoid loss for\n  Language-Image Pre-training.';
    const paper = only(raw);
    expect(paper.title).toBe('Sigmoid Loss for Language Image Pre-Training: an Alternative for Contrastive Loss');
    expect(paper.summary).toBe('We propose a simple pairwise Sigmoid loss for Language-Image Pre-training.');
    expect(paper).not.toHaveProperty('featuredOn');
    expectValidPaper(paper);
  });

  it('takes the abstract from item.summary when paper.summary is missing or blank', () => {
    const raw = item();
    raw.paper.summary = '  ';
    raw.summary = 'From the item.';
    expect(only(raw).summary).toBe('From the item.');
  });

  it('accepts bare items (no paper wrapper), as the search endpoint sends them', () => {
    const wrapped = item();
    const bare = structuredClone(wrapped.paper);
    const paper = only(bare);
    expect(paper.id).toBe(wrapped.paper.id);
    expect(paper.title).toBe(wrapped.paper.title);
    expect(paper.authors).toEqual(only(wrapped).authors);
    expect(paper.featuredOn).toBe('2026-06-12');
  });

  it.each([
    ['hep-th/9901001', 'hep-th/9901001'],
    ['math.GT/0309136v2', 'math.GT/0309136'],
    ['2606.13594v2', '2606.13594'],
    ['2606.13594v12', '2606.13594'],
    ['arXiv:2606.13594', '2606.13594'],
    [' 1706.03762 ', '1706.03762'],
    ['0704.0001', '0704.0001'],
  ])('normalises the arXiv id %j to %j', (id, key) => {
    const raw = item();
    raw.paper.id = id;
    const paper = only(raw);
    expect(paper.id).toBe(key);
    expect(paper.links.arxiv).toBe(`https://arxiv.org/abs/${key}`);
    expect(paper.links.hf).toBe(`${ORIGIN}/papers/${key}`);
  });

  it('merges a versioned copy with the bare id', () => {
    const a = item();
    const b = item();
    b.paper.id = `${a.paper.id}v3`;
    const { papers } = parsed([a, b]);
    expect(papers.map((p) => p.id)).toEqual([a.paper.id]);
  });

  it('drops dates that are not real days', () => {
    for (const date of ['1969-12-31T00:00:00Z', '+010000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', 'not a date']) {
      const raw = item();
      raw.paper.submittedOnDailyAt = date;
      raw.paper.publishedAt = date;
      const paper = only(raw);
      expect(paper).not.toHaveProperty('featuredOn');
      expect(paper).not.toHaveProperty('publishedAt');
    }
  });

  it('clamps counts to whole numbers ≥ 0', () => {
    const raw = item();
    raw.paper.upvotes = -5;
    raw.numComments = 2.6;
    const paper = only(raw);
    expect(paper.upvotes).toBe(0);
    expect(paper.comments).toBe(3);
  });

  it('is not fooled by __proto__ keys', () => {
    const body = JSON.parse(
      `[{"__proto__":{"title":"Injected"},"paper":{"id":"2606.13594","__proto__":{"title":"Injected too"}}},` +
        `{"paper":{"id":"2606.00467","title":"Real","__proto__":{"authors":[{"name":"Mallory"}]}}}]`,
    ) as unknown;
    const { papers, skipped } = parsed(body);
    expect(skipped).toBe(1);
    expect(papers).toHaveLength(1);
    expect(papers[0]!.title).toBe('Real');
    expect(papers[0]!.authors).toEqual([]);
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });
});

// ---- Properties ----

/** Places in an item where drift can strike. */
const PATHS: (string | number)[][] = [
  ['paper'],
  ['paper', 'id'],
  ['paper', 'title'],
  ['title'],
  ['paper', 'summary'],
  ['summary'],
  ['paper', 'authors'],
  ['paper', 'authors', 0],
  ['paper', 'authors', 0, 'name'],
  ['paper', 'authors', 0, 'hidden'],
  ['paper', 'publishedAt'],
  ['paper', 'submittedOnDailyAt'],
  ['paper', 'upvotes'],
  ['numComments'],
  ['paper', 'ai_summary'],
  ['paper', 'ai_keywords'],
  ['paper', 'ai_keywords', 0],
  ['paper', 'githubRepo'],
  ['paper', 'githubStars'],
  ['paper', 'projectPage'],
  ['paper', 'organization'],
  ['paper', 'organization', 'fullname'],
  ['thumbnail'],
  ['__proto__'],
  ['paper', '__proto__'],
];

const DELETE = Symbol('delete');
const hostile = fc.constantFrom(
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.com',
  '/\\evil.com',
  '<img src=x onerror=alert(1)>',
  '\u202eevil\u202c',
  'line\n  break',
  '2606.13594v2',
  'hep-th/9901001',
  '1969-12-31T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  'https://ok.example/x',
  '😀'.repeat(300),
  'x'.repeat(20_000),
  '',
  ' ',
);
const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostile, fc.string({ unit: 'binary' }), fc.constant(DELETE));

const mutatedItem = fc
  .tuple(fc.constantFrom(...allItems), fc.array(fc.tuple(fc.constantFrom(...PATHS), value), { maxLength: 6 }), fc.boolean())
  .map(([base, mutations, bare]) => {
    const raw: Record<string | number, unknown> = structuredClone(bare ? base.paper : base);
    for (const [fullPath, replacement] of mutations) {
      const path = bare && fullPath[0] === 'paper' ? fullPath.slice(1) : fullPath;
      if (path.length === 0) continue;
      let parent: unknown = raw;
      for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown> | null)?.[key];
      if (typeof parent !== 'object' || parent === null) continue;
      const key = path[path.length - 1]!;
      if (replacement === DELETE) delete (parent as Record<string | number, unknown>)[key];
      else Object.defineProperty(parent, key, { value: replacement, enumerable: true, writable: true, configurable: true });
    }
    return raw;
  });

describe('parseDailyPapers properties', () => {
  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = parseDailyPapers(json, ORIGIN);
        expect(result.ok).toBe(Array.isArray(json));
        if (result.ok) for (const paper of result.papers) expectValidPaper(paper);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on lists of mutated fixture items, and every paper has the stored shape', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(mutatedItem, fc.jsonValue({ maxDepth: 2 })), { maxLength: 12 }), (items) => {
        const result = parseDailyPapers(items, ORIGIN);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const ids = result.papers.map((p) => p.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(result.papers.length + result.skipped).toBeLessThanOrEqual(items.length);
        for (const paper of result.papers) expectValidPaper(paper);
      }),
      { numRuns: 300 },
    );
  });
});
