import { normaliseArxivId } from './arxiv-id';
import { cleanText } from './clean-text';
import { CATEGORY } from './arxiv-category';
import { dropUndefined, LIMITS, type ParsedPaper } from './hf';

const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV = 'http://arxiv.org/schemas/atom';
const OPENSEARCH = 'http://a9.com/-/spec/opensearch/1.1/';

/** A paper as the arXiv API describes it. */
export type ArxivPaper = ParsedPaper & { categories: string[]; primaryCategory?: string };

export type ArxivParseResult =
  | { ok: true; papers: ArxivPaper[]; skipped: number; total?: number }
  | { ok: false; reason: string };


/** The arXiv API query for the newest papers of one category. */
export function categoryQueryPath(category: string, maxResults = 100): string {
  const params = new URLSearchParams({
    search_query: `cat:${category}`,
    sortBy: 'submittedDate',
    sortOrder: 'descending',
    start: '0',
    max_results: String(maxResults),
  });
  return `/api/query?${params}`;
}

/**
 * Parses an arXiv API Atom feed. Namespace-aware (elements found by namespace URI, never by
 * prefix or position), so a feed that binds other prefixes parses the same. Never throws.
 * `DOMParser` is a page API: call this from a page, not from the service worker.
 */
export function parseArxivAtom(xml: string, parser: DOMParser = new DOMParser()): ArxivParseResult {
  let doc: Document;
  try {
    // The text is already decoded, so the declaration's encoding says nothing; dropping it also
    // spares us happy-dom's (the unit-test DOM's) refusal of a single-quoted declaration.
    doc = parser.parseFromString(xml.replace(/^\uFEFF?\s*<\?xml[^>]*\?>/, ''), 'application/xml');
  } catch {
    return { ok: false, reason: 'arXiv sent something that is not XML' };
  }
  const root = doc.documentElement;
  if (doc.getElementsByTagName('parsererror').length > 0) return { ok: false, reason: 'arXiv sent broken XML' };
  if (!root || root.namespaceURI !== ATOM || root.localName !== 'feed') {
    return { ok: false, reason: 'arXiv sent something that is not an Atom feed' };
  }
  const entries = children(root, ATOM, 'entry');
  // arXiv reports a bad query as a feed with a single entry titled "Error".
  const error = entries.find((entry) => text(entry, ATOM, 'title') === 'Error' && /\/api\/errors/.test(text(entry, ATOM, 'id')));
  if (error) return { ok: false, reason: `arXiv refused the query: ${text(error, ATOM, 'summary') || 'unknown error'}` };
  const papers: ArxivPaper[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const entry of entries) {
    const paper = parseEntry(entry);
    if (!paper || seen.has(paper.id)) {
      skipped++;
      continue;
    }
    seen.add(paper.id);
    papers.push(paper);
  }
  const totalText = children(root, OPENSEARCH, 'totalResults')[0]?.textContent;
  const total = totalText ? Number(totalText) : undefined;
  return { ok: true, papers, skipped, ...(Number.isFinite(total) ? { total } : {}) };
}

function parseEntry(entry: Element): ArxivPaper | undefined {
  // <id>http://arxiv.org/abs/2606.13677v1</id> or …/abs/quant-ph/0201082v1
  const idMatch = /arxiv\.org\/abs\/(.+)$/.exec(text(entry, ATOM, 'id'));
  const id = normaliseArxivId(idMatch?.[1]);
  const title = cleanText(text(entry, ATOM, 'title'), LIMITS.title);
  if (!id || !title) return undefined;
  const authors = children(entry, ATOM, 'author')
    .map((author) => cleanText(text(author, ATOM, 'name'), LIMITS.authorName))
    .filter(Boolean)
    .slice(0, LIMITS.authors);
  const categories = [...new Set(children(entry, ATOM, 'category').map((c) => c.getAttribute('term') ?? '').filter((t) => CATEGORY.test(t)))];
  const primary = children(entry, ARXIV, 'primary_category')[0]?.getAttribute('term') ?? undefined;
  const published = Date.parse(text(entry, ATOM, 'published'));
  return dropUndefined({
    id,
    title,
    summary: cleanText(text(entry, ATOM, 'summary'), LIMITS.summary),
    authors,
    publishedAt: Number.isFinite(published) ? published : undefined,
    // Links are rebuilt from the id rather than taken from the feed: one shape, always https.
    links: { arxiv: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}` },
    categories,
    primaryCategory: primary && CATEGORY.test(primary) ? primary : undefined,
  });
}

/**
 * The direct children with this namespace URI and local name (the feed's own <title> is not an
 * entry's). Matched by URI, never by prefix. Not `getElementsByTagNameNS`: happy-dom, the unit
 * tests' DOM, matches that on the prefixed name and caches it by local name alone, so it misses
 * `<arxiv:primary_category>` and confuses same-named elements of two namespaces.
 */
function children(parent: Element, ns: string, name: string): Element[] {
  return [...parent.children].filter((child) => child.namespaceURI === ns && child.localName === name);
}

function text(parent: Element, ns: string, name: string): string {
  return children(parent, ns, name)[0]?.textContent?.trim() ?? '';
}
