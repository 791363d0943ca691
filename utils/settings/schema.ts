import * as v from 'valibot';
import { LIVE_FEEDS, parseViewId, type ViewId } from '../views/view-id';
import {
  BADGE_MODES,
  clampSyncPeriod,
  DEFAULTS,
  DENSITIES,
  KEEP_UNREAD_CHOICES,
  NEW_TAB_MODES,
  THEMES,
  type SettingName,
  type Settings,
} from './defaults';

// What each stored setting may hold. Storage can hold anything (an older Paperboy, a backup from
// elsewhere, a hand edit): every read and every import passes through these, and a value that
// does not fit becomes the default instead of an error. None of them throws.

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_TERMS = 50;
const MAX_TERM_LENGTH = 100;

function oneOf<T extends string>(values: readonly T[], fallback: T) {
  return v.fallback(v.picklist(values), fallback);
}

/** The offered retention choice nearest to a number of days (`KEEP_FOREVER` only for 0 itself). */
export function nearestKeepChoice(days: number): number {
  if (days === 0) return 0;
  const finite = KEEP_UNREAD_CHOICES.filter((choice) => choice > 0);
  return finite.reduce((best, choice) => (Math.abs(choice - days) < Math.abs(best - days) ? choice : best));
}

/** Views a page may open on by default: any list but the snapshot and a notification's matches. */
export function isDefaultableView(view: ViewId | undefined): view is ViewId {
  return view !== undefined && view !== 'bundled' && !view.startsWith('matches:');
}

/** A list of words, names or organisations: trimmed, no blanks or repeats, bounded. */
const Terms = v.fallback(
  v.pipe(
    v.array(v.string()),
    v.transform((list) => [...new Set(list.map((term) => term.trim().slice(0, MAX_TERM_LENGTH)).filter(Boolean))].slice(0, MAX_TERMS)),
  ),
  [],
);

const TimeOfDay = (fallback: string) => v.fallback(v.pipe(v.string(), v.regex(TIME_OF_DAY)), fallback);

const Notifications = v.fallback(
  v.object({
    enabled: v.fallback(v.boolean(), false),
    keywords: Terms,
    authors: Terms,
    organizations: Terms,
    minUpvotes: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)), 0),
    quiet: v.fallback(v.boolean(), false),
    quietFrom: TimeOfDay(DEFAULTS.notifications.quietFrom),
    quietTo: TimeOfDay(DEFAULTS.notifications.quietTo),
  }),
  () => structuredClone(DEFAULTS.notifications),
);

export const SETTING_SCHEMAS = {
  syncPeriodMinutes: v.fallback(v.pipe(v.number(), v.finite(), v.transform(clampSyncPeriod)), DEFAULTS.syncPeriodMinutes),
  liveFeeds: v.fallback(
    v.pipe(
      v.array(v.picklist(LIVE_FEEDS)),
      v.transform((feeds) => LIVE_FEEDS.filter((feed) => feeds.includes(feed))),
      v.minLength(1),
    ),
    () => [...DEFAULTS.liveFeeds],
  ),
  badgeMode: oneOf(BADGE_MODES, DEFAULTS.badgeMode),
  defaultView: v.fallback(
    v.pipe(v.string(), v.transform(parseViewId), v.check(isDefaultableView)),
    DEFAULTS.defaultView,
  ) as v.GenericSchema<unknown, ViewId>,
  density: oneOf(DENSITIES, DEFAULTS.density),
  theme: oneOf(THEMES, DEFAULTS.theme),
  newTab: oneOf(NEW_TAB_MODES, DEFAULTS.newTab),
  keepUnreadDays: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.transform(nearestKeepChoice)), DEFAULTS.keepUnreadDays),
  crossDeviceSync: v.fallback(v.boolean(), DEFAULTS.crossDeviceSync),
  notifications: Notifications,
} satisfies { [K in SettingName]: v.GenericSchema<unknown, Settings[K]> };

/** A stored or imported value as a valid setting: the value itself when it fits, else the default. */
export function parseSetting<K extends SettingName>(name: K, value: unknown): Settings[K] {
  return v.parse(SETTING_SCHEMAS[name] as v.GenericSchema<unknown, Settings[K]>, value);
}

/** Every setting from a record of stored values (missing ones get their defaults). */
export function parseSettings(values: Partial<Record<SettingName, unknown>>): Settings {
  const entries = (Object.keys(SETTING_SCHEMAS) as SettingName[]).map((name) => [name, parseSetting(name, values[name])]);
  return Object.fromEntries(entries) as Settings;
}
