import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMAGE_HOSTS } from '../../../utils/platform/manifest-policy';
import { safeImageUrl, safeUrl } from '../../../utils/platform/url';

// URLs a hostile or broken payload can carry. Every one must be refused by every gate.
const REFUSED = [
  // script schemes, in any case, padded, split by characters browsers strip while parsing
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' \tjavascript:alert(1)',
  '\u00a0javascript:alert(1)',
  '\ufeffjavascript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  'java\u0000script:alert(1)',
  'javascript://%0aalert(1)',
  'javascript:https://huggingface.co/',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  // markup and code carried in the URL itself
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  ' data:image/png;base64,iVBORw0KGgo=',
  // HTML entities are not decoded in a JS string: these are relative paths, not schemes
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  // other schemes
  'file:///etc/passwd',
  'blob:https://huggingface.co/0b9e1c5e-2f7d-4f7a-9a55-3a2b1c0d9e8f',
  'filesystem:https://huggingface.co/temporary/x',
  'chrome://settings',
  'chrome-extension://abcdefghijklmnop/popup.html',
  'moz-extension://abcdefgh/popup.html',
  'about:blank',
  'ftp://example.com/x',
  'ws://example.com/socket',
  'mailto:someone@example.com',
  'tel:+15555550100',
  // relative and protocol-relative
  '//evil.example/x',
  '///evil.example/x',
  '\\\\evil.example\\x',
  '/papers/2606.13594',
  'papers/2606.13594',
  '../x',
  '?q=1',
  '#top',
  'evil.example',
  // malformed http(s)
  'https:/\\evil.example',
  'https:evil.example',
  'http:/evil.example',
  'https://',
  'https:///x',
  'https://\\evil.example/',
  'https://exa mple.com/',
  // credentials: "huggingface.co@evil.example" reads like HF but goes to evil.example
  'https://user:pass@evil.example/',
  'https://huggingface.co@evil.example/',
  // control, invisible and bidi-override characters anywhere
  'https://evil\u0000.example/',
  'https://huggingface.co/\n/x',
  'https://huggingface.co/\u0085x',
  'https://exa\u200bmple.com/',
  'https://hugging\u00adface.co/',
  'https://huggingface.co/\u202egnp.exe',
  'https://huggingface.co/\u2066x\u2069',
  'https://huggingface.co/x\ufeff/y',
  // too long to be a real link
  `https://example.com/${'a'.repeat(3000)}`,
  // empty and not strings
  '',
  '   ',
  null,
  undefined,
  42,
  {},
  ['https://github.com/x/y'],
  { toString: () => 'https://github.com/x/y' },
  new URL('https://github.com/x/y'),
];

const ACCEPTED: [string, string][] = [
  ['https://github.com/org/repo', 'https://github.com/org/repo'],
  ['  https://github.com/org/repo \n', 'https://github.com/org/repo'],
  ['HTTPS://GitHub.com/Org/Repo', 'https://github.com/Org/Repo'],
  ['http://example.org/project', 'http://example.org/project'],
  ['https://example.org/a b', 'https://example.org/a%20b'],
  ['https://例え.jp/', 'https://xn--r8jz45g.jp/'],
  ['https://huggingface.co/papers/2606.13594', 'https://huggingface.co/papers/2606.13594'],
  ['https://arxiv.org/abs/hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001'],
];

const IMAGES_ACCEPTED: [string, string][] = [
  [
    'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2606.13594.png',
    'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2606.13594.png',
  ],
  ['https://CDN-AVATARS.huggingface.co/v1/production/uploads/x.png', 'https://cdn-avatars.huggingface.co/v1/production/uploads/x.png'],
  ['https://cdn-uploads.huggingface.co/production/uploads/x.png', 'https://cdn-uploads.huggingface.co/production/uploads/x.png'],
  ['https://huggingface.co/avatars/x.svg', 'https://huggingface.co/avatars/x.svg'],
  ['https://cdn-thumbnails.huggingface.co:443/x.png', 'https://cdn-thumbnails.huggingface.co/x.png'],
];

// Fine as links, never as images: the browser would fetch them without a click.
const IMAGES_REFUSED = [
  'http://cdn-thumbnails.huggingface.co/x.png',
  'https://cdn-thumbnails.huggingface.co:8443/x.png',
  'https://cdn-thumbnails.huggingface.co./x.png',
  'https://cdn-thumbnails.huggingface.co.evil.example/x.png',
  'https://evilhuggingface.co/x.png',
  'https://evil.huggingface.co/x.png',
  'https://evil.example/cdn-thumbnails.huggingface.co/x.png',
  'https://evil.example/x.png?host=cdn-thumbnails.huggingface.co',
  'https://127.0.0.1/x.png',
  'https://[::1]/x.png',
  'https://github.com/org/repo.png',
];

// Generators for the property tests. Built by hand: fast-check's webUrl() spends seconds
// building its domain tables on first use, which on a loaded machine outlasts the test timeout.
const chars = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((list) => list.join(''));
const label = chars('abcdefghijklmnopqrstuvwxyz0123456789', 1, 12);
const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'org', 'co', 'io', 'example')).map(([labels, tld]) => [...labels, tld].join('.'));
const path = chars("abcdefghijklmnopqrstuvwxyz0123456789-._~/%!$&'()*+,;=:@", 0, 40);
/** Ordinary absolute web URLs, as papers link to them. */
const webUrl = fc.tuple(fc.constantFrom('https://', 'http://'), host, path, fc.option(chars('abc=&123', 1, 12)), fc.option(chars('abc-123', 1, 8)))
  .map(([scheme, hostname, rest, query, fragment]) => `${scheme}${hostname}/${rest}${query ? `?${query}` : ''}${fragment ? `#${fragment}` : ''}`);
/** Anything at all behind a scheme-like prefix, hostile characters included. */
const anyUrlish = fc
  .tuple(fc.constantFrom('https://', 'http://', 'HTTPS://', ' https://', 'javascript:', 'data:', 'vbscript:', '//', '/', ''), fc.string({ unit: 'binary', maxLength: 60 }))
  .map(([prefix, rest]) => prefix + rest);

describe('safeUrl: the one gate for links from remote data', () => {
  it.each(REFUSED.map((input) => [JSON.stringify(String(input)), input]))('refuses %s', (_label, input) => {
    expect(safeUrl(input)).toBeUndefined();
  });

  it.each(ACCEPTED)('accepts %j as %j', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  it('returns only absolute http(s) URLs free of control characters, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(anyUrlish, webUrl, webUrl.map((url) => `  ${url.toUpperCase()}\t`)), (input) => {
        const out = safeUrl(input);
        if (out === undefined) return;
        const url = new URL(out);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.href).toBe(out);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(url.username + url.password).toBe('');
      }),
    );
  });

  it('accepts the ordinary web URLs papers link to', () => {
    fc.assert(fc.property(webUrl, (input) => {
      expect(safeUrl(input)).toBe(new URL(input).href);
    }));
  });
});

describe('safeImageUrl: links that load without a click', () => {
  it.each(REFUSED.map((input) => [JSON.stringify(String(input)), input]))('refuses %s', (_label, input) => {
    expect(safeImageUrl(input)).toBeUndefined();
  });

  it.each(IMAGES_REFUSED)('refuses %s (not an HF image host over https)', (input) => {
    expect(safeUrl(input)).toBeDefined();
    expect(safeImageUrl(input)).toBeUndefined();
  });

  it.each(IMAGES_ACCEPTED)('accepts %s', (input, expected) => {
    expect(safeImageUrl(input)).toBe(expected);
  });

  it('never lets an image through to a host outside the list', () => {
    fc.assert(
      fc.property(fc.oneof(webUrl, anyUrlish, fc.tuple(fc.constantFrom(...IMAGE_HOSTS), path).map(([image, rest]) => `https://${image}/${rest}`)), (input) => {
        const out = safeImageUrl(input);
        if (out === undefined) return;
        const url = new URL(out);
        expect(url.protocol).toBe('https:');
        expect(url.port).toBe('');
        expect(IMAGE_HOSTS).toContain(url.hostname);
      }),
    );
  });
});

// More refusals, each with a label saying what it tries.
const LABELLED_REFUSED: [string, unknown][] = [
  ['javascript:', 'javascript:alert(1)'],
  ['JavaScript: mixed case', 'JaVaScRiPt:alert(document.domain)'],
  ['javascript: upper case', 'JAVASCRIPT:alert(1)'],
  ['javascript: leading space', ' javascript:alert(1)'],
  ['javascript: leading newline and tab', '\n\tjavascript:alert(1)'],
  ['javascript: leading NUL', '\u0000javascript:alert(1)'],
  ['tab inside the scheme', 'java\tscript:alert(1)'],
  ['newline inside the scheme', 'java\nscript:alert(1)'],
  ['carriage return inside the scheme', 'java\rscript:alert(1)'],
  ['javascript: entity-looking', 'javascript&colon;alert(1)'],
  ['javascript: with // comment to look like http', 'javascript://https://example.com/%0aalert(1)'],
  ['data: html', 'data:text/html,<script>alert(1)</script>'],
  ['data: base64 image', 'data:image/png;base64,iVBORw0KGgo='],
  ['DATA: upper case', 'DATA:text/html,x'],
  ['vbscript:', 'vbscript:msgbox("x")'],
  ['VBScript: mixed case with padding', '  VBScript:msgbox("x")'],
  ['file:', 'file:///etc/passwd'],
  ['ftp:', 'ftp://example.com/file'],
  ['blob:', 'blob:https://example.com/uuid'],
  ['chrome-extension:', 'chrome-extension://abcdefghijklmnop/popup.html'],
  ['about:blank', 'about:blank'],
  ['mailto:', 'mailto:someone@example.com'],
  ['relative path', 'papers/2606.13594'],
  ['dot relative path', './papers/2606.13594'],
  ['protocol-relative', '//evil.com/x'],
  ['backslash protocol-relative', '\\\\evil.com/x'],
  ['http without slashes', 'http:evil.com'],
  ['https with one slash', 'https:/evil.com'],
  ['https with backslashes', 'https:\\\\evil.com'],
  ['credentials', 'https://user:pass@example.com/'],
  ['username only', 'https://user@example.com/'],
  ['empty host', 'https://'],
  ['bad port', 'https://example.com:99999/'],
  ['NUL in the path', 'https://example.com/a\u0000b'],
  ['DEL in the path', 'https://example.com/a\u007fb'],
  ['C1 control in the path', 'https://example.com/a\u0085b'],
  ['escape character', 'https://example.com/\u001b[31m'],
  ['too long', `https://example.com/${'a'.repeat(3000)}`],
  ['too long once percent-encoded', `https://example.com/${'é'.repeat(1000)}`],
  ['empty string', ''],
  ['whitespace only', ' \n\t '],
  ['undefined', undefined],
  ['null', null],
  ['number', 42],
  ['boolean', true],
  ['object', { href: 'https://example.com/' }],
  ['array', ['https://example.com/']],
  ['URL object', new URL('https://example.com/')],
];

// Accepted, with the normalised href each one becomes.
const NORMALISED: [string, string][] = [
  ['https://huggingface.co/papers/2606.13594', 'https://huggingface.co/papers/2606.13594'],
  ['http://example.com', 'http://example.com/'],
  ['HTTPS://GitHub.com/Owner/Repo', 'https://github.com/Owner/Repo'],
  ['  https://arxiv.org/abs/2606.13594 \n', 'https://arxiv.org/abs/2606.13594'],
  ['https://example.com/a b?q=1 2#frag', 'https://example.com/a%20b?q=1%202#frag'],
  ['https://example.com:443/x', 'https://example.com/x'],
  ['http://127.0.0.1:41731/papers/2606.13594', 'http://127.0.0.1:41731/papers/2606.13594'],
  ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
  ['https://example.com/<script>', 'https://example.com/%3Cscript%3E'],
  ['https://example.com/a/../b', 'https://example.com/b'],
];

// Generators built by hand, as above: fc.string({ unit: 'binary' }) spends
// seconds building its full-Unicode tables on first use, which outlasted the test timeout under
// load. These characters are the ones that matter to the gate: what URL parsers treat specially
// (separators, backslash, percent, credentials), what it must refuse (C0/C1 controls, DEL,
// invisible and bidi-override characters, a lone surrogate) and ordinary non-ASCII (IDN hosts).
const charList = (alphabet: readonly string[], maxLength: number) =>
  fc.array(fc.constantFrom(...alphabet), { maxLength }).map((list) => list.join(''));
const SPECIAL = [...'abcxyzEX019-._~/\\:@%?#&=+![]\'" <>', '%2F', '%00', '%0a'];
const HOSTILE = ['\t', '\n', '\r', '\u0000', '\u001b', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u200b', '\u202e', '\u2066', '\ufeff', '\ud800'];
const UNICODE = ['é', 'ü', 'ß', '例', 'İ', '😀', '\u0301', 'ｆ'];
/** Anything at all after the scheme, hostile characters included. */
const anything = charList([...SPECIAL, ...HOSTILE, ...UNICODE], 60);
/** Web-shaped URLs, rarely with credentials or a port: many are accepted, so idempotence is tried. */
const hostLabel = charList([...'abcxyz019-', ...UNICODE], 12).filter((l) => l !== '');
const rarely = (arbitrary: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary });
const webShaped = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTPS://', ' http://'),
    rarely(fc.constantFrom('user:pass@', 'user@', ':@')),
    fc.array(hostLabel, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('.com', '.org', '.io', ''),
    rarely(fc.integer({ min: 0, max: 99_999 }).map((port) => `:${port}`)),
    charList([...SPECIAL, ...UNICODE], 30),
  )
  .map(([scheme, userinfo, labels, tld, port, rest]) => `${scheme}${userinfo}${labels.join('.')}${tld}${port}/${rest}`);

describe('safeUrl: normal forms, and properties over hostile characters', () => {
  it.each(LABELLED_REFUSED)('refuses %s', (_label, input) => {
    expect(safeUrl(input)).toBeUndefined();
  });

  it.each(NORMALISED)('accepts %s as its normalised href', (input, href) => {
    expect(safeUrl(input)).toBe(href);
  });

  it('accepts a URL right at the length limit', () => {
    const url = `https://example.com/${'a'.repeat(2048 - 'https://example.com/'.length)}`;
    expect(url).toHaveLength(2048);
    expect(safeUrl(url)).toBe(url);
    expect(safeUrl(`${url}a`)).toBeUndefined();
  });

  it('only ever returns an absolute http(s) URL without credentials, and is idempotent', () => {
    const scheme = fc.constantFrom('https://', 'http://', 'javascript:', 'data:', 'vbscript:', 'file://', '//', '', 'HTTPS://', ' java\tscript:');
    fc.assert(
      fc.property(fc.oneof(fc.tuple(scheme, anything).map(([prefix, rest]) => prefix + rest), webShaped), (input) => {
        const result = safeUrl(input);
        if (result === undefined) return;
        const url = new URL(result);
        expect(['https:', 'http:']).toContain(url.protocol);
        expect(url.hostname).not.toBe('');
        expect(url.username + url.password).toBe('');
        expect(result.length).toBeLessThanOrEqual(2048);
        expect(safeUrl(result)).toBe(result);
      }),
      { numRuns: 500 },
    );
  });
});
