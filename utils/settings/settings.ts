import { formatCount } from '../lib/format';
import { t } from '../lib/i18n';
import { browser } from 'wxt/browser';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULTS, type SettingName, type Settings } from './defaults';
import { parseSetting, parseSettings } from './schema';
import { MAX_RULES, parseRules, ruleLabel, type Rule } from '../discover/rule-types';

export { DEFAULTS, DENSITIES, KEEP_FOREVER, KEEP_UNREAD_CHOICES } from './defaults';
export type { Density, Settings, SettingName } from './defaults';

/**
 * The user's settings: one WXT storage item each in `storage.local`, with its default from
 * defaults.ts and a version. A change of a stored shape is a new version with a migration here;
 * WXT runs it once, on the first use after an update.
 */
function item<K extends SettingName>(name: K, migrations?: Record<number, (old: unknown) => Settings[K]>): WxtStorageItem<Settings[K], Record<string, unknown>> {
  const version = migrations ? Math.max(1, ...Object.keys(migrations).map(Number)) : 1;
  return storage.defineItem<Settings[K]>(`local:${name}`, { fallback: structuredClone(DEFAULTS[name]), version, ...(migrations && { migrations }) });
}

/** Every setting's storage item. */
export const SETTING_ITEMS: { [K in SettingName]: WxtStorageItem<Settings[K], Record<string, unknown>> } = {
  syncPeriodMinutes: item('syncPeriodMinutes'),
  liveFeeds: item('liveFeeds'),
  badgeMode: item('badgeMode'),
  defaultView: item('defaultView'),
  density: item('density'),
  theme: item('theme'),
  newTab: item('newTab'),
  // v1 took any whole number of days (a backup could bring 45); v2 holds only the choices the
  // options page offers, so its menu always shows the value in force.
  keepUnreadDays: item('keepUnreadDays', { 2: (old) => parseSetting('keepUnreadDays', old) }),
  crossDeviceSync: item('crossDeviceSync'),
  notifications: item('notifications'),
};

/** The layout's item, as the new tab's density switch (utils/pages/use-density.ts) reads it. */
export const density = SETTING_ITEMS.density;

const NAMES = Object.keys(SETTING_ITEMS) as SettingName[];
const BY_STORAGE_KEY = new Map(NAMES.map((name) => [name as string, name]));

/** Every setting as it is now, in one read; anything stored that does not fit reads as its default. */
export async function readSettings(): Promise<Settings> {
  const stored = await storage.getItems(NAMES.map((name) => SETTING_ITEMS[name]));
  return parseSettings(Object.fromEntries(stored.map(({ value }, i) => [NAMES[i]!, value])));
}

/** One setting as it is now. */
export async function readSetting<K extends SettingName>(name: K): Promise<Settings[K]> {
  return parseSetting(name, await SETTING_ITEMS[name].getValue());
}

/** Stores a setting (as it will be read back: a value that does not fit stores the default). */
export async function writeSetting<K extends SettingName>(name: K, value: Settings[K]): Promise<void> {
  await SETTING_ITEMS[name].setValue(parseSetting(name, value));
}

/** What `importSettings` did: how many values it restored, and why any rule was left out. */
export interface SettingsImport {
  restored: number;
  refused: string[];
}

/**
 * Stores the settings a backup (or a reset's undo) carries, with the user's rules and the
 * read-detection switch; unknown names are ignored. Each rule is checked as the rules editor
 * checks it: one that is malformed or cannot run is left out with the reason, and nothing else
 * is lost. Imported rules replace the stored rules of the same id; the others stay.
 */
export async function importSettings(values: object): Promise<SettingsImport> {
  const given = values as Partial<Record<string, unknown>>;
  const names = NAMES.filter((name) => given[name] !== undefined);
  await storage.setItems(names.map((name) => ({ item: SETTING_ITEMS[name] as WxtStorageItem<unknown, Record<string, unknown>>, value: parseSetting(name, given[name]) })));
  let restored = names.length;
  if (typeof given.readDetection === 'boolean') {
    await readDetectionItem.setValue(given.readDetection);
    restored += 1;
  }
  if (given.rules === undefined) return { restored, refused: [] };
  const { rules, refused } = await checkImportedRules(given.rules);
  const kept = (await getRules()).filter((rule) => !rules.some((imported) => imported.id === rule.id));
  await rulesItem.setValue([...rules, ...kept].slice(0, MAX_RULES));
  return { restored: restored + 1, refused };
}

/** The rules of a backup that can run, and a sentence for each one that cannot. */
async function checkImportedRules(value: unknown): Promise<{ rules: Rule[]; refused: string[] }> {
  if (!Array.isArray(value)) return { rules: [], refused: [t('backup.rulesNotList')] };
  // The matcher (and its regular-expression engine) loads only when rules are imported.
  const { checkRule } = await import('../discover/rules');
  const rules: Rule[] = [];
  const refused: string[] = [];
  value.forEach((entry: unknown, i) => {
    const [rule] = parseRules([entry]);
    const check = rule && checkRule(rule);
    if (!rule || !check) refused.push(t('backup.ruleUnreadable', [formatCount(i + 1)]));
    else if (!check.ok) refused.push(t('backup.ruleRefused', [ruleLabel(rule), check.message]));
    else rules.push(rule);
  });
  return { rules, refused };
}

/** Every setting, the rules and the read-detection switch as they are now: what a backup carries and a reset's undo restores. */
export async function readAllSettings(): Promise<Settings & { rules: Rule[]; readDetection: boolean }> {
  const [settings, rules, readDetection] = await Promise.all([readSettings(), getRules(), readDetectionItem.getValue()]);
  return { ...settings, rules, readDetection };
}

/** Every setting back to its default, the rules and the read-detection switch too (the stored values go; the defaults are never stored). */
export async function resetSettings(): Promise<void> {
  await storage.removeItems([...NAMES.map((name) => SETTING_ITEMS[name]), rulesItem, readDetectionItem]);
}

/** The setting names a `storage.onChanged` event is about (none for other areas or keys). */
export function changedSettings(changes: Record<string, unknown>, area: string): SettingName[] {
  if (area !== 'local') return [];
  return Object.keys(changes).flatMap((key) => BY_STORAGE_KEY.get(key) ?? []);
}

/** Calls `onChange` with the names of the settings that changed, in this context; returns the unsubscribe. */
export function watchSettings(onChange: (names: SettingName[]) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    const names = changedSettings(changes, area);
    if (names.length > 0) onChange(names);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The user's rules (utils/discover/rules.ts); read them through `getRules`, which drops malformed ones. */
export const rulesItem = storage.defineItem<Rule[]>('local:rules', { fallback: [], version: 1 });

/** The user's rules, validated. */
export async function getRules(): Promise<Rule[]> {
  return parseRules(await rulesItem.getValue());
}

/** Opening a paper on arXiv, Hugging Face or alphaXiv marks it read (once the optional host permissions are granted too). */
export const readDetectionItem = storage.defineItem<boolean>('local:readDetection', { fallback: false, version: 1 });
