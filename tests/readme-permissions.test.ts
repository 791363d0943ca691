import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's permission table must list exactly what the shipped manifests ask for, each
// marked optional or not as the manifest has it. The manifests themselves are pinned by
// tests/manifest.test.ts.
const ROOT = resolve(import.meta.dirname, '..');

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  chrome_url_overrides?: Record<string, string>;
}

function manifestRows(manifest: Manifest): string[] {
  return [
    ...(manifest.permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...Object.keys(manifest.chrome_url_overrides ?? {}).map((page) => `chrome_url_overrides.${page}`),
    ...[...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])].map((p) => `${p} (optional)`),
  ].sort();
}

function readmeRows(): string[] {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Permissions\n'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('\n|')));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cell = line.split('|')[1]!;
      const name = /`([^`]+)`/.exec(cell)![1]!;
      return cell.includes('(optional)') ? `${name} (optional)` : name;
    })
    .sort();
}

describe('README permission table', () => {
  it.each(['chrome', 'firefox'])('lists exactly what the %s manifest asks for', (browser) => {
    const manifest = JSON.parse(readFileSync(resolve(ROOT, `tests/snapshots/manifest.${browser}-mv3.json`), 'utf8')) as Manifest;
    expect(readmeRows()).toEqual(manifestRows(manifest));
  });
});
