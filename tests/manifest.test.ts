import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'wxt';

// The shipped manifests, built exactly as `npm run build` / `build:firefox` build them, against
// committed snapshots: a permission, host or CSP change is a reviewed diff in tests/snapshots/.
// After a deliberate change: `npx vitest run tests/manifest.test.ts -u`, and update the
// README's permission table to match.
const ROOT = resolve(import.meta.dirname, '..');
const outBase = mkdtempSync(join(tmpdir(), 'paperboy-manifest-'));

type Flavour = 'full' | 'lite';

/** A build's manifest: the full flavour as `npm run build` builds it, Lite as `npm run build:lite`. */
async function shippedManifest(browser: 'chrome' | 'firefox', flavour: Flavour): Promise<Record<string, unknown>> {
  const saved = { ...process.env };
  // The public build: no fixture origins from the environment, production bundles.
  delete process.env.WXT_HF_ORIGIN;
  delete process.env.WXT_ARXIV_ORIGIN;
  delete process.env.WXT_ARXIV_SITE_ORIGIN;
  process.env.NODE_ENV = 'production';
  try {
    const outDir = join(outBase, `${browser}-${flavour}`);
    await build({ root: ROOT, browser, mode: flavour === 'full' ? 'production' : 'lite', outDir });
    const dir = `${browser}-mv3${flavour === 'full' ? '' : '-lite'}`;
    return JSON.parse(readFileSync(join(outDir, dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  } finally {
    process.env = saved;
  }
}

describe('shipped manifests', { timeout: 180_000 }, () => {
  afterAll(() => rmSync(outBase, { recursive: true, force: true }));

  // One after the other: every build writes WXT's generated files in .wxt/.
  it.each([
    ['chrome', 'full'],
    ['firefox', 'full'],
    ['chrome', 'lite'],
    ['firefox', 'lite'],
  ] as const)('%s manifest (%s flavour) matches tests/snapshots', async (browser, flavour) => {
    const manifest = await shippedManifest(browser, flavour);
    await expect(`${JSON.stringify(manifest, null, 2)}\n`).toMatchFileSnapshot(`snapshots/manifest.${browser}-mv3${flavour === 'lite' ? '-lite' : ''}.json`);
    // Lite is the full flavour without the new-tab override, and nothing else.
    if (flavour === 'lite') expect(manifest.chrome_url_overrides).toBeUndefined();
  });
});
