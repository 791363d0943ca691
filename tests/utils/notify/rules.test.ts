import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../utils/data/db';
import { inQuietHours, matchReasons, minutesOfDay, newMatches } from '../../../utils/notify/rules';
import { DEFAULTS, type NotificationRules } from '../../../utils/settings/defaults';
import type { Rule } from '../../../utils/discover/rules';
import { notificationText } from '../../../utils/notify/notification-text';

const paper = (over: Partial<Paper>): Paper => ({ id: '2606.00001', title: 'A world model for robots', summary: 'We train agents.', authors: ['Ada Lovelace', 'Alan Turing'], links: {} as Paper['links'], ...over }) as Paper;
const rules = (over: Partial<NotificationRules>): NotificationRules => ({ ...DEFAULTS.notifications, enabled: true, ...over });

describe('notification rules', () => {
  it('a keyword matches whole words or phrases in the title, abstract or AI keywords, ignoring case', () => {
    expect(matchReasons(paper({}), rules({ keywords: ['World Model'] }))).toEqual([{ rule: 'keyword', term: 'World Model' }]);
    expect(matchReasons(paper({}), rules({ keywords: ['RL'] }))).toEqual([]); // not inside "world"
    expect(matchReasons(paper({ title: 'An LLM agent' }), rules({ keywords: ['LM'] }))).toEqual([]); // nor at the end of "LLM"
    expect(matchReasons(paper({ aiKeywords: ['RL'] }), rules({ keywords: ['rl'] }))).toHaveLength(1);
    expect(matchReasons(paper({ summary: 'Uses C++ (really).' }), rules({ keywords: ['c++'] }))).toHaveLength(1);
  });

  it('an author, an organisation, or an upvote threshold (0 turns it off)', () => {
    expect(matchReasons(paper({}), rules({ authors: ['turing'] }))).toEqual([{ rule: 'author', term: 'turing' }]);
    expect(matchReasons(paper({ organization: 'Google DeepMind' }), rules({ organizations: ['DeepMind'] }))).toHaveLength(1);
    expect(matchReasons(paper({ upvotes: 50 }), rules({ minUpvotes: 50 }))).toEqual([{ rule: 'upvotes', threshold: 50 }]);
    expect(matchReasons(paper({ upvotes: 49 }), rules({ minUpvotes: 50 }))).toEqual([]);
    expect(matchReasons(paper({ upvotes: 49 }), rules({ minUpvotes: 0 }))).toEqual([]);
  });

  it('only papers never notified before', () => {
    const papers = [paper({ id: 'a', upvotes: 9 }), paper({ id: 'b', upvotes: 9 }), paper({ id: 'c', upvotes: 1 })];
    expect(newMatches(papers, rules({ minUpvotes: 5 }), new Set(['a'])).map((m) => m.paper.id)).toEqual(['b']);
  });

  it('quiet hours, also across midnight; off when the switch is off', () => {
    const night = { quiet: true, quietFrom: '22:00', quietTo: '07:00' };
    expect(minutesOfDay('07:30')).toBe(450);
    expect(inQuietHours(night, minutesOfDay('23:00'))).toBe(true);
    expect(inQuietHours(night, minutesOfDay('03:00'))).toBe(true);
    expect(inQuietHours(night, minutesOfDay('07:00'))).toBe(false);
    expect(inQuietHours(night, minutesOfDay('12:00'))).toBe(false);
    const lunch = { quiet: true, quietFrom: '12:00', quietTo: '13:00' };
    expect(inQuietHours(lunch, minutesOfDay('12:30'))).toBe(true);
    expect(inQuietHours(lunch, minutesOfDay('13:30'))).toBe(false);
    expect(inQuietHours({ ...night, quiet: false }, minutesOfDay('23:00'))).toBe(false);
  });
});

describe('the user\'s own rules in notifications', () => {
  const rule = (over: Partial<Rule>): Rule => ({ id: 'r1', pattern: 'world model', regex: false, fields: ['title'], effect: 'highlight', ...over });

  it('a rule that highlights or pins a paper is a match, named by its label', () => {
    expect(matchReasons(paper({}), rules({}), [rule({})])).toEqual([{ rule: 'rule', term: '“world model”' }]);
    expect(matchReasons(paper({}), rules({}), [rule({ pattern: 'lovelace|hopper', regex: true, fields: ['authors'], effect: 'pin' })])).toEqual([{ rule: 'rule', term: '/lovelace|hopper/' }]);
    expect(matchReasons(paper({}), rules({ keywords: ['agents'] }), [rule({})]).map((reason) => reason.rule)).toEqual(['keyword', 'rule']);
  });

  it('a rule that only dims, or that does not match, is not', () => {
    expect(matchReasons(paper({}), rules({}), [rule({ effect: 'dim' })])).toEqual([]);
    expect(matchReasons(paper({}), rules({}), [rule({ pattern: 'diffusion' })])).toEqual([]);
    expect(matchReasons(paper({}), rules({}), [rule({ fields: ['abstract'] })])).toEqual([]);
  });

  it('once only, like every other reason', () => {
    const papers = [paper({ id: 'a' }), paper({ id: 'b' }), paper({ id: 'c', title: 'Diffusion' })];
    expect(newMatches(papers, rules({}), new Set(['a']), [rule({})]).map((m) => m.paper.id)).toEqual(['b']);
  });

  it('the notification names the rule', () => {
    const [match] = newMatches([paper({})], rules({}), new Set(), [rule({})]);
    expect(notificationText([match!]).title).toBe('New paper: “world model”');
  });
});
