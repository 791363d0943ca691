import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
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
  checkInstalledFirefox();
  execFileSync(
    'npx',
    ['web-ext', 'build', '--source-dir', FIREFOX_EXTENSION_DIR, '--artifacts-dir', dirname(FIREFOX_XPI), '--filename', basename(FIREFOX_XPI), '--overwrite-dest'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** The installed Firefox must be one the shipped manifest accepts: the suite tests what ships. */
function checkInstalledFirefox(): void {
  const installed = /(\d+)\.\d+/.exec(execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }))?.[1];
  if (!installed) throw new Error(`Cannot read the version of ${FIREFOX}`);
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as GeckoManifest;
  const wanted = manifest.browser_specific_settings.gecko.strict_min_version;
  if (Number.parseInt(wanted, 10) > Number(installed)) throw new Error(`Firefox ${installed} is older than the ${wanted} Paperboy needs: install a newer Firefox ESR`);
}
