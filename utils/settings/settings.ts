import { storage } from 'wxt/utils/storage';
import { parseRules, type Rule } from '../discover/rule-types';

/** Days to keep unread, unsaved papers after every feed dropped them; `KEEP_FOREVER` keeps them. */
export const KEEP_FOREVER = 0;
export const KEEP_UNREAD_CHOICES = [30, 90, 180, 365, KEEP_FOREVER] as const;

/** The user's settings: WXT storage items, each with its fallback in one place. */
export const keepUnreadDays = storage.defineItem<number>('local:keepUnreadDays', { fallback: 90, version: 1 });

/** How the new tab lays papers out: cards, or a compact list (20+ papers on a 1280×900 screen). */
export const DENSITIES = ['cards', 'list'] as const;
export type Density = (typeof DENSITIES)[number];
export const density = storage.defineItem<Density>('local:density', { fallback: 'cards', version: 1 });

/** The user's rules (utils/discover/rules.ts); read them through `getRules`, which drops malformed ones. */
export const rulesItem = storage.defineItem<Rule[]>('local:rules', { fallback: [], version: 1 });

/** The user's rules, validated. */
export async function getRules(): Promise<Rule[]> {
  return parseRules(await rulesItem.getValue());
}

/** Opening a paper on arXiv, Hugging Face or alphaXiv marks it read (once the optional host permissions are granted too). */
export const readDetectionItem = storage.defineItem<boolean>('local:readDetection', { fallback: false, version: 1 });
