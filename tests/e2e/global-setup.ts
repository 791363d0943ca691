import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { ARTIFACTS_DIR, ARXIV_FIXTURE_ORIGIN, ARXIV_SITE_FIXTURE_ORIGIN, CHROMIUM, FIXTURE_ORIGIN, ROOT } from './config';

/** Builds the extension once for all e2e files, pointed at the local fixture server. */
export default function setup() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Without NODE_ENV=production a non-production mode ships Preact's debug build.
    env: { ...process.env, NODE_ENV: 'production', WXT_HF_ORIGIN: FIXTURE_ORIGIN, WXT_ARXIV_ORIGIN: ARXIV_FIXTURE_ORIGIN, WXT_ARXIV_SITE_ORIGIN: ARXIV_SITE_FIXTURE_ORIGIN },
  });
}
