import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { t, messagesLocale } from '../../../utils/lib/i18n';
import { chromeMessages, getMessageFrom } from '../../support/i18n';

const LOCALES = readdirSync(resolve(import.meta.dirname, '../../../assets/locales')).map((file) => file.replace(/\.yml$/, ''));
const placeholders = (text: string) => [...text.matchAll(/\$[1-9]|\{\w+\}/g)].map((m) => m[0]).sort();

describe('messages', () => {
  it('has English and at least one more language', () => {
    expect(LOCALES).toContain('en');
    expect(LOCALES.length).toBeGreaterThan(1);
  });

  it.each(LOCALES.filter((lang) => lang !== 'en'))('%s has every English key, no other, with the same placeholders and plural forms', async (lang) => {
    const [en, other] = await Promise.all([chromeMessages('en'), chromeMessages(lang)]);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(en)) {
      const translated = other[key]!.message;
      expect(translated.trim(), `${lang}: ${key}`).not.toBe('');
      expect(placeholders(translated), `${lang}: ${key}`).toEqual(placeholders(message));
      expect(translated.split(' | ').length, `${lang}: ${key} plural forms`).toBe(message.split(' | ').length);
    }
  });

  it('reads the words of the browser language through browser.i18n', () => {
    expect(t('locale')).toBe('en');
    expect(messagesLocale()).toBe('en');
  });
});

describe('looking messages up', () => {
  it('asks the browser once per message and page, and gives each substitution its own answer', async () => {
    vi.resetModules(); // a fresh page
    const { t: fresh } = await import('../../../utils/lib/i18n');
    const asked = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    try {
      expect([fresh('locale'), fresh('locale'), fresh('locale')]).toEqual(['en', 'en', 'en']);
      expect(asked).toHaveBeenCalledTimes(1);
      const one = fresh('search.loadFailed', ['one']);
      expect(fresh('search.loadFailed', ['two'])).not.toBe(one);
      expect(fresh('search.loadFailed', ['one'])).toBe(one);
      expect(asked).toHaveBeenCalledTimes(3);
    } finally {
      asked.mockRestore();
    }
  });
});

describe('a browser in German', () => {
  it('reads German words, with dates, numbers and plurals formatted the German way', async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await chromeMessages('de'));
    // The formatters are made once per page: a fresh module, as a German page loads it.
    vi.resetModules();
    const format = await import('../../../utils/lib/format');
    const now = Date.parse('2026-06-12T10:00:00Z');
    expect(format.formatAgo(now - 10_000, now)).toBe('gerade eben');
    expect(format.formatAgo(now - 5 * 60_000, now)).toBe('vor 5 Minuten');
    expect(format.formatDay('2026-06-12')).toBe('12. Juni 2026');
    expect(format.countOf(1234, 'search.matches')).toBe('1.234 Treffer');
    expect(format.countOf(1, 'paper.stars')).toBe('1 GitHub-Stern');
    expect(format.formatNumber(0.5, 1)).toBe('0,5');
    expect(format.formatWait(4 * 60_000)).toBe('4 Min.');
  });
});
