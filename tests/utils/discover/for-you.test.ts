import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../utils/data/db';
import { rankForYou, type ForYouPick, type Liked } from '../../../utils/discover/for-you';
import type { Rule } from '../../../utils/discover/rule-types';
import { normaliseArxivId } from '../../../utils/sync/sources/arxiv-id';
import { parseDailyPapers } from '../../../utils/sync/sources/hf';
import { recordedHfFiles, seedSnapshotText, topicLabels } from '../../fixtures/recorded';
import { T0 } from '../../support/harness';

const DAY = 86_400_000;

/** The fixture set: every recorded HF paper and the 88 bundled ones, as a first-run profile stores them. */
function corpus(): Paper[] {
  const papers = new Map<string, Paper>();
  for (const { items } of recordedHfFiles<unknown[]>()) {
    const parsed = parseDailyPapers(items, 'https://huggingface.co');
    if (!parsed.ok) throw new Error(parsed.reason);
    for (const paper of parsed.papers) papers.set(paper.id, { ...paper, source: 'hf', firstSeenAt: T0 });
  }
  const seed = JSON.parse(seedSnapshotText()) as { papers: { arxiv_id: string; title: string; summary: string }[] };
  for (const item of seed.papers) {
    const id = normaliseArxivId(item.arxiv_id)!;
    if (!papers.has(id)) papers.set(id, { id, title: item.title, summary: item.summary, authors: [], links: {}, source: 'bundled', firstSeenAt: T0 });
  }
  return [...papers.values()];
}

const PAPERS = corpus();
const byId = new Map(PAPERS.map((p) => [p.id, p]));
const TOPICS = topicLabels();
const read = (...ids: string[]): Liked[] => ids.map((id, i) => ({ paper: byId.get(id)!, kind: 'read', at: T0 - i * DAY }));

/** Precision of the top `k`: the share of them on the topic. */
function precision(ids: string[], topic: readonly string[], k: number): number {
  return ids.slice(0, k).filter((id) => topic.includes(id)).length / k;
}

function quality(readIds: string[], topic: readonly string[]) {
  const ids = rankForYou({ candidates: PAPERS, liked: read(...readIds), hidden: [], rules: [], now: T0 }).map((p) => p.id);
  const left = topic.filter((id) => !readIds.includes(id)).length;
  return { ids, p10: precision(ids, topic, 10), rPrecision: precision(ids, topic, left), left, found: ids.slice(0, 10).filter((id) => topic.includes(id)).length };
}

describe('For you, on real titles and abstracts', () => {
  it(`has a fixture set of ${PAPERS.length} papers with both topics labelled`, () => {
    expect(PAPERS.length).toBeGreaterThan(110);
    for (const id of [...TOPICS.rl, ...TOPICS.diffusion]) expect(byId.has(id), id).toBe(true);
  });

  it('a reader of reinforcement-learning papers gets reinforcement-learning papers first', () => {
    const q = quality(['2308.14328', '2606.13106', '2606.08039'], TOPICS.rl);
    console.info(`RL reader: precision@10 ${q.p10.toFixed(2)} (${q.found} of the ${q.left} RL papers left are in the top 10), R-precision ${q.rPrecision.toFixed(2)}; top 10: ${q.ids.slice(0, 10).join(' ')}`);
    expect(TOPICS.rl).toContain(q.ids[0]);
    expect(q.rPrecision).toBeGreaterThanOrEqual(0.75);
    expect(q.found).toBe(q.left);
  });

  it('a reader of diffusion papers gets diffusion papers first', () => {
    const q = quality(['2606.12575', '2606.08788', '2412.17153'], TOPICS.diffusion);
    console.info(`Diffusion reader: precision@10 ${q.p10.toFixed(2)} (${q.found} of the ${q.left} diffusion papers left are in the top 10), R-precision ${q.rPrecision.toFixed(2)}; top 10: ${q.ids.slice(0, 10).join(' ')}`);
    expect(TOPICS.diffusion).toContain(q.ids[0]);
    expect(q.rPrecision).toBeGreaterThanOrEqual(0.75);
    expect(q.found).toBe(q.left);
  });
});

describe('For you: reasons, hidden papers, rules', () => {
  const rlReads = ['2308.14328', '2606.13106', '2606.08039'];
  const rank = (extra: { hidden?: string[]; rules?: Rule[]; liked?: Liked[] } = {}) =>
    rankForYou({ candidates: PAPERS, liked: extra.liked ?? read(...rlReads), hidden: (extra.hidden ?? []).map((id) => byId.get(id)!), rules: extra.rules ?? [], now: T0 });

  it('nothing read or saved yet: nothing to go on, no picks', () => {
    expect(rankForYou({ candidates: PAPERS, liked: [], hidden: [], rules: [], now: T0 })).toEqual([]);
  });

  it('every pick names a real paper the user read, the one it is most like', () => {
    const picks = rank();
    expect(picks.length).toBeGreaterThan(10);
    for (const pick of picks) {
      expect(rlReads).toContain(pick.like);
      const title = byId.get(pick.like!)!.title;
      expect(pick.reason.startsWith(`because you read “${title.slice(0, 60)}`)).toBe(true);
      expect(pick.reason.length).toBeLessThan(120); // long titles are cut short
    }
    expect(picks.map((p) => p.id)).not.toContain(rlReads[0]); // read papers are not recommended
  });

  it('saved papers count more than read ones, and their reason says saved', () => {
    const liked: Liked[] = [...read('2606.12575'), { paper: byId.get('2308.14328')!, kind: 'saved', at: T0 }];
    const [top] = rank({ liked });
    expect(top!.reason).toMatch(/^because you saved “Reinforcement Learning for Generative AI: A Survey”$/);
  });

  it('hidden papers pull similar papers down and are never picked', () => {
    const score = (picks: ForYouPick[], id: string) => picks.find((p) => p.id === id)?.score ?? 0;
    const before = rank();
    const hidden = ['2606.09290', '2606.13681'];
    const after = rank({ hidden });
    for (const id of hidden) expect(after.map((p) => p.id)).not.toContain(id);
    // A paper like the hidden ones (another multi-agent framework) loses ground.
    expect(score(before, '2606.13572')).toBeGreaterThan(0);
    expect(score(after, '2606.13572')).toBeLessThan(score(before, '2606.13572'));
  });

  it('a pin rule lifts its papers to the top, and the reason names the rule too', () => {
    const pin: Rule = { id: 'p', pattern: 'sparse attention', regex: false, fields: ['title'], effect: 'pin' };
    const [top] = rank({ rules: [pin] });
    expect(top!.id).toBe('2606.13392'); // MiniMax Sparse Attention, unlike anything read
    expect(top!.reason).toMatch(/matches your rule “sparse attention”$/);
  });

  it('a dim rule halves a paper’s score, so it drops', () => {
    const before = rank().map((p) => p.id);
    const first = before[0]!;
    const dim: Rule = { id: 'd', pattern: byId.get(first)!.title.split(':')[0]!, regex: false, fields: ['title'], effect: 'dim' };
    expect(rank({ rules: [dim] }).map((p) => p.id).indexOf(first)).toBeGreaterThan(0);
  });
});
