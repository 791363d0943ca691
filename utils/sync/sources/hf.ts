import * as v from 'valibot';
import { normaliseArxivId } from './arxiv-id';
import { dropUndefined } from '../../lib/drop-undefined';
import { LIMITS } from './limits';
import type { Paper } from '../../data/db';
import { cleanText } from './clean-text';
import { safeImageUrl, safeUrl } from '../../platform/url';

/** A paper as one HF payload describes it: everything but what this profile adds. */
export type ParsedPaper = Omit<Paper, 'firstSeenAt' | 'lastSeenInFeedAt' | 'source'>;

export type ParseResult =
  | { ok: true; papers: ParsedPaper[]; skipped: number }
  | { ok: false; reason: string };

// A field of the wrong type is dropped (the paper is still useful without it); only an item
// without a usable id or title is skipped.
const optString = v.fallback(v.optional(v.string()), undefined);
const optNumber = v.fallback(v.optional(v.pipe(v.number(), v.finite())), undefined);
const optBoolean = v.fallback(v.optional(v.boolean()), undefined);
const optList = v.fallback(v.optional(v.array(v.unknown())), undefined);

const AuthorSchema = v.looseObject({ name: v.string(), hidden: optBoolean });

const PaperSchema = v.looseObject({
  id: v.string(),
  title: optString,
  summary: optString,
  authors: optList,
  publishedAt: optString,
  submittedOnDailyAt: optString,
  upvotes: optNumber,
  ai_summary: optString,
  ai_keywords: optList,
  githubRepo: optString,
  githubStars: optNumber,
  projectPage: optString,
  organization: v.fallback(
    v.optional(v.looseObject({ name: optString, fullname: optString })),
    undefined,
  ),
});

const ItemSchema = v.looseObject({
  paper: PaperSchema,
  title: optString,
  summary: optString,
  thumbnail: optString,
  numComments: optNumber,
});

type Item = v.InferOutput<typeof ItemSchema>;

// Still importable from here, as before they moved out so that pages never load the parser.
export { dropUndefined, LIMITS };

/** Parses one `/api/daily_papers` (or search) response body. Never throws. */
export function parseDailyPapers(json: unknown, hfOrigin: string): ParseResult {
  if (!Array.isArray(json)) return { ok: false, reason: 'expected a JSON list of papers' };
  const byId = new Map<string, ParsedPaper>();
  let skipped = 0;
  for (const raw of json) {
    const paper = parseItem(raw, hfOrigin);
    if (!paper) {
      skipped++;
      continue;
    }
    const earlier = byId.get(paper.id);
    // Duplicates keep their first place; a later copy only fills fields the first lacked.
    byId.set(paper.id, earlier ? fillGaps(earlier, paper) : paper);
  }
  return { ok: true, papers: [...byId.values()], skipped };
}

/** One item (wrapped `{paper: …}` or bare, as the search endpoint sometimes answers) or undefined. */
export function parseItem(raw: unknown, hfOrigin: string): ParsedPaper | undefined {
  const wrapped = isObject(raw) && !('paper' in raw) && 'id' in raw ? { paper: raw } : raw;
  const result = v.safeParse(ItemSchema, wrapped);
  if (!result.success) return undefined;
  return normalise(result.output, hfOrigin);
}

function normalise(item: Item, hfOrigin: string): ParsedPaper | undefined {
  const { paper } = item;
  const id = normaliseArxivId(paper.id);
  if (!id) return undefined;
  const title = firstText(LIMITS.title, item.title, paper.title);
  if (!title) return undefined;
  const code = safeUrl(paper.githubRepo);
  const project = safeUrl(paper.projectPage);
  const org = paper.organization;
  const organization = firstText(LIMITS.organization, org?.fullname, org?.name);
  const aiSummary = cleanText(paper.ai_summary ?? '', LIMITS.aiSummary);
  const aiKeywords = keywords(paper.ai_keywords);
  return dropUndefined({
    id,
    title,
    summary: firstText(LIMITS.summary, paper.summary, item.summary),
    authors: authors(paper.authors),
    publishedAt: timestamp(paper.publishedAt),
    featuredOn: day(paper.submittedOnDailyAt),
    upvotes: count(paper.upvotes),
    comments: count(item.numComments),
    aiSummary: aiSummary || undefined,
    aiKeywords: aiKeywords.length ? aiKeywords : undefined,
    links: dropUndefined({
      hf: safeUrl(`${hfOrigin}/papers/${id}`),
      arxiv: `https://arxiv.org/abs/${id}`,
      pdf: `https://arxiv.org/pdf/${id}`,
      code,
      project,
    }),
    // Only HF's own image hosts: a thumbnail elsewhere would be a request to a third party.
    thumbnail: safeImageUrl(item.thumbnail),
    githubStars: code ? count(paper.githubStars) : undefined,
    organization: organization || undefined,
  });
}

/** The first candidate that is still text once cleaned: an empty or blank field falls through. */
function firstText(maxLength: number, ...candidates: (string | undefined)[]): string {
  for (const candidate of candidates) {
    const text = cleanText(candidate ?? '', maxLength);
    if (text) return text;
  }
  return '';
}

function authors(list: unknown[] | undefined): string[] {
  const names: string[] = [];
  for (const raw of list ?? []) {
    const author = v.safeParse(AuthorSchema, raw);
    if (!author.success || author.output.hidden) continue;
    const name = cleanText(author.output.name, LIMITS.authorName);
    if (name) names.push(name);
    if (names.length >= LIMITS.authors) break;
  }
  return names;
}

function keywords(list: unknown[] | undefined): string[] {
  const seen = new Set<string>();
  for (const raw of list ?? []) {
    if (typeof raw !== 'string') continue;
    const keyword = cleanText(raw, LIMITS.keyword);
    if (keyword) seen.add(keyword);
    if (seen.size >= LIMITS.keywords) break;
  }
  return [...seen];
}

// Dates outside 1970..9999 are drift, and would not print as YYYY-MM-DD.
const LAST_MS = Date.UTC(10000, 0, 1);

function timestamp(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= 0 && ms < LAST_MS ? ms : undefined;
}

function day(value: string | undefined): string | undefined {
  const ms = timestamp(value);
  return ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10);
}

function count(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.max(0, Math.min(Math.round(value), 1e9));
}

function fillGaps(first: ParsedPaper, later: ParsedPaper): ParsedPaper {
  return { ...later, ...first, links: { ...later.links, ...first.links } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
