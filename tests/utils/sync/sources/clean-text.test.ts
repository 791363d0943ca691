import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../../utils/sync/sources/clean-text';

/** The definition cleanText must keep meaning, written the plain (slow) way. */
function reference(input: string, maxLength: number): string {
  const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  const text = input.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  if (text.length <= maxLength) return text;
  // Never half an emoji: cut one earlier when the cut would split a surrogate pair.
  const cut = /[\ud800-\udbff]/.test(text.charAt(maxLength - 2)) ? maxLength - 2 : maxLength - 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

const whitespacey = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', '\u0000', '\u000b', '\u202e', 'é'),
  maxLength: 60,
});

describe('cleanText', () => {
  it('collapses whitespace and drops control characters exactly as the plain definition', () => {
    fc.assert(
      fc.property(fc.oneof(whitespacey, fc.string({ unit: 'grapheme' })), fc.integer({ min: 1, max: 80 }), (input, max) => {
        expect(cleanText(input, max)).toBe(reference(input, max));
      }),
    );
  });
});
