import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './fixtures/recorded';

// A user's fresh clone has nothing beside it: everything the tests, the bench, the build and dev
// read must be inside the repository. CI also runs the suite in a `git clone --depth 1` in an
// empty folder (.ci/run); this check names the offending line before that run fails.

// The team's reference folder beside the repository, spelled in pieces so that this file, which
// looks for it, does not itself name it.
const REFERENCE = ['sha', 'red'].join('');
const SIBLING = `../${REFERENCE}`;
const SIBLING_FOLDER = new RegExp(`\\.\\./${REFERENCE}\\b|['"\`]${REFERENCE}/(fixtures|docs)`, 'g');

const SKIP = new Set(['node_modules', '.git', '.output', '.wxt', 'artifacts', 'results']);
const CODE = /\.(ts|tsx|js|mjs|cjs|json|sh)$|^run$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(path).isDirectory()) return files(path);
    return CODE.test(name) && name !== 'package-lock.json' ? [path] : [];
  });
}

/** Relative path literals (`'../x'`) in a file that point outside the repository from its folder. */
export function escapingPaths(text: string, fileDir: string, root: string): string[] {
  const found: string[] = [];
  for (const [, literal] of text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g)) {
    const target = relative(root, resolve(fileDir, literal!));
    if (target === '..' || target.startsWith(`..${sep}`)) found.push(literal!);
  }
  // The reference folder beside the repository, however it is spelled.
  for (const [match] of text.matchAll(SIBLING_FOLDER)) found.push(match);
  return found;
}

describe('the repository is self-contained', () => {
  it('the check finds a path that leaves the repository', () => {
    const dir = join(REPO_ROOT, 'tests/utils');
    expect(escapingPaths(`readFileSync(resolve(import.meta.dirname, '../../${SIBLING}/fixtures/x.json'))`, dir, REPO_ROOT)).not.toEqual([]);
    expect(escapingPaths(`resolve(ROOT, '${SIBLING}/fixtures')`, REPO_ROOT, REPO_ROOT)).not.toEqual([]);
    expect(escapingPaths(`import { db } from '../../utils/db';`, dir, REPO_ROOT)).toEqual([]);
  });

  it('no code, test, bench, config or CI script reads outside the repository', () => {
    const offenders = files(REPO_ROOT).flatMap((path) =>
      escapingPaths(readFileSync(path, 'utf8'), dirname(path), REPO_ROOT).map((literal) => `${relative(REPO_ROOT, path)}: ${literal}`),
    );
    // This file names the patterns it looks for.
    expect(offenders.filter((o) => !o.startsWith(`tests${sep}self-contained.test.ts`))).toEqual([]);
  });
});
