import { formatCount } from '../lib/format';
import { t } from '../lib/i18n';
import { RE2JS } from 're2js';
import type { Paper } from '../data/db';
import { MAX_PATTERN_LENGTH, type Rule, type RuleEffect, type RuleField } from './rule-types';

export * from './rule-types';

// The user's own rules: a keyword or a regular expression over a paper's title, abstract,
// authors or organisation, that highlights, dims or pins it. Pure; every view shows the effects,
// For you ranks by them, and notifications can ask `matchRules` which rules a paper meets.
//
// Regular expressions run on RE2 (re2js): matching takes time linear in the text whatever the
// pattern, so a hostile pattern such as `(a|aa)*b` cannot hang a page on a long abstract, which
// the browser's own backtracking RegExp would. RE2 refuses what it cannot run in linear time
// (backreferences, lookaround), and the rule is refused with the reason.

export type RuleCheck = { ok: true; test: (text: string) => boolean } | { ok: false; message: string };

/** Folds case and accents so "Müller" finds "muller". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A keyword matches at the start of a word: "agent" finds "agents", "RL" finds "RLHF" but not "world". */
function keywordTest(pattern: string): (text: string) => boolean {
  const words = fold(pattern).trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  // A literal with a lookbehind: no backtracking to blow up.
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${words}`, 'u');
  return (text) => re.test(fold(text));
}

/** Whether a rule can run, with the reason in plain words when it cannot. */
export function checkRule(rule: Pick<Rule, 'pattern' | 'regex' | 'fields'>): RuleCheck {
  const pattern = rule.pattern.trim();
  if (!pattern) return { ok: false, message: t('options.rules.errEmpty') };
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, message: t('options.rules.errLong', [formatCount(MAX_PATTERN_LENGTH)]) };
  if (rule.fields.length === 0) return { ok: false, message: t('options.rules.errFields') };
  if (!rule.regex) return { ok: true, test: keywordTest(pattern) };
  try {
    const re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    return { ok: true, test: (text) => re.test(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return { ok: false, message: t('options.rules.errPattern', [reason]) };
  }
}

/** The text of one field of a paper. */
function fieldText(paper: Paper, field: RuleField): string {
  if (field === 'title') return paper.title;
  if (field === 'abstract') return paper.summary;
  if (field === 'authors') return paper.authors.join(', ');
  return paper.organization ?? '';
}

interface Compiled {
  rule: Rule;
  test: (text: string) => boolean;
}

// Rules are compiled once per rules array (the pages and the ranking pass the same array around).
const compiledCache = new WeakMap<readonly Rule[], Compiled[]>();

/** The rules that can run, compiled; rules that cannot are left out (the editor refuses them). */
function compile(rules: readonly Rule[]): Compiled[] {
  let compiled = compiledCache.get(rules);
  if (!compiled) {
    compiled = [];
    for (const rule of rules) {
      const check = checkRule(rule);
      if (check.ok) compiled.push({ rule, test: check.test });
    }
    compiledCache.set(rules, compiled);
  }
  return compiled;
}

/** The rules a paper meets, in the order given. */
export function matchRules(paper: Paper, rules: readonly Rule[]): Rule[] {
  if (rules.length === 0) return [];
  return compile(rules)
    .filter(({ rule, test }) => rule.fields.some((field) => test(fieldText(paper, field))))
    .map(({ rule }) => rule);
}

/** What the rules a paper meets do to it: pinned and highlighted win over dimmed. */
export interface RuleEffects {
  pinned: boolean;
  highlighted: boolean;
  dimmed: boolean;
  /** The rule to name in the card ("matches your rule “…”"): the first that pins or highlights, else the first met. */
  first?: Rule;
}

export function ruleEffects(matched: readonly Rule[]): RuleEffects {
  const has = (effect: RuleEffect) => matched.some((rule) => rule.effect === effect);
  const pinned = has('pin');
  const highlighted = has('highlight');
  const first = matched.find((rule) => rule.effect !== 'dim') ?? matched[0];
  return { pinned, highlighted, dimmed: has('dim') && !pinned && !highlighted, first };
}
