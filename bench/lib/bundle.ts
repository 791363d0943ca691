import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

export interface BundleSize {
  files: string[];
  bytes: number;
  gzip: number;
}

function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function measure(root: string, paths: Set<string>): BundleSize {
  const files = [...paths].sort();
  return {
    files: files.map((path) => relative(root, path)),
    bytes: files.reduce((sum, path) => sum + readFileSync(path).length, 0),
    gzip: files.reduce((sum, path) => sum + gzipSize(path), 0),
  };
}

/** Resolves an extension URL (`/chunks/x.js`) or a relative import against the importing file. */
function resolveIn(root: string, from: string, specifier: string): string {
  return specifier.startsWith('/') ? join(root, specifier) : resolve(dirname(from), specifier);
}

/**
 * The JavaScript a page loads before it can paint: the HTML's module scripts and modulepreload
 * links, and everything they import statically. Dynamic `import()`s load later and count only
 * toward `all`.
 */
export async function pageBundle(root: string, html: string): Promise<{ critical: BundleSize; all: BundleSize }> {
  await init;
  const page = readFileSync(join(root, html), 'utf8');
  const entries = [...page.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => join(root, m[1]!));
  const walk = (includeDynamic: boolean): Set<string> => {
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      const [imports] = parse(readFileSync(path, 'utf8'));
      for (const entry of imports) {
        const dynamic = entry.d > -1;
        if (!entry.n || !entry.n.endsWith('.js') || (dynamic && !includeDynamic)) continue;
        visit(resolveIn(root, path, entry.n));
      }
    };
    entries.forEach(visit);
    return seen;
  };
  return { critical: measure(root, walk(false)), all: measure(root, walk(true)) };
}

/** A classic script (the worker) is one file. */
export function fileBundle(root: string, file: string): BundleSize {
  return measure(root, new Set([join(root, file)]));
}
