/**
 * `npm run bench:ingest -- --runs 7 [--items 10000] [--skip-build]`: only the ingest row of
 * `npm run bench` (parseDailyPapers + applySync of N new HF items into an empty database, against
 * a raw bulkPut of the same rows), in the same bench page, for A/B runs of the write path without
 * the 25-minute full bench. Prints each run and the medians; writes nothing.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch, newProfile, waitFor } from '../tests/e2e/browser';
import type { BenchApi } from './page/main';
import { BENCH_OUT, buildBench } from './lib/build';
import { loadTemplates } from './lib/items';
import { BenchServer } from './lib/server';
import { ratio, summarise } from './lib/stats';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    items: { type: 'string', default: '10000' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const PORT = Number(process.env.PAPERBOY_BENCH_PORT ?? 41795);

async function main() {
  const server = new BenchServer({ port: PORT, templates: loadTemplates(resolve(ROOT, 'tests/fixtures/recorded')), thumbnailPath: resolve(ROOT, 'assets/icons/128.png') });
  if (!args['skip-build'] || !existsSync(join(BENCH_OUT, 'bench.html'))) buildBench(server.origin, console.log);
  await server.start();
  const ext = await launch(newProfile(), BENCH_OUT);
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/bench.html`);
    await page.waitForFunction(() => 'paperboyBench' in globalThis);
    type Paged = { paperboyBench: BenchApi };
    await waitFor(() => page.evaluate(() => (globalThis as unknown as Paged).paperboyBench.count()).then((n) => n >= 88), true, 30_000);
    const result = await page.evaluate(([items, runs]) => (globalThis as unknown as Paged).paperboyBench.ingest(items, runs), [Number(args.items), Number(args.runs)] as const);
    const real = summarise(result.real);
    const raw = summarise(result.raw);
    const parse = summarise(result.parse);
    const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
    console.log(`real (parse + applySync) ms: ${list(result.real)}`);
    console.log(`  of which parse ms:        ${list(result.parse)}`);
    console.log(`raw bulkPut ms:             ${list(result.raw)}`);
    console.log(`stored ${result.stored} papers; median real ${real.median.toFixed(0)} ms (parse ${parse.median.toFixed(0)}), raw ${raw.median.toFixed(0)} ms: ${ratio(real, raw).toFixed(2)} × raw`);
  } finally {
    await ext.context.close();
    await server.stop();
  }
}

await main();
