const ALLOWED_PROTOCOLS = new Set(['https:', 'http:']);
// C0 controls, DEL and the C1 range: browsers strip some of these while parsing, which is how
// "java\tscript:" slips past naive checks. A URL carrying any of them is refused outright.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const MAX_LENGTH = 2048;

/**
 * The one gate for every link and image URL that comes from remote data: returns the normalised
 * absolute `http:`/`https:` URL, or undefined for anything else (relative paths, `//host`,
 * `javascript:`, `data:`, `vbscript:`, credentials, control characters, non-strings).
 */
export function safeUrl(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > MAX_LENGTH || CONTROL_CHARS.test(trimmed)) return undefined;
  // Only absolute URLs with an explicit scheme: no base, so "/x" and "//host/x" fail to parse.
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
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

/** Resolves a possibly relative path from remote data against a trusted origin, then gates it. */
export function safeUrlFrom(input: unknown, origin: string): string | undefined {
  if (typeof input !== 'string') return undefined;
  const trimmed = input.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//') && !CONTROL_CHARS.test(trimmed)) {
    try {
      const url = new URL(trimmed, origin);
      // "/\\evil.com" is protocol-relative to a URL parser (a backslash counts as a slash in
      // http(s) URLs): a path must stay on the trusted origin.
      return url.origin === new URL(origin).origin ? safeUrl(url.href) : undefined;
    } catch {
      return undefined;
    }
  }
  return safeUrl(trimmed);
}
