import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULTS, clampSyncPeriod } from '../../../utils/settings/defaults';
import { parseSetting } from '../../../utils/settings/schema';
import { changedSettings, importSettings, readSetting, readSettings, resetSettings, SETTING_ITEMS, writeSetting } from '../../../utils/settings/settings';

// Settings: typed defaults in one place, values that do not fit read as the default, and the
// versioned migration of a stored shape.

describe('settings', () => {
  it('read as their defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual(DEFAULTS);
    expect(DEFAULTS.crossDeviceSync).toBe(false);
    expect(DEFAULTS.notifications.enabled).toBe(false);
  });

  it('store what fits and read anything else as the default', async () => {
    await writeSetting('badgeMode', 'new');
    expect(await readSetting('badgeMode')).toBe('new');
    await fakeBrowser.storage.local.set({ badgeMode: 'loud', theme: 42, density: 'list' });
    expect(await readSetting('badgeMode')).toBe(DEFAULTS.badgeMode);
    expect(await readSetting('theme')).toBe(DEFAULTS.theme);
    expect(await readSetting('density')).toBe('list');
  });

  it('sync period: whole minutes from 15 minutes to a day', () => {
    expect(clampSyncPeriod(1)).toBe(15);
    expect(clampSyncPeriod(30.4)).toBe(30);
    expect(clampSyncPeriod(10_000)).toBe(24 * 60);
    expect(clampSyncPeriod(Number.NaN)).toBe(DEFAULTS.syncPeriodMinutes);
    expect(parseSetting('syncPeriodMinutes', 2)).toBe(15);
  });

  it('migration v1 → v2: a retention a v1 backup or page stored (45 days) becomes the nearest choice the menu offers', async () => {
    await fakeBrowser.storage.local.set({ keepUnreadDays: 45, keepUnreadDays$: { v: 1 } });
    await SETTING_ITEMS.keepUnreadDays.migrate();
    expect(await fakeBrowser.storage.local.get(['keepUnreadDays', 'keepUnreadDays$'])).toEqual({ keepUnreadDays: 30, keepUnreadDays$: { v: 2 } });
    await fakeBrowser.storage.local.set({ keepUnreadDays: 0, keepUnreadDays$: { v: 1 } });
    await SETTING_ITEMS.keepUnreadDays.migrate();
    expect(await readSetting('keepUnreadDays')).toBe(0); // keep for ever stays
  });

  it('import takes known names only; reset brings every default back', async () => {
    expect(await importSettings({ theme: 'dark', crossDeviceSync: true, unknown: 1 })).toBe(2);
    expect(await readSetting('theme')).toBe('dark');
    await resetSettings();
    expect(await readSettings()).toEqual(DEFAULTS);
  });

  it('name the settings a storage change is about, in storage.local only', () => {
    expect(changedSettings({ theme: {}, f3: {} }, 'local')).toEqual(['theme']);
    expect(changedSettings({ theme: {} }, 'sync')).toEqual([]);
  });
});
