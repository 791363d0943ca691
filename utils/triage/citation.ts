import type { Paper } from '../data/db';

// LaTeX's special characters inside a braced BibTeX field, each replaced in one pass so nothing is
// escaped twice (`\` becomes `\textbackslash{}`, whose braces must not be escaped again).
const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

const STOPWORDS = new Set('a an and are as at by for from in is of on or the to with via towards toward all you your we our it its be'.split(' '));
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Escapes text for a braced BibTeX field: LaTeX specials become commands, braces stay balanced. */
export function escapeBibTeX(text: string): string {
  return text.replace(/[\\{}$&%#_~^]/g, (char) => BIBTEX_ESCAPES[char]!);
}

/** A paper's year: its arXiv publication date, else the year its id encodes. */
export function paperYear(paper: Pick<Paper, 'id' | 'publishedAt' | 'featuredOn'>): number | undefined {
  if (paper.publishedAt !== undefined) return new Date(paper.publishedAt).getUTCFullYear();
  const yy = /^(\d{2})\d{2}\./.exec(paper.id)?.[1] ?? /\/(\d{2})\d{5}$/.exec(paper.id)?.[1];
  if (yy !== undefined) return Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy);
  return paper.featuredOn ? Number(paper.featuredOn.slice(0, 4)) : undefined;
}

/** ASCII letters and digits only, lower case: "Müller-Lüdenscheidt" → "mullerludenscheidt". */
function keyPart(text: string): string {
  return text.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

/** A citation key in the common `lastnameYEARfirstword` shape: `vaswani2017attention`. */
export function bibtexKey(paper: Pick<Paper, 'id' | 'title' | 'authors' | 'publishedAt' | 'featuredOn'>): string {
  const tokens = (paper.authors[0] ?? '').split(/\s+/).filter((t) => t && !NAME_SUFFIXES.has(keyPart(t)));
  const author = keyPart(tokens.at(-1) ?? '') || 'arxiv';
  const word = paper.title.split(/[\s:,.;!?/()[\]{}]+/).map(keyPart).find((w) => w && !STOPWORDS.has(w)) ?? '';
  return `${author}${paperYear(paper) ?? ''}${word}`;
}

/** An author for BibTeX's `and`-separated list; a name holding the word "and" is braced whole. */
function bibtexAuthor(name: string): string {
  const escaped = escapeBibTeX(name);
  return /\band\b/i.test(name) ? `{${escaped}}` : escaped;
}

/** An arXiv-style `@misc` entry, as arXiv's own "Export BibTeX citation" shapes it. */
export function toBibTeX(paper: Paper, key = bibtexKey(paper)): string {
  const year = paperYear(paper);
  const fields: [string, string | undefined][] = [
    ['title', escapeBibTeX(paper.title)],
    ['author', paper.authors.length ? paper.authors.map(bibtexAuthor).join(' and ') : undefined],
    ['year', year === undefined ? undefined : String(year)],
    ['eprint', paper.id],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', paper.primaryCategory],
    // Built from the id, never from remote data: a URL field is not escaped by BibTeX styles.
    ['url', `https://arxiv.org/abs/${paper.id}`],
  ];
  const body = fields.filter(([, value]) => value !== undefined).map(([name, value]) => `  ${name} = {${value}}`);
  return `@misc{${key},\n${body.join(',\n')}\n}`;
}

/** Entries for many papers; keys that collide get `a`, `b`, … as BibTeX needs unique keys. */
export function toBibTeXList(papers: Paper[]): string {
  const keys = papers.map((paper) => bibtexKey(paper));
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const used = new Map<string, number>();
  return papers
    .map((paper, i) => {
      const key = keys[i]!;
      if (counts.get(key) === 1) return toBibTeX(paper, key);
      const n = used.get(key) ?? 0;
      used.set(key, n + 1);
      return toBibTeX(paper, `${key}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ''}`);
    })
    .join('\n\n')
    .concat(papers.length ? '\n' : '');
}

/** The link a citation points at: the arXiv abstract page. */
export function citationUrl(paper: Pick<Paper, 'id'>): string {
  return `https://arxiv.org/abs/${paper.id}`;
}

/** Escapes text for a Markdown link label: no stray emphasis, code or nested link. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (char) => `\\${char}`);
}

/** `[Title](https://arxiv.org/abs/id)`. */
export function toMarkdownLink(paper: Pick<Paper, 'id' | 'title'>): string {
  return `[${escapeMarkdown(paper.title)}](${citationUrl(paper)})`;
}

/** A Markdown list: one linked title a line, with authors and year. */
export function toMarkdownList(papers: Paper[]): string {
  const lines = papers.map((paper) => {
    const year = paperYear(paper);
    const authors = paper.authors.length > 3 ? `${paper.authors.slice(0, 3).join(', ')} et al.` : paper.authors.join(', ');
    const tail = [authors && escapeMarkdown(authors), year].filter(Boolean).join(', ');
    return `- ${toMarkdownLink(paper)}${tail ? ` — ${tail}` : ''}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The saved list as JSON: what a reference manager or a script needs, nothing internal. */
export function toJsonExport(papers: Paper[], savedAt: (id: string) => number | undefined, now: number): string {
  const rows = papers.map((paper) => ({
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    year: paperYear(paper) ?? null,
    abstract: paper.summary,
    url: citationUrl(paper),
    links: paper.links,
    keywords: paper.aiKeywords ?? [],
    primaryCategory: paper.primaryCategory ?? null,
    savedAt: toIso(savedAt(paper.id)),
  }));
  return `${JSON.stringify({ exportedAt: new Date(now).toISOString(), count: rows.length, papers: rows }, null, 2)}\n`;
}

function toIso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

export type ExportFormat = 'bibtex' | 'markdown' | 'json';

export const EXPORT_FILES: Record<ExportFormat, { name: string; type: string }> = {
  bibtex: { name: 'paperboy-saved.bib', type: 'application/x-bibtex' },
  markdown: { name: 'paperboy-saved.md', type: 'text/markdown' },
  json: { name: 'paperboy-saved.json', type: 'application/json' },
};
