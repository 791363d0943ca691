import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULTS, clampSyncPeriod } from '../../../utils/settings/defaults';
import type { Rule } from '../../../utils/discover/rule-types';
import { parseSetting } from '../../../utils/settings/schema';
import { changedSettings, getRules, importSettings, readAllSettings, readDetectionItem, readSetting, readSettings, resetSettings, rulesItem, SETTING_ITEMS, writeSetting } from '../../../utils/settings/settings';

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
    expect(await importSettings({ theme: 'dark', crossDeviceSync: true, unknown: 1 })).toEqual({ restored: 2, refused: [] });
    expect(await readSetting('theme')).toBe('dark');
    await resetSettings();
    expect(await readSettings()).toEqual(DEFAULTS);
  });

  it('the rules and the read-detection switch: read with the settings, imported checked, cleared by reset', async () => {
    const kept: Rule = { id: 'mine', pattern: 'agents', regex: false, fields: ['title'], effect: 'dim' };
    await rulesItem.setValue([kept, { ...kept, id: 'same', pattern: 'old' }]);
    const good: Rule = { id: 'same', pattern: 'RLHF|DPO', regex: true, fields: ['title', 'abstract'], effect: 'pin' };
    const result = await importSettings({
      theme: 'dark',
      readDetection: true,
      rules: [good, { ...good, id: 'bad', pattern: '(a)\\1' }, { id: 'odd', pattern: 'x', effect: 'glow', fields: ['title'] }],
    });
    expect(result.restored).toBe(3);
    expect(result.refused).toEqual([
      expect.stringMatching(/^Rule \/\(a\)\\1\/ was left out: Not a pattern Paperboy can use: .*Backreferences/),
      'Rule 3 was left out: it is not a rule Paperboy can read.',
    ]);
    // The good rule replaces the stored one of its id; the user's other rule stays.
    expect(await getRules()).toEqual([good, kept]);
    expect(await readDetectionItem.getValue()).toBe(true);
    expect(await readAllSettings()).toEqual({ ...DEFAULTS, theme: 'dark', rules: [good, kept], readDetection: true });
    expect((await importSettings({ rules: 'all of them' })).refused).toEqual(['The rules were left out: they are not a list.']);
    expect(await getRules()).toEqual([good, kept]);

    await resetSettings();
    expect(await readAllSettings()).toEqual({ ...DEFAULTS, rules: [], readDetection: false });
  });

  it('name the settings a storage change is about, in storage.local only', () => {
    expect(changedSettings({ theme: {}, f3: {} }, 'local')).toEqual(['theme']);
    expect(changedSettings({ theme: {} }, 'sync')).toEqual([]);
  });
});
