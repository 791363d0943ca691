import { t } from '../lib/i18n';
// The user's rules as data: their shape, validation of stored rules, and how cards name them.
// Apart from the matching (rules.ts) so that what only stores or lists rules (settings, the
// options page) never loads the regular-expression engine.

export const RULE_FIELDS = ['title', 'abstract', 'authors', 'organization'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export const RULE_EFFECTS = ['pin', 'highlight', 'dim'] as const;
export type RuleEffect = (typeof RULE_EFFECTS)[number];

export interface Rule {
  id: string;
  /** A keyword (matches words starting with it, any case) or, with `regex`, an RE2 expression. */
  pattern: string;
  regex: boolean;
  fields: RuleField[];
  effect: RuleEffect;
}

export const MAX_PATTERN_LENGTH = 200;
export const MAX_RULES = 100;

/** Rules as stored (or imported): malformed entries dropped, at most `MAX_RULES`. */
export function parseRules(value: unknown): Rule[] {
  if (!Array.isArray(value)) return [];
  const rules: Rule[] = [];
  for (const item of value as Partial<Rule>[]) {
    if (typeof item !== 'object' || item === null || typeof item.id !== 'string' || typeof item.pattern !== 'string') continue;
    const fields = Array.isArray(item.fields) ? RULE_FIELDS.filter((field) => item.fields!.includes(field)) : [];
    const effect = RULE_EFFECTS.find((e) => e === item.effect);
    if (!effect || fields.length === 0) continue;
    rules.push({ id: item.id, pattern: item.pattern.slice(0, MAX_PATTERN_LENGTH), regex: item.regex === true, fields, effect });
  }
  return rules.slice(0, MAX_RULES);
}

/** A rule in a few words, as cards and reasons name it: `“diffusion”` or `/RLHF|DPO/`. */
export function ruleLabel(rule: Pick<Rule, 'pattern' | 'regex'>): string {
  return rule.regex ? `/${rule.pattern}/` : t('common.quoted', [rule.pattern.trim()]);
}
