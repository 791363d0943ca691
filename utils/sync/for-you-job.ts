import type { PaperboyDb } from '../data/db';
import { getForYouRanking, loadForYouInput, putForYouRanking, type ForYouRanking } from '../data/for-you-store';
import { rankForYou } from '../discover/for-you';
import type { Rule } from '../discover/rule-types';
import { createShared } from '../lib/serial';

/**
 * Brings the stored For-you ranking up to date: ranks again only when its inputs changed (a sync
 * landed, the user read, saved or hid something, a rule changed). Runs in the background.
 */
export async function refreshForYou(db: PaperboyDb, rules: readonly Rule[], now: number, clock: () => number = () => performance.now()): Promise<ForYouRanking> {
  const input = await loadForYouInput(db, rules, now);
  const stored = await getForYouRanking(db);
  if (stored?.key === input.key) return stored;
  const started = clock();
  const picks = rankForYou({ candidates: input.candidates, liked: input.liked, hidden: input.hidden, rules, now });
  const ranking: ForYouRanking = { key: input.key, at: now, picks, ms: Math.round(clock() - started), candidates: input.candidates.length };
  await putForYouRanking(db, ranking);
  return ranking;
}

/** The background's ranker: ranks with the current rules; a second ask meanwhile shares the run; never rejects. */
export function createForYouRanker(db: PaperboyDb, now: () => number, rules: () => Promise<Rule[]>) {
  const shared = createShared<'for-you', ForYouRanking | undefined>();
  return () =>
    shared('for-you', async () => refreshForYou(db, await rules(), now())).catch((error) => {
      console.error('Paperboy: For you not ranked', error);
      return undefined;
    });
}
