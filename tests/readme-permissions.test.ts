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

/** The table's rows for a flavour: Lite leaves out those marked "full flavour only". */
function readmeRows(flavour: 'full' | 'lite'): string[] {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Permissions\n'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('\n|')));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .filter((line) => flavour === 'full' || !line.split('|')[1]!.includes('full flavour only'))
    .map((line) => {
      const cell = line.split('|')[1]!;
      const name = /`([^`]+)`/.exec(cell)![1]!;
      return cell.includes('(optional)') ? `${name} (optional)` : name;
    })
    .sort();
}

describe('README permission table', () => {
  it.each([
    ['chrome', 'full'],
    ['firefox', 'full'],
    ['chrome', 'lite'],
    ['firefox', 'lite'],
  ] as const)('lists exactly what the %s manifest (%s flavour) asks for', (browser, flavour) => {
    const snapshot = `tests/snapshots/manifest.${browser}-mv3${flavour === 'lite' ? '-lite' : ''}.json`;
    const manifest = JSON.parse(readFileSync(resolve(ROOT, snapshot), 'utf8')) as Manifest;
    expect(readmeRows(flavour)).toEqual(manifestRows(manifest));
  });
});
