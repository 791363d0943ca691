import { normaliseArxivId } from '../sync/sources/arxiv-id';
import { safeUrl } from '../platform/url';

// Which paper a page of a paper site shows, from its address alone: what read detection marks
// read when the user opens a paper outside Paperboy. Pure; the sites are passed in, so tests and
// the end-to-end build point them elsewhere.

/** How a site lays out its paper pages. */
export type PaperSiteKind = 'arxiv' | 'hf' | 'alphaxiv';

export interface PaperSite {
  /** Exact origin (`https://arxiv.org`): a look-alike host never matches. */
  origin: string;
  kind: PaperSiteKind;
}

// The id, with its version and any file suffix, as the path's last part(s): new style
// (2401.12345v2) or old style (hep-th/9901001v1, math.GT/0309136).
const ID = String.raw`(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Za-z-]{2})?/\d{7}(?:v\d+)?)`;

const PATHS: Record<PaperSiteKind, RegExp> = {
  // abs, pdf (with or without .pdf) and html (with or without a trailing file) pages.
  arxiv: new RegExp(String.raw`^/(?:(?:abs|pdf)/${ID}(?:\.pdf)?/?|html/${ID}(?:/.*)?)$`),
  hf: new RegExp(String.raw`^/papers/(\d{4}\.\d{4,5})(?:v\d+)?/?$`),
  alphaxiv: new RegExp(String.raw`^/(?:abs|overview|pdf)/${ID}(?:\.pdf)?/?$`),
};

/** The sites read detection watches: arXiv, Hugging Face's paper pages and alphaXiv. */
export function paperSites(arxivOrigins: readonly string[], hfOrigin: string, alphaxivOrigins: readonly string[]): PaperSite[] {
  return [
    ...arxivOrigins.map((origin): PaperSite => ({ origin, kind: 'arxiv' })),
    { origin: hfOrigin, kind: 'hf' },
    ...alphaxivOrigins.map((origin): PaperSite => ({ origin, kind: 'alphaxiv' })),
  ];
}

/** The versionless arXiv id of the paper at `address`, or undefined for any other page. */
export function paperIdFromUrl(address: unknown, sites: readonly PaperSite[]): string | undefined {
  const href = safeUrl(address);
  if (!href) return undefined;
  const url = new URL(href);
  for (const site of sites) {
    if (site.origin !== url.origin) continue;
    const match = PATHS[site.kind].exec(url.pathname);
    const id = normaliseArxivId(match?.slice(1).find((group) => group !== undefined));
    if (id) return id;
  }
  return undefined;
}
