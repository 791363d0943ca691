import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A raw `/api/daily_papers` item, as Hugging Face sends it. */
export type HfItem = { paper: Record<string, unknown> & { id: string; title: string; upvotes: number } } & Record<string, unknown>;

const FIXTURE_DAYS = ['2026-06-12', '2026-08-03'];
const PAPERS_PER_DAY = 100;
const LAST_DAY = Date.parse('2026-08-03T00:00:00Z');
const DAY_MS = 86_400_000;

/** The recorded HF responses in tests/fixtures/recorded/hf: the templates every generated item copies. */
export function loadTemplates(fixturesDir: string): HfItem[] {
  return FIXTURE_DAYS.flatMap(
    (day) => JSON.parse(readFileSync(resolve(fixturesDir, `hf/daily_papers_${day}.json`), 'utf8')) as HfItem[],
  );
}

/** A small deterministic PRNG (mulberry32), so every run seeds the same database. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Item `index` of a synthetic history: a recorded item with its own arXiv id, a title spliced
 * from two recorded titles, its own upvotes, and a featured day (100 papers a day, newest last),
 * so the database looks like months of real syncs. Thumbnails point at the bench server.
 */
export function generateItem(templates: HfItem[], index: number, total: number, thumbOrigin: string): HfItem {
  const rand = random(index + 1);
  const template = templates[index % templates.length]!;
  const other = templates[Math.floor(rand() * templates.length)]!;
  const id = `${2601 + Math.floor(index / 90_000)}.${String(10_000 + (index % 90_000)).padStart(5, '0')}`;
  const head = template.paper.title.split(' ');
  const tail = other.paper.title.split(' ');
  const title = [...head.slice(0, Math.ceil(head.length / 2)), ...tail.slice(Math.ceil(tail.length / 2))].join(' ');
  const daysBack = Math.floor((total - 1 - index) / PAPERS_PER_DAY);
  const featured = new Date(LAST_DAY - daysBack * DAY_MS).toISOString();
  const upvotes = Math.floor(rand() ** 3 * 400);
  const item = structuredClone(template);
  Object.assign(item.paper, { id, title, upvotes, submittedOnDailyAt: featured, publishedAt: featured });
  Object.assign(item, { title, thumbnail: `${thumbOrigin}/bench/thumb/${id}.png`, numComments: Math.floor(rand() * 12) });
  return item;
}

/** `count` items starting at `offset`, of a history `total` items long. */
export function generateItems(templates: HfItem[], offset: number, count: number, total: number, thumbOrigin: string): HfItem[] {
  return Array.from({ length: count }, (_, i) => generateItem(templates, offset + i, total, thumbOrigin));
}
