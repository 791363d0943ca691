import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const BENCH_OUT = resolve(ROOT, '.output/chrome-mv3-bench');
const PAGE_OUT = resolve(ROOT, '.output/chrome-mv3-bench-page');

/** Builds Paperboy in bench mode (production bundles, Hugging Face at `origin`) with the bench's driver page. */
export function buildBench(origin: string, log: (message: string) => void = () => undefined): void {
  // Without NODE_ENV=production a non-production mode ships Preact's debug build. The bench
  // build goes last so .wxt/ types describe the real entrypoints again.
  const env = { ...process.env, NODE_ENV: 'production', WXT_HF_ORIGIN: origin };
  for (const mode of ['bench-page', 'bench']) {
    log(`building --mode ${mode}`);
    execFileSync('npx', ['wxt', 'build', '--mode', mode], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  // The driver page joins the bench build without changing how its own pages are chunked.
  cpSync(join(PAGE_OUT, 'bench.html'), join(BENCH_OUT, 'bench.html'));
  cpSync(join(PAGE_OUT, 'chunks'), join(BENCH_OUT, 'chunks'), { recursive: true });
}
