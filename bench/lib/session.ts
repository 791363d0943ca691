import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, newProfile, waitFor, type Extension } from '../../tests/e2e/browser';
import type { BenchApi } from '../page/main';
import { BENCH_OUT, buildBench } from './build';
import { loadTemplates } from './items';
import { BenchServer } from './server';

const ROOT = resolve(import.meta.dirname, '../..');

export type BenchCaller = <K extends keyof BenchApi>(name: K, ...params: Parameters<BenchApi[K]>) => Promise<Awaited<ReturnType<BenchApi[K]>>>;

export interface BenchSession {
  ext: Extension;
  profile: string;
  /** The bench driver page, and a call into its API. */
  bench: Page;
  call: BenchCaller;
  /** Closes the browser, drops a profile that was not kept, stops the local server. */
  close(): Promise<void>;
}

/**
 * What `bench:visit` and `bench:cold` start from: the local Hugging Face server on `port`, the bench
 * build (unless `skipBuild`), a browser on a fresh profile or the one kept in `keep`, the snapshot
 * loaded, and `papers` papers seeded (a kept profile seeded before is used as it is).
 */
export async function benchSession({ port, keep, papers, skipBuild }: { port: number; keep?: string; papers: number; skipBuild: boolean }): Promise<BenchSession> {
  const server = new BenchServer({ port, templates: loadTemplates(resolve(ROOT, 'tests/fixtures/recorded')), thumbnailPath: resolve(ROOT, 'assets/icons/128.png') });
  if (!skipBuild) buildBench(server.origin, console.log);
  await server.start();
  const kept = keep ? resolve(keep) : undefined;
  if (kept) mkdirSync(kept, { recursive: true });
  const profile = kept ?? newProfile();
  const ext = await launch(profile, BENCH_OUT);
  const close = async () => {
    await ext.context.close();
    if (!kept) rmSync(profile, { recursive: true, force: true });
    await server.stop();
  };
  try {
    const bench = await ext.context.newPage();
    await bench.goto(`chrome-extension://${ext.id}/bench.html`);
    await bench.waitForFunction(() => 'paperboyBench' in globalThis);
    const call: BenchCaller = (name, ...params) =>
      bench.evaluate(([n, p]) => (globalThis as unknown as { paperboyBench: Record<string, (...a: unknown[]) => unknown> }).paperboyBench[n as string]!(...(p as unknown[])), [name, params] as const) as never;
    await waitFor(() => call('count').then((n) => n >= 88), true, 30_000);
    if (papers > 0 && (await call('count')) < papers) console.log('seeded', await call('seed', papers));
    return { ext, profile, bench, call, close };
  } catch (error) {
    await close();
    throw error;
  }
}
