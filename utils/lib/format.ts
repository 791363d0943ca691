import { messagesLocale, t, type PluralKey } from './i18n';

/** One formatter, made on first use in the messages' language: words and dates agree, and loading this module calls no browser API. */
function lazy<T>(make: (locale: string) => T): () => T {
  let made: T | undefined;
  return () => (made ??= make(messagesLocale()));
}

const relative = lazy((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
const dateTime = lazy((locale) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }));
const dateOnly = lazy((locale) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }));
const monthYear = lazy((locale) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }));
const number = lazy((locale) => new Intl.NumberFormat(locale));

/**
 * "just now", "5 minutes ago", "yesterday". Never in the future: pages tick their clock once a
 * minute, so a fetch that landed since the last tick is "just now", not "in 1 minute".
 */
export function formatAgo(then: number, now: number): string {
  const seconds = Math.round((Math.min(then, now) - now) / 1000);
  if (Math.abs(seconds) < 45) return t('format.justNow');
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative().format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative().format(hours, 'hour');
  return relative().format(Math.round(hours / 24), 'day');
}

/** "Nov 26, 10:03" in the messages' language. */
export function formatDateTime(ms: number): string {
  return dateTime().format(ms);
}

/** A featured day (`2026-06-12`) as "Jun 12, 2026". */
export function formatDay(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(ms) ? dateOnly().format(ms) : day;
}

/** A first and last day (`YYYY-MM-DD`, inclusive) as one range: "Jun 8 – 14, 2026". */
export function formatDayRange(first: string, last: string): string {
  const [from, to] = [first, last].map((day) => Date.parse(`${day}T00:00:00Z`));
  return Number.isFinite(from) && Number.isFinite(to) ? dateOnly().formatRange(from!, to!) : `${first} – ${last}`;
}

/** A month (`YYYY-MM`) as "June 2026". */
export function formatMonth(month: string): string {
  const ms = Date.parse(`${month}-01T00:00:00Z`);
  return Number.isFinite(ms) ? monthYear().format(ms) : month;
}

/** A count in the user's locale: "1,234". */
export function formatCount(n: number): string {
  return number().format(n);
}

/** A number with a fixed count of decimals in the messages' language: "1.5" or "1,5". */
export function formatNumber(n: number, fractionDigits: number): string {
  return new Intl.NumberFormat(messagesLocale(), { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(n);
}

/** A count with its noun in the right form, from a plural message (`$1` the count): "1 match", "1,234 matches". */
export function countOf(n: number, key: PluralKey): string {
  return t(key, n, [formatCount(n)]);
}

/** "Ada Lovelace, Alan Turing +5". */
export function formatAuthors(authors: string[], shown = 3): string {
  if (authors.length <= shown) return authors.join(', ');
  return `${authors.slice(0, shown).join(', ')} +${authors.length - shown}`;
}

/** "45 s", "4 min", "2 h". */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 90) return t('format.seconds', [String(seconds)]);
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return t('format.minutes', [String(minutes)]);
  return t('format.hours', [String(Math.round(minutes / 60))]);
}
