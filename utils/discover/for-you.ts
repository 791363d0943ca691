import { t } from '../lib/i18n';
import type { Paper } from '../data/db';
import { ruleLabel, type Rule } from './rule-types';
import { matchRules, ruleEffects, type RuleEffects } from './rules';
import { termCounts, type TermCounts } from './text';
import { collectionStats, denseMean, dot, dotDense, termVector, type TermVector } from './vectors';

// "For you": a private ranking learned on this device from what the user reads, saves and hides.
// Each candidate's text (title, AI keywords, abstract) is compared with the papers the user read
// and saved (BM25-weighted term vectors, cosine similarity); hidden papers pull it down; newer
// papers get a head start; the user's rules pin, lift or dim. Every pick names the paper it is
// most like. Pure: the background runs it (utils/sync/for-you-job.ts).

/** A paper the user showed interest in. */
export interface Liked {
  paper: Paper;
  kind: 'read' | 'saved';
  /** When they read or saved it. */
  at: number;
}

export interface ForYouInput {
  /** Papers that may be recommended; read, saved and hidden ones are left out. */
  candidates: readonly Paper[];
  liked: readonly Liked[];
  hidden: readonly Paper[];
  rules: readonly Rule[];
  now: number;
  limit?: number;
  /** Term counts of a paper, for a caller that caches them between runs. */
  counts?: (paper: Paper) => TermCounts;
}

export interface ForYouPick {
  id: string;
  score: number;
  /** The short "because …" text the card carries. */
  reason: string;
  /** The read or saved paper it is most like. */
  like?: string;
}

const DAY_MS = 86_400_000;
/** Saving says more than reading. */
const KIND_WEIGHT = { read: 1, saved: 2 } as const;
/** An interest fades: a read from two months ago counts half. */
const INTEREST_HALF_LIFE_MS = 60 * DAY_MS;
/** How much hidden papers pull similar ones down. */
const HIDDEN_WEIGHT = 0.6;
/** The first pass ranks everything against the profile's centroid; this many go on to the second. */
const SHORTLIST = 300;
/** Below this similarity a paper is not "like" anything the user read. */
const MIN_SIMILARITY = 0.03;

/**
 * A paper's date for the recency prior: arXiv's, else the day HF featured it, else the month its
 * new-style id names (2308.14328: August 2023; the bundled snapshot has no dates), else first seen.
 */
export function paperTime(paper: Paper): number {
  if (paper.publishedAt !== undefined) return paper.publishedAt;
  if (paper.featuredOn) return Date.parse(`${paper.featuredOn}T00:00:00Z`);
  const month = /^(\d{2})(\d{2})\./.exec(paper.id);
  return month ? Date.UTC(2000 + Number(month[1]), Number(month[2]) - 1, 1) : paper.firstSeenAt;
}

/** Newer papers get a head start that halves every two weeks of age, never below 0.7. */
export function recencyPrior(paper: Paper, now: number): number {
  const age = Math.max(0, now - paperTime(paper)) / DAY_MS;
  return 0.7 + 0.3 * 2 ** (-age / 14);
}

/** The liked paper a candidate is most like, by weighted similarity. */
function nearest(vector: TermVector, liked: readonly Like[]): { index: number; similarity: number } {
  let index = -1;
  let best = 0;
  let similarity = 0;
  liked.forEach((like, i) => {
    const s = dot(vector, like.vector);
    if (s * like.weight > best) [index, best, similarity] = [i, s * like.weight, s];
  });
  return { index, similarity };
}

function quote(title: string): string {
  return t('common.quoted', [title.length > 90 ? `${title.slice(0, 89).trimEnd()}…` : title]);
}

interface Like {
  vector: TermVector;
  weight: number;
  like: Liked;
}

interface Scored {
  paper: Paper;
  vector: TermVector;
  /** Similarity to the profile, less similarity to what the user hid. */
  score: number;
  effects: RuleEffects;
}

/**
 * First pass: every candidate's BM25 vector against the centroid of the liked papers (each
 * weighted by kind and how recent) and of the hidden ones: one sparse dot product each.
 */
function firstPass(input: ForYouInput, candidates: readonly Paper[]): { scored: Scored[]; likes: Like[] } {
  const { liked, hidden, rules, now } = input;
  const countsOf = input.counts ?? termCounts;
  const counts = new Map<Paper, TermCounts>();
  for (const paper of [...candidates, ...liked.map((l) => l.paper), ...hidden]) counts.set(paper, countsOf(paper));
  const stats = collectionStats(counts.values());
  const vectorOf = (paper: Paper) => termVector(counts.get(paper)!, stats);
  const likes = liked.map((like): Like => ({ vector: vectorOf(like.paper), weight: KIND_WEIGHT[like.kind] * 2 ** (-Math.max(0, now - like.at) / INTEREST_HALF_LIFE_MS), like }));
  const profile = denseMean(
    likes.map((l) => l.vector),
    likes.map((l) => l.weight),
  );
  const dislikes = denseMean(
    hidden.map(vectorOf),
    hidden.map(() => 1),
  );
  const scored = candidates.map((paper): Scored => {
    const vector = vectorOf(paper);
    return { paper, vector, score: dotDense(vector, profile) - HIDDEN_WEIGHT * dotDense(vector, dislikes), effects: ruleEffects(matchRules(paper, rules)) };
  });
  return { scored, likes };
}

const lifted = ({ effects }: Scored) => effects.pinned || effects.highlighted;

/** The "because …" text: the liked paper it is most like, and the rule that lifted it. */
function reasonFor(like: Liked | undefined, effects: RuleEffects): string {
  const because = like && t(like.kind === 'saved' ? 'discover.becauseSaved' : 'discover.becauseRead', [quote(like.paper.title)]);
  const byRule = effects.pinned || effects.highlighted;
  if (because && byRule) return `${because} · ${t('discover.ruleReason', [ruleLabel(effects.first!)])}`;
  return because ?? t('discover.becauseRule', [effects.first ? ruleLabel(effects.first) : '']);
}

/**
 * Ranks the candidates for the user: best first, at most `limit`, each with its reason. A second
 * pass over the first pass's shortlist applies the recency prior and the rules, and finds the
 * liked paper each pick is most like, which its reason names. (Scoring by that nearest paper
 * instead of the centroid, or by a blend of the two, ranked worse on the fixture set:
 * tests/utils/discover/for-you.test.ts.)
 */
export function rankForYou(input: ForYouInput): ForYouPick[] {
  const { liked, hidden, now, limit = 50 } = input;
  if (liked.length === 0) return [];
  const excluded = new Set([...liked.map((l) => l.paper.id), ...hidden.map((p) => p.id)]);
  const { scored, likes } = firstPass(
    input,
    input.candidates.filter((p) => !excluded.has(p.id)),
  );
  scored.sort((a, b) => Number(lifted(b)) - Number(lifted(a)) || b.score - a.score);

  const picks: ForYouPick[] = [];
  for (const candidate of scored.slice(0, SHORTLIST)) {
    const { paper, effects } = candidate;
    const near = nearest(candidate.vector, likes);
    const like = near.similarity >= MIN_SIMILARITY ? likes[near.index]!.like : undefined;
    if (!like && !lifted(candidate)) continue;
    let score = candidate.score * recencyPrior(paper, now);
    if (effects.pinned) score += 1;
    if (effects.highlighted) score = score * 1.5 + 0.05;
    if (effects.dimmed) score *= 0.5;
    picks.push({ id: paper.id, score, reason: reasonFor(like, effects), like: like?.paper.id });
  }
  return picks.sort((a, b) => b.score - a.score).slice(0, limit);
}
