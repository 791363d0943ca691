import { IMAGE_HOSTS } from './manifest-policy';

const ALLOWED_PROTOCOLS = new Set(['https:', 'http:']);
// C0 controls, DEL and the C1 range: browsers strip some of these while parsing, which is how
// "java\tscript:" slips past naive checks. Invisible and bidi-override characters (soft hyphen,
// zero-width, LRO/RLO, isolates, BOM) let a URL read differently from where it goes. A URL
// carrying any of them is refused outright.
const REFUSED_CHARS = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const MAX_LENGTH = 2048;
const IMAGE_HOST_SET: ReadonlySet<string> = new Set(IMAGE_HOSTS);

/**
 * The one gate for every link and image URL that comes from remote data: returns the normalised
 * absolute `http:`/`https:` URL, or undefined for anything else (relative paths, `//host`,
 * `javascript:`, `data:`, `vbscript:`, credentials, control characters, non-strings).
 */
export function safeUrl(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > MAX_LENGTH || REFUSED_CHARS.test(trimmed)) return undefined;
  // Only absolute URLs with an explicit scheme and host: no base, so "/x" and "//host/x" fail to
  // parse, and no "https:///host" or "https://\\host" that parsers repair into a host.
  if (!/^https?:\/\/[^/\\]/i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol) || url.hostname === '') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  // Percent-encoding can make the normalised form many times longer than the input.
  return url.href.length > MAX_LENGTH ? undefined : url.href;
}

/**
 * `safeUrl` for images, which the browser fetches without a click: `https:` on one of the
 * Hugging Face image hosts (default port) only, so a hostile thumbnail is never requested.
 */
export function safeImageUrl(input: unknown): string | undefined {
  const href = safeUrl(input);
  if (href === undefined) return undefined;
  const url = new URL(href);
  if (url.protocol !== 'https:' || url.port !== '' || !IMAGE_HOST_SET.has(url.hostname)) return undefined;
  return href;
}
