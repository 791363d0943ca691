// Control characters other than whitespace never belong in displayed text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
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
  return `${text.slice(0, maxLength - 1).trimEnd()}…`;
}
