import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_MAP } from '../utils/triage/keyboard';

// The README's key table and the key map the pages show (`?`) list the same keys, in the same order.
describe('README key table', () => {
  it('lists every key of the key map, and no other', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('\n| key | does |'));
    const rows = table.slice(1, table.indexOf('\n\n')).split('\n').slice(2);
    expect(rows.map((row) => /^\| `([^`]+)` \|/.exec(row)?.[1])).toEqual(KEY_MAP.map(([keys]) => keys));
  });
});
