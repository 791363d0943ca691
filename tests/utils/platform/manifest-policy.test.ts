import { describe, expect, it } from 'vitest';
import { extensionPagesCsp, hostPattern, IMAGE_HOSTS, optionalManifestKeys } from '../../../utils/platform/manifest-policy';

const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('extensionPagesCsp', () => {
  const origins = { hfOrigin: 'https://huggingface.co', arxivOrigin: 'https://export.arxiv.org' };

  it('builds a locked-down production policy with no unsafe-* anywhere', () => {
    const csp = extensionPagesCsp(origins);
    expect(csp).not.toMatch(/unsafe|\*|localhost|data:|blob:/);
    expect(directives(csp)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'object-src': ["'none'"],
      'connect-src': ["'self'", 'https://huggingface.co', 'https://export.arxiv.org'],
      'img-src': ["'self'", ...IMAGE_HOSTS.map((host) => `https://${host}`)],
      'style-src': ["'self'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('lets the pages and the worker reach exactly the configured API origins (a test build’s fixture servers)', () => {
    const csp = directives(extensionPagesCsp({ hfOrigin: 'http://127.0.0.1:41751', arxivOrigin: 'http://127.0.0.1:41752' }));
    expect(csp['connect-src']).toEqual(["'self'", 'http://127.0.0.1:41751', 'http://127.0.0.1:41752']);
    expect(csp['img-src']).not.toContain('http://127.0.0.1:41751');
  });

  it('opens only what Vite’s dev server needs, and only in dev', () => {
    const csp = directives(extensionPagesCsp({ ...origins, dev: true }));
    expect(csp['connect-src']).toEqual(["'self'", 'https://huggingface.co', 'https://export.arxiv.org', 'http://localhost:*', 'ws://localhost:*']);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'", 'http://localhost:*']);
    expect(csp['script-src']).toEqual(["'self'"]);
  });
});

describe('hostPattern', () => {
  it('gives the public origins the same pattern in every browser', () => {
    for (const browser of ['chrome', 'firefox', 'edge']) {
      expect(hostPattern('https://huggingface.co', browser)).toBe('https://huggingface.co/*');
      expect(hostPattern('https://export.arxiv.org', browser)).toBe('https://export.arxiv.org/*');
    }
  });

  it('keeps a port for Chrome, which matches ports exactly', () => {
    expect(hostPattern('http://127.0.0.1:41751', 'chrome')).toBe('http://127.0.0.1:41751/*');
    expect(hostPattern('http://[::1]:8080', 'edge')).toBe('http://[::1]:8080/*');
  });

  it('drops the port for Firefox, where a pattern with a port matches nothing (bug 1362809)', () => {
    expect(hostPattern('http://127.0.0.1:41751', 'firefox')).toBe('http://127.0.0.1/*');
    expect(hostPattern('https://localhost:8443', 'firefox')).toBe('https://localhost/*');
    expect(hostPattern('http://[::1]:8080', 'firefox')).toBe('http://[::1]/*');
  });
});

describe('optionalManifestKeys', () => {
  it('declares the arXiv origin of this build and the notifications permission, nothing else', () => {
    expect(optionalManifestKeys('http://127.0.0.1:41752', 'chrome')).toEqual({
      optional_permissions: ['notifications'],
      optional_host_permissions: ['http://127.0.0.1:41752/*'],
    });
  });

  it('declares the arXiv host with the pattern Firefox matches', () => {
    expect(optionalManifestKeys('http://127.0.0.1:41752', 'firefox').optional_host_permissions).toEqual(['http://127.0.0.1/*']);
  });
});
