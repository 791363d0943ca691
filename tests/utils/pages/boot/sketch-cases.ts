import fc from 'fast-check';
import { vi } from 'vitest';
import type { Paper, UserState } from '../../../../utils/data/db';
import type { PaperView } from '../../../../utils/data/papers';
import type { PaperHandlers } from '../../../../utils/triage/types';
import { HOSTILE_LINKS, HOSTILE_SUMMARY, HOSTILE_TITLES } from '../../../fixtures/hostile-hf';

// What the tests of the first screens drawn by the entry scripts (popup-sketch.test.tsx,
// newtab-sketch.test.tsx) share: the DOM's shape to compare, and generated papers, user state and
// sync states.

export const NOW = Date.parse('2026-06-12T10:00:00Z');
export const URL_OF = (path: string) => `${location.origin}${path}`;

export type Shape = string | [string, string[], Shape[]];

/** An element's attributes, sorted; a checked box or radio says so whether the property or the attribute checked it. */
function attributesOf(element: Element): string[] {
  const attributes = [...element.attributes].filter((a) => a.name !== 'checked').map((a) => `${a.name}=${a.value}`);
  if (element instanceof HTMLInputElement && element.checked) attributes.push('checked=');
  return attributes.sort();
}

/** Tag, sorted attributes and children; adjacent text joined and empty text dropped. */
export function shape(node: Node): Shape[] {
  const out: Shape[] = [];
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      const text = child.nodeValue ?? '';
      if (text === '') continue;
      if (typeof out[out.length - 1] === 'string') out[out.length - 1] += text;
      else out.push(text);
    } else if (child instanceof Element) {
      out.push([child.localName, attributesOf(child), shape(child)]);
    }
  }
  return out;
}

export const handlers = new Proxy({}, { get: () => vi.fn() }) as PaperHandlers;

const text = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom(...HOSTILE_TITLES, HOSTILE_SUMMARY));
const day = fc.integer({ min: Date.parse('2026-05-01'), max: NOW }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const link = fc.option(fc.constantFrom('https://huggingface.co/papers/2606.00001', ' https://arxiv.org/abs/2606.00001 ', 'not a url', ...HOSTILE_LINKS), { nil: undefined });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const paper = (id: string) =>
  fc.record({
    title: text,
    authors: fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }),
    upvotes: maybe(fc.integer({ min: 0, max: 20_000 })),
    comments: maybe(fc.integer({ min: 0, max: 300 })),
    githubStars: maybe(fc.integer({ min: 0, max: 90_000 })),
    featuredOn: maybe(day),
    publishedAt: maybe(fc.integer({ min: Date.parse('2020-01-01'), max: NOW })),
    // Empty, short, and past the 280 characters a card shows unfolded.
    summary: fc.constantFrom('', 'An abstract.', 'A long abstract. '.repeat(20), HOSTILE_SUMMARY),
    aiSummary: maybe(fc.oneof(fc.constant(''), text)),
    aiKeywords: maybe(fc.array(fc.constantFrom('LLM', 'llm', 'agents', 'RL', 'diffusion', '<b>x</b>', 'vision', 'speech', 'robotics'), { maxLength: 10 })),
    primaryCategory: maybe(fc.constantFrom('cs.LG', 'cs.CL', '')),
    organization: maybe(fc.constantFrom('Example Lab', '<i>Org</i>', '')),
    thumbnail: maybe(fc.constantFrom('https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2606.00001.png', 'https://evil.example/pixel.png', 'javascript:alert(1)')),
    source: fc.constantFrom('hf', 'arxiv', 'bundled'),
    hf: link,
    arxiv: link,
    pdf: link,
    code: link,
    project: link,
    // Stored an hour to two weeks ago: the oldest have no sparkline left in its window.
    firstSeenAt: fc.integer({ min: NOW - 14 * 86_400_000, max: NOW - 3_600_000 }),
    lastSeenInFeedAt: maybe(fc.integer({ min: NOW - 5 * 86_400_000, max: NOW })),
  }).map(({ hf, arxiv, pdf, code, project, ...rest }): Paper => ({ id, links: { hf, arxiv, pdf, code, project } as Paper['links'], ...rest }) as Paper);

const state = maybe(
  fc.record({
    readAt: maybe(fc.constant(NOW - 60_000)),
    savedAt: maybe(fc.constant(NOW - 60_000)),
    dismissedAt: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(NOW - 60_000) }),
  }),
);

/** 1 to `most` papers of a list, ranked in order, with or without user state. */
export const paperViews = (most: number) =>
  fc.array(state, { minLength: 1, maxLength: most }).chain((states) =>
    fc.tuple(...states.map((s, i) => paper(`2606.${String(10_000 + i)}`).map((p): PaperView => ({ paper: p, state: s && ({ id: p.id, ...s } as UserState), rank: i + 1 })))),
  );

export const syncStatus = fc.record({
  lastSuccessAt: maybe(fc.integer({ min: NOW - 3 * 86_400_000, max: NOW })),
  lastError: maybe(fc.record({ at: fc.integer({ min: NOW - 86_400_000, max: NOW }), kind: fc.constantFrom('offline', 'http'), message: fc.constantFrom('HTTP 503', 'Offline') })),
  nextAttemptAt: maybe(fc.integer({ min: NOW - 60_000, max: NOW + 3_600_000 })),
  feeds: fc.record({ 'hf-daily': fc.record({ day: day, fetchedAt: fc.constant(NOW - 60_000), skipped: maybe(fc.integer({ min: 0, max: 3 })) }) }),
});

/** The views a page opens on by default, the feeds kept, and the sync period in the settings' copy. */
export const defaultViews = fc.constantFrom('hf-trending', 'hf-daily', 'bundled');
export const liveFeeds = fc.constantFrom<('hf-trending' | 'hf-daily')[]>(['hf-trending', 'hf-daily'], ['hf-daily'], ['hf-trending']);
export const syncPeriod = maybe(fc.integer({ min: 1, max: 2000 }));

/** The feeds' sizes the read gives with `view` open. */
export const sizesFor = (view: string) => ({ 'hf-trending': view === 'bundled' ? 0 : 12, 'hf-daily': view === 'bundled' ? 0 : 30, bundled: 88 });
