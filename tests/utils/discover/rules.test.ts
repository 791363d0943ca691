import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../utils/data/db';
import { parseRules, ruleLabel, type Rule } from '../../../utils/discover/rule-types';
import { checkRule, matchRules, ruleEffects } from '../../../utils/discover/rules';

const paper: Paper = {
  id: '2606.13106',
  title: 'Demystifying Hidden-State Recurrence: Switchable Latent Reasoning with On-Policy Reinforcement Learning',
  summary: 'We train latent chain-of-thought with RLHF-style rewards and GRPO. Our agents beat baselines in the world model setting.',
  authors: ['Zoë Müller', 'Ana Lima'],
  organization: 'DeepMind',
  links: {},
  source: 'hf',
  firstSeenAt: 0,
};

let n = 0;
function rule(pattern: string, extra: Partial<Rule> = {}): Rule {
  return { id: `r${++n}`, pattern, regex: false, fields: ['title', 'abstract', 'authors', 'organization'], effect: 'highlight', ...extra };
}

describe('keyword rules', () => {
  it('match at the start of a word, in any case: "agent" finds "agents", "RL" finds "RLHF" but not "world"', () => {
    expect(matchRules(paper, [rule('agent')])).toHaveLength(1);
    expect(matchRules(paper, [rule('reinforcement learning')])).toHaveLength(1);
    expect(matchRules(paper, [rule('rl')])).toHaveLength(1); // RLHF
    expect(matchRules({ ...paper, summary: 'the world of words' }, [rule('rl')])).toHaveLength(0);
    expect(matchRules(paper, [rule('diffusion')])).toHaveLength(0);
  });

  it('fold accents, so "muller" finds "Müller"', () => {
    expect(matchRules(paper, [rule('muller', { fields: ['authors'] })])).toHaveLength(1);
  });

  it('look only where asked', () => {
    expect(matchRules(paper, [rule('deepmind', { fields: ['title', 'abstract'] })])).toHaveLength(0);
    expect(matchRules(paper, [rule('deepmind', { fields: ['organization'] })])).toHaveLength(1);
    expect(matchRules({ ...paper, organization: undefined }, [rule('deepmind', { fields: ['organization'] })])).toHaveLength(0);
  });

  it('treat regex characters in a keyword literally', () => {
    expect(matchRules({ ...paper, title: 'C++ (and more)' }, [rule('c++ (and')])).toHaveLength(1);
    expect(matchRules(paper, [rule('.*')])).toHaveLength(0);
  });
});

describe('regex rules', () => {
  it('match with RE2 syntax, case-insensitive', () => {
    expect(matchRules(paper, [rule('grpo|dpo', { regex: true })])).toHaveLength(1);
    expect(matchRules(paper, [rule('^demystifying', { regex: true, fields: ['title'] })])).toHaveLength(1);
    expect(matchRules(paper, [rule('^hidden', { regex: true, fields: ['title'] })])).toHaveLength(0);
  });

  it('invalid ones are refused with a message, and left out of matching', () => {
    for (const pattern of ['(unclosed', '(a)\\1', '(?<=a)b', '[z-a]']) {
      const check = checkRule(rule(pattern, { regex: true }));
      expect(check.ok, pattern).toBe(false);
      if (!check.ok) expect(check.message).toMatch(/^Not a pattern Paperboy can use: .+/);
    }
    expect(matchRules(paper, [rule('(unclosed', { regex: true }), rule('agent')]).map((r) => r.pattern)).toEqual(['agent']);
  });

  it('empty patterns, no fields and overlong patterns are refused', () => {
    expect(checkRule(rule('  '))).toMatchObject({ ok: false, message: 'Type a keyword or a pattern.' });
    expect(checkRule(rule('x', { fields: [] }))).toMatchObject({ ok: false });
    expect(checkRule(rule('x'.repeat(201)))).toMatchObject({ ok: false });
  });

  it('hostile patterns finish on hostile text: matching is linear (a backtracking engine would not finish this test)', () => {
    const hostile = { ...paper, title: 'a'.repeat(500), summary: `${'a'.repeat(8000)}!` };
    const patterns = ['(a+)+$', '(a|aa)*b', '(a*)*b', '(.*a){12}$', '^(a|a?)+$'];
    const matched = matchRules(
      hostile,
      patterns.map((pattern) => rule(pattern, { regex: true })),
    );
    expect(matched.map((r) => r.pattern)).toEqual(['(a+)+$', '(.*a){12}$', '^(a|a?)+$']);
  });
});

describe('effects', () => {
  it('pin and highlight win over dim, and are the rule named', () => {
    const pin = rule('agent', { effect: 'pin' });
    const dim = rule('latent', { effect: 'dim' });
    expect(ruleEffects(matchRules(paper, [dim, pin]))).toEqual({ pinned: true, highlighted: false, dimmed: false, first: pin });
    expect(ruleEffects(matchRules(paper, [dim]))).toMatchObject({ dimmed: true, pinned: false });
    expect(ruleEffects([])).toEqual({ pinned: false, highlighted: false, dimmed: false, first: undefined });
  });

  it('labels name the rule', () => {
    expect(ruleLabel(rule(' agent '))).toBe('“agent”');
    expect(ruleLabel(rule('rl|dpo', { regex: true }))).toBe('/rl|dpo/');
  });
});

describe('parseRules', () => {
  it('keeps well-formed rules and drops the rest', () => {
    const good = rule('agent');
    expect(parseRules([good, null, 3, { id: 'x' }, { ...good, id: 'y', effect: 'explode' }, { ...good, id: 'z', fields: ['nowhere'] }])).toEqual([good]);
    expect(parseRules('nope')).toEqual([]);
  });
});
