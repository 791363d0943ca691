import type { Browser } from 'wxt/browser';
import type { PaperboyDb } from '../data/db';
import { getSyncStatus, type SyncStatus } from '../data/sync-status';
import { refreshBadge } from '../platform/badge';
import { parseSetting } from '../settings/schema';
import { changedSettings, readSetting } from '../settings/settings';
import { schedulePeriodic } from './alarms';

interface Deps {
  db: PaperboyDb;
  now: () => number;
  syncNow: () => Promise<SyncStatus>;
}

/**
 * What the background does when a setting changes (in the options page, an import, a reset):
 * the alarm takes a new period at once, the badge recounts in its new mode, and a list turned
 * back on is fetched instead of showing an old copy.
 */
export function settingsEffects({ db, now, syncNow }: Deps) {
  return async (changes: Record<string, Browser.storage.StorageChange>, area: string): Promise<void> => {
    const names = changedSettings(changes, area);
    if (names.includes('syncPeriodMinutes')) await schedulePeriodic(await getSyncStatus(db), now(), await readSetting('syncPeriodMinutes'));
    const before = parseSetting('liveFeeds', changes.liveFeeds?.oldValue);
    const added = names.includes('liveFeeds') && (await readSetting('liveFeeds')).some((feed) => !before.includes(feed));
    if (added) await syncNow();
    else if (names.includes('badgeMode') || names.includes('liveFeeds')) await refreshBadge(db);
  };
}
