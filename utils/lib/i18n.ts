import { i18n } from '#i18n';

/**
 * Every word the user reads comes from here: `t('key')` returns the message for the browser's
 * UI language from assets/locales/<lang>.yml (English, the default locale, where a language or
 * a key is missing). Keys are typed from en.yml; `t(key, n)` picks a plural form.
 */
export const t = i18n.t;

/**
 * The language the messages are shown in (`en`, `de`), for Intl: dates and numbers follow the
 * words, so a browser in a language we have no messages for reads English words with English
 * dates, not a mix. Each locale file names itself in its `locale` message.
 */
export function messagesLocale(): string {
  return t('locale') || 'en';
}
