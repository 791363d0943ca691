// Control characters other than whitespace never belong in displayed text, nor do bidi
// overrides (text spoofing). Zero-width joiners stay: emoji sequences and Persian/Indic names need them.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const HAS_CONTROL = new RegExp(CONTROL.source);
// Whitespace that is not already a single plain space: runs, tabs, newlines, other spaces. Most
// text has none, so ingest does not rebuild every abstract word by word (as `/\s+/g` would).
const NOT_ONE_SPACE = /\s{2,}|[^\S ]/g;

/**
 * Collapses hard wraps and runs of whitespace into single spaces, drops control and
 * bidi-override characters, and caps the length (with an ellipsis) so one hostile field cannot
 * bloat the database or the page.
 */
export function cleanText(input: string, maxLength: number): string {
  const visible = HAS_CONTROL.test(input) ? input.replace(CONTROL, '') : input;
  const text = visible.replace(NOT_ONE_SPACE, ' ').trim();
  if (text.length <= maxLength) return text;
  let cut = maxLength - 1;
  // Never split a surrogate pair (an emoji, a math letter): half of one is not valid text.
  if (/[\ud800-\udbff]/.test(text.charAt(cut - 1))) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}
