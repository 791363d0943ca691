import type { ForYouPick, Liked } from '../discover/for-you';
import type { Rule } from '../discover/rules';
import { getRows } from './bulk-get';
import type { Paper, PaperboyDb, UserState } from './db';
import { getSyncStatus } from './sync-status';

// The For-you ranking's inputs and its stored result. The background computes it (after each
// sync, and when a page finds it out of date); pages only read it, so no page ever ranks.

const FOR_YOU_KEY = 'for-you';
const DAY_MS = 86_400_000;
/** Candidates: papers a feed listed in the last month (what is current, not all ever stored). */
export const CANDIDATE_WINDOW_MS = 30 * DAY_MS;
export const MAX_CANDIDATES = 10_000;
/** The most recent reads, saves and hides the profile is made of. */
const PROFILE_LIMIT = 300;

/** A stored ranking and what it was computed from. */
export interface ForYouRanking {
  /** Fingerprint of the inputs: the ranking is out of date when the current one differs. */
  key: string;
  at: number;
  picks: ForYouPick[];
  /** How long the ranking took, and over how many candidates (shown in the bench). */
  ms: number;
  candidates: number;
}

export interface ForYouInput {
  key: string;
  candidates: Paper[];
  liked: Liked[];
  hidden: Paper[];
}

function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The newest user-state rows by one flag's time. */
function newestBy(db: PaperboyDb, index: 'readAt' | 'savedAt' | 'dismissedAt'): Promise<UserState[]> {
  return db.userState.where(index).above(0).reverse().limit(PROFILE_LIMIT).toArray();
}

/** What the ranking depends on, fingerprinted: cheap (index reads of user state, no papers). */
async function profile(db: PaperboyDb, rules: readonly Rule[]) {
  const [read, saved, hidden, status] = await Promise.all([newestBy(db, 'readAt'), newestBy(db, 'savedAt'), newestBy(db, 'dismissedAt'), getSyncStatus(db)]);
  const ids = (rows: UserState[]) => rows.map((s) => s.id).join(',');
  const key = fnv([status.lastSuccessAt ?? 0, ids(read), ids(saved), ids(hidden), JSON.stringify(rules)].join('|'));
  return { key, read, saved, hidden };
}

/** The fingerprint of the ranking's inputs now (a page compares it with the stored ranking's). */
export async function forYouKey(db: PaperboyDb, rules: readonly Rule[]): Promise<string> {
  return (await profile(db, rules)).key;
}

/** Everything a ranking needs, read in one transaction. */
export async function loadForYouInput(db: PaperboyDb, rules: readonly Rule[], now: number): Promise<ForYouInput> {
  return db.transaction('r', [db.papers, db.userState, db.meta], async () => {
    const { key, read, saved, hidden } = await profile(db, rules);
    const likedRows = [...saved.map((s) => ({ id: s.id, kind: 'saved' as const, at: s.savedAt! })), ...read.filter((s) => !s.savedAt).map((s) => ({ id: s.id, kind: 'read' as const, at: s.readAt! }))];
    const [likedPapers, hiddenPapers, recent] = await Promise.all([
      db.papers.bulkGet(likedRows.map((r) => r.id)),
      db.papers.bulkGet(hidden.map((s) => s.id)),
      db.papers.where('lastSeenInFeedAt').above(now - CANDIDATE_WINDOW_MS).limit(MAX_CANDIDATES).toArray(),
    ]);
    // Read, saved or hidden longer ago than the profile reaches are still no recommendation.
    const states = await getRows(db.userState, recent.map((p) => p.id));
    const unmarked = recent.filter((_, i) => !states[i]?.readAt && !states[i]?.savedAt && !states[i]?.dismissedAt);
    // Papers only the bundled snapshot supplied are old: once live papers are stored, they are no
    // recommendation (as they leave the other views).
    const live = unmarked.filter((p) => p.source !== 'bundled');
    const candidates = live.length > 0 ? live : unmarked;
    const liked: Liked[] = [];
    likedRows.forEach((row, i) => likedPapers[i] && liked.push({ paper: likedPapers[i], kind: row.kind, at: row.at }));
    return { key, candidates, liked, hidden: hiddenPapers.filter((p): p is Paper => p !== undefined) };
  });
}

/** The stored ranking, if one was ever computed. */
export async function getForYouRanking(db: PaperboyDb): Promise<ForYouRanking | undefined> {
  return (await db.meta.get(FOR_YOU_KEY))?.value as ForYouRanking | undefined;
}

export async function putForYouRanking(db: PaperboyDb, ranking: ForYouRanking): Promise<void> {
  await db.meta.put({ key: FOR_YOU_KEY, value: ranking });
}
