import { i18n, type GeneratedI18nStructure } from '#i18n';

const looked = new Map<string, string>();
/** Beyond this many distinct messages (counts and titles substituted), the cache starts again. */
const CACHE_LIMIT = 2000;

/**
 * Every word the user reads comes from here: `t('key')` returns the message for the browser's
 * UI language from assets/locales/<lang>.yml (English, the default locale, where a language or
 * a key is missing). Keys are typed from en.yml; `t(key, n)` picks a plural form.
 *
 * Each message is looked up once per page: `browser.i18n.getMessage` crosses into the browser's
 * native bindings, and a new tab that asked it for every word of 100 cards spent ~100 ms of CPU
 * there (a CPU profile of one visit, `npm run bench:visit -- --profile`). A page's language does
 * not change while it is open.
 */
export const t = ((key: string, ...args: unknown[]): string => {
  const id = args.length === 0 ? key : `${key}\u0000${JSON.stringify(args)}`;
  let message = looked.get(id);
  if (message === undefined) {
    message = (i18n.t as (key: string, ...args: unknown[]) => string)(key, ...args);
    if (looked.size >= CACHE_LIMIT) looked.clear();
    looked.set(id, message);
  }
  return message;
}) as typeof i18n.t;

/**
 * The language the messages are shown in (`en`, `de`), for Intl: dates and numbers follow the
 * words, so a browser in a language we have no messages for reads English words with English
 * dates, not a mix. Each locale file names itself in its `locale` message.
 */
export function messagesLocale(): string {
  return t('locale') || 'en';
}

/** The keys of messages with plural forms (`{1: …, n: …}` in the YAML), for `countOf`. */
export type PluralKey = { [K in keyof GeneratedI18nStructure]: GeneratedI18nStructure[K]['plural'] extends true ? K : never }[keyof GeneratedI18nStructure];

/** A message with no substitutions, for tables that name their words before they are read. */
export type MessageKey = { [K in keyof GeneratedI18nStructure]: GeneratedI18nStructure[K] extends { substitutions: 0; plural: false } ? K : never }[keyof GeneratedI18nStructure];

/** A page in the messages' language: its `lang` (hyphenation, screen-reader voice) and its tab title. */
export function localiseDocument(title: MessageKey): void {
  document.documentElement.lang = messagesLocale();
  document.title = t(title);
}
