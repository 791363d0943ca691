import { storage } from 'wxt/utils/storage';

/** Days to keep unread, unsaved papers after every feed dropped them; `KEEP_FOREVER` keeps them. */
export const KEEP_FOREVER = 0;
export const KEEP_UNREAD_CHOICES = [30, 90, 180, 365, KEEP_FOREVER] as const;

/** The user's settings: WXT storage items, each with its fallback in one place. */
export const keepUnreadDays = storage.defineItem<number>('local:keepUnreadDays', { fallback: 90, version: 1 });
