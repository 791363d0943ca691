import { browser } from 'wxt/browser';
import type { PaperboyDb } from './db';
import { countUnreadLive } from './papers';

const BADGE_COLOR = '#d9480f';

/** Badge text for a count of unread live papers: empty at 0, at most 4 characters. */
export function badgeText(count: number): string {
  const whole = Math.floor(count);
  if (!Number.isFinite(whole) || whole <= 0) return '';
  return whole > 999 ? '999+' : String(whole);
}

/** Recomputes the badge from the database. The only code that touches the action badge. */
export async function refreshBadge(db: PaperboyDb): Promise<string> {
  const text = badgeText(await countUnreadLive(db));
  await Promise.all([
    browser.action.setBadgeText({ text }),
    browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }),
  ]);
  return text;
}
