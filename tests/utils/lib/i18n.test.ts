import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { t, messagesLocale } from '../../../utils/lib/i18n';
import { chromeMessages } from '../../support/i18n';

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
