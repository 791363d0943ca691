import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMAGE_HOSTS } from '../../utils/platform/manifest-policy';
import { safeImageUrl, safeUrl, safeUrlFrom } from '../../utils/platform/url';

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

describe('safeUrlFrom: paths from remote data resolved against a trusted origin', () => {
  const origin = 'https://huggingface.co';

  it('resolves a root-relative path on the origin', () => {
    expect(safeUrlFrom('/avatars/x.png', origin)).toBe('https://huggingface.co/avatars/x.png');
    expect(safeUrlFrom(' /%5Cevil.example ', origin)).toBe('https://huggingface.co/%5Cevil.example');
  });

  it.each(['/\\evil.example/x', '/\\/evil.example', '/\\\\evil.example', '//evil.example/x', '/\tjavascript:alert(1)', '/x\u202e'])(
    'refuses %j, which would leave the origin or hide characters',
    (input) => {
      expect(safeUrlFrom(input, origin)).toBeUndefined();
    },
  );

  // A root path ("/papers/…") is the one relative form it takes; everything else goes through safeUrl.
  const notRootPaths = REFUSED.filter((input) => !(typeof input === 'string' && /^\/[^/\\]/.test(input.trim())));
  it.each(notRootPaths.map((input) => [JSON.stringify(String(input)), input]))('refuses %s like safeUrl', (_label, input) => {
    expect(safeUrlFrom(input, origin)).toBeUndefined();
  });

  it('passes absolute URLs through safeUrl', () => {
    expect(safeUrlFrom('https://github.com/org/repo', origin)).toBe('https://github.com/org/repo');
  });
});
