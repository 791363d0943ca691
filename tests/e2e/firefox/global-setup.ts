import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ARTIFACTS_DIR, ROOT } from '../config';
import { FIREFOX, FIREFOX_EXTENSION_DIR, FIREFOX_FIXTURE_ORIGIN, FIREFOX_XPI } from './config';

interface GeckoManifest {
  browser_specific_settings: { gecko: { strict_min_version: string } };
}

/** Builds the Firefox extension once for all Firefox e2e files, pointed at the fixture server, and packs it. */
export default function setup() {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Without NODE_ENV=production a non-production mode ships Preact's debug build. arXiv points
    // at the same fixture origin as in the Chromium suite (tests/e2e/config.ts says why).
    env: { ...process.env, NODE_ENV: 'production', WXT_HF_ORIGIN: FIREFOX_FIXTURE_ORIGIN, WXT_ARXIV_ORIGIN: FIREFOX_FIXTURE_ORIGIN },
  });
  allowInstalledFirefox();
  execFileSync(
    'npx',
    ['web-ext', 'build', '--source-dir', FIREFOX_EXTENSION_DIR, '--artifacts-dir', dirname(FIREFOX_XPI), '--filename', basename(FIREFOX_XPI), '--overwrite-dest'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/**
 * Debian's Firefox is the current ESR (140), older than the manifest's strict_min_version
 * (142, chosen for web-ext lint's Android check), and Firefox refuses to install the add-on at
 * all. The test build only (never the shipped one) lowers it to the installed version, so the
 * suite runs the same code on the Firefox at hand; with a new enough Firefox nothing changes.
 */
function allowInstalledFirefox(): void {
  const installed = /(\d+)\.\d+/.exec(execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }))?.[1];
  if (!installed) throw new Error(`Cannot read the version of ${FIREFOX}`);
  const path = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as GeckoManifest;
  const gecko = manifest.browser_specific_settings.gecko;
  if (Number.parseInt(gecko.strict_min_version, 10) <= Number(installed)) return;
  console.log(`Firefox ${installed} is older than the manifest's ${gecko.strict_min_version}: the e2e build asks for ${installed}.0`);
  gecko.strict_min_version = `${installed}.0`;
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
}
