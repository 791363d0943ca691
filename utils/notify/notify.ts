import { browser } from 'wxt/browser';
import type { PaperboyDb, Paper } from '../data/db';
import { addNotified, getNotified } from '../data/notified';
import { getFeed } from '../data/papers';
import { hasOptional } from '../platform/permissions';
import { getRules, readSettings } from '../settings/settings';
import { matchesView, MAX_MATCHES, parseViewId, type LiveFeed, type ViewId } from '../views/view-id';
import { notificationText } from './notification-text';
import { inQuietHours, newMatches } from './rules';

/** Every notification Paperboy shows is named after the view its click opens. */
const ID_PREFIX = 'paperboy:';
/** The icon is copied into the package by wxt.config.ts, so WXT's typed paths do not list it. */
const ICON = '/icon/128.png';

/** The view a notification's click opens, or undefined for a notification that is not Paperboy's. */
export function notificationView(notificationId: string): ViewId | undefined {
  return notificationId.startsWith(ID_PREFIX) ? parseViewId(notificationId.slice(ID_PREFIX.length)) : undefined;
}

/** Unread, visible papers of the live feeds the user keeps, once each. */
async function livePapers(db: PaperboyDb, feeds: readonly LiveFeed[]): Promise<Paper[]> {
  const seen = new Map<string, Paper>();
  for (const feed of feeds) {
    for (const view of await getFeed(db, feed)) if (!view.state?.readAt) seen.set(view.paper.id, view.paper);
  }
  return [...seen.values()];
}

/**
 * After a sync: at most one notification, grouping every paper that matches the user's
 * notification rules or one of their own pin/highlight rules, and was never notified before. Nothing when notifications are off, in quiet hours (those
 * papers wait for the first sync after), or when the browser's permission was withdrawn.
 * Returns the notification's id, if one was shown.
 */
export async function notifyMatches(db: PaperboyDb, now: number): Promise<string | undefined> {
  const { notifications: rules, liveFeeds } = await readSettings();
  if (!rules.enabled) return undefined;
  const date = new Date(now);
  if (inQuietHours(rules, date.getHours() * 60 + date.getMinutes())) return undefined;
  if (!(await hasOptional('notifications').catch(() => false))) return undefined;
  const userRules = await getRules();
  const matches = newMatches(await livePapers(db, liveFeeds), rules, await getNotified(db), userRules).slice(0, MAX_MATCHES);
  if (matches.length === 0) return undefined;
  const ids = matches.map((match) => match.paper.id);
  const id = `${ID_PREFIX}${matchesView(ids)}`;
  const { title, message } = notificationText(matches);
  await browser.notifications.create(id, { type: 'basic', iconUrl: (browser.runtime.getURL as (path: string) => string)(ICON), title, message });
  await addNotified(db, ids);
  return id;
}

/** A click on one of Paperboy's notifications opens the papers it was about, and closes it. */
export async function openNotification(notificationId: string): Promise<void> {
  const view = notificationView(notificationId);
  if (!view) return;
  await browser.tabs.create({ url: browser.runtime.getURL(`/newtab.html?feed=${encodeURIComponent(view)}`) });
  await browser.notifications.clear(notificationId);
}
