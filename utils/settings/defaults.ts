import type { LiveFeed, ViewId } from '../views/view-id';

// Every setting's values and default, in one place. Types come from here; the storage items
// (settings.ts), their validation (schema.ts), the options page and the backup all read it.
// No browser API and no library here: the pages' tiny entry script imports the types.

export const BADGE_MODES = ['unread', 'new', 'off'] as const;
/** `unread`: unread papers in the current feeds; `new`: those first stored since the last visit; `off`: no badge. */
export type BadgeMode = (typeof BADGE_MODES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const DENSITIES = ['cards', 'list'] as const;
export type Density = (typeof DENSITIES)[number];

/** What a new tab shows in the full flavour: Paperboy, or an empty page (Paperboy stays in the toolbar). */
export const NEW_TAB_MODES = ['papers', 'blank'] as const;
export type NewTabMode = (typeof NEW_TAB_MODES)[number];

/** Days to keep unread, unsaved papers after every feed dropped them; `KEEP_FOREVER` keeps them. */
export const KEEP_FOREVER = 0;
export const KEEP_UNREAD_CHOICES = [30, 90, 180, 365, KEEP_FOREVER] as const;

/**
 * The background sync's period: from 15 minutes (kind to Hugging Face, and far above every
 * browser's alarm minimum: Chrome 30 s, Firefox 1 min) to a day.
 */
export const SYNC_PERIOD_LIMITS = { min: 15, max: 24 * 60 } as const;
export const SYNC_PERIOD_CHOICES = [15, 30, 60, 120, 240, 720, 1440] as const;

/** What a desktop notification is for, and when none may be shown. */
export interface NotificationRules {
  enabled: boolean;
  /** Words or phrases looked for in titles, abstracts and AI keywords. */
  keywords: string[];
  authors: string[];
  organizations: string[];
  /** A paper with at least this many upvotes; 0 turns the rule off. */
  minUpvotes: number;
  /** Quiet hours: none shown from `quietFrom` to `quietTo` (`HH:MM`, local time; may span midnight). */
  quiet: boolean;
  quietFrom: string;
  quietTo: string;
}

export interface Settings {
  syncPeriodMinutes: number;
  /** The Hugging Face lists the background syncs and the badge counts. */
  liveFeeds: LiveFeed[];
  badgeMode: BadgeMode;
  defaultView: ViewId;
  density: Density;
  theme: Theme;
  newTab: NewTabMode;
  keepUnreadDays: number;
  crossDeviceSync: boolean;
  notifications: NotificationRules;
}

export type SettingName = keyof Settings;

export const DEFAULTS: Readonly<Settings> = Object.freeze<Settings>({
  syncPeriodMinutes: 60,
  liveFeeds: ['hf-trending', 'hf-daily'],
  badgeMode: 'unread',
  defaultView: 'hf-trending',
  density: 'cards',
  theme: 'system',
  newTab: 'papers',
  keepUnreadDays: 90,
  crossDeviceSync: false,
  notifications: { enabled: false, keywords: [], authors: [], organizations: [], minUpvotes: 0, quiet: false, quietFrom: '22:00', quietTo: '07:00' },
});

/** A sync period the browser will take: whole minutes from 15 minutes to a day. */
export function clampSyncPeriod(minutes: number): number {
  if (!Number.isFinite(minutes)) return DEFAULTS.syncPeriodMinutes;
  return Math.min(SYNC_PERIOD_LIMITS.max, Math.max(SYNC_PERIOD_LIMITS.min, Math.round(minutes)));
}
