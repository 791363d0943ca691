import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeUrl, safeUrlFrom } from '../../utils/platform/url';

const ORIGIN = 'https://huggingface.co';

// Every one of these must be refused: by safeUrl, and by safeUrlFrom against a trusted origin.
const REFUSED: [string, unknown][] = [
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
const ACCEPTED: [string, string][] = [
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

// Generators built by hand, as in url-allowlist.test.ts: fc.string({ unit: 'binary' }) spends
// seconds building its full-Unicode tables on first use, which outlasted the test timeout under
// load. These characters are the ones that matter to the gate: what URL parsers treat specially
// (separators, backslash, percent, credentials), what it must refuse (C0/C1 controls, DEL,
// invisible and bidi-override characters, a lone surrogate) and ordinary non-ASCII (IDN hosts).
const chars = (alphabet: readonly string[], maxLength: number) =>
  fc.array(fc.constantFrom(...alphabet), { maxLength }).map((list) => list.join(''));
const SPECIAL = [...'abcxyzEX019-._~/\\:@%?#&=+![]\'" <>', '%2F', '%00', '%0a'];
const HOSTILE = ['\t', '\n', '\r', '\u0000', '\u001b', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u200b', '\u202e', '\u2066', '\ufeff', '\ud800'];
const UNICODE = ['é', 'ü', 'ß', '例', 'İ', '😀', '\u0301', 'ｆ'];
/** Anything at all after the scheme, hostile characters included. */
const tricky = chars([...SPECIAL, ...HOSTILE, ...UNICODE], 60);
/** Web-shaped URLs, sometimes with credentials or a port: many are accepted, so idempotence is tried. */
const label = chars([...'abcxyz019-', ...UNICODE], 12).filter((l) => l !== '');
const sometimes = (arbitrary: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary });
const webLike = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTPS://', ' http://'),
    sometimes(fc.constantFrom('user:pass@', 'user@', ':@')),
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('.com', '.org', '.io', ''),
    sometimes(fc.integer({ min: 0, max: 99_999 }).map((port) => `:${port}`)),
    chars([...SPECIAL, ...UNICODE], 30),
  )
  .map(([scheme, userinfo, labels, tld, port, rest]) => `${scheme}${userinfo}${labels.join('.')}${tld}${port}/${rest}`);

describe('safeUrl', () => {
  it.each(REFUSED)('refuses %s', (_label, input) => {
    expect(safeUrl(input)).toBeUndefined();
  });

  it.each(ACCEPTED)('accepts %s as its normalised href', (input, href) => {
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
      fc.property(fc.oneof(fc.tuple(scheme, tricky).map(([prefix, rest]) => prefix + rest), webLike), (input) => {
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

describe('safeUrlFrom', () => {
  it('resolves a root-relative path against the trusted origin', () => {
    expect(safeUrlFrom('/avatars/abc.svg', ORIGIN)).toBe('https://huggingface.co/avatars/abc.svg');
    expect(safeUrlFrom('  /avatars/abc.svg', 'http://127.0.0.1:41731')).toBe('http://127.0.0.1:41731/avatars/abc.svg');
  });

  it('passes absolute URLs through the same gate', () => {
    expect(safeUrlFrom('https://cdn-avatars.huggingface.co/a.png', ORIGIN)).toBe('https://cdn-avatars.huggingface.co/a.png');
  });

  it.each(REFUSED)('refuses %s', (_label, input) => {
    expect(safeUrlFrom(input, ORIGIN)).toBeUndefined();
  });

  it.each([
    ['backslash after the slash', '/\\evil.com/x'],
    ['slash backslash slash', '/\\/evil.com'],
    ['tab between the slashes', '/\t/evil.com'],
    ['newline between the slashes', '/\n/evil.com'],
  ])('never leaves the trusted origin: %s', (_label, input) => {
    expect(safeUrlFrom(input, ORIGIN)).toBeUndefined();
  });

  it('keeps every resolved relative path on the trusted origin', () => {
    fc.assert(
      // An alphabet of the characters URL parsers treat specially, so escapes are actually tried.
      fc.property(fc.string({ unit: fc.constantFrom('/', '\\', '.', '@', ':', '%', '2', 'F', 'e', '\t', ' ', '?', '#'), maxLength: 12 }), (rest) => {
        const result = safeUrlFrom(`/${rest}`, ORIGIN);
        if (result !== undefined) expect(new URL(result).origin).toBe(ORIGIN);
      }),
      { numRuns: 1000 },
    );
  });
});
