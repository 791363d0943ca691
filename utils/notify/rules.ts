import type { Paper } from '../data/db';
import type { NotificationRules } from '../settings/defaults';
import { matchRules, ruleLabel, type Rule } from '../discover/rules';

// Which papers deserve a desktop notification: pure, so every rule is tested without a browser.

/**
 * Why a paper matched: the rule and the user's own term (or the threshold); `rule: 'rule'` is one
 * of the user's own rules (utils/discover/rules.ts) that pins or highlights it, named by its label.
 */
export type MatchReason = { rule: 'keyword' | 'author' | 'organization' | 'rule'; term: string } | { rule: 'upvotes'; threshold: number };

export interface Match {
  paper: Paper;
  reasons: MatchReason[];
}

/** `term` as a whole word or phrase in `text`, ignoring case ("RL" is not found in "world"). */
function mentions(text: string | undefined, term: string): boolean {
  if (!text) return false;
  const escaped = term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text.toLowerCase());
}

/**
 * Every rule a paper meets (none: no notification): the watched keywords, authors, organisations
 * and upvote threshold, and each of the user's own rules that pins or highlights it (a rule that
 * only dims a paper never asks for attention).
 */
export function matchReasons(paper: Paper, rules: NotificationRules, userRules: readonly Rule[] = []): MatchReason[] {
  const reasons: MatchReason[] = [];
  const text = [paper.title, paper.summary, ...(paper.aiKeywords ?? [])];
  for (const term of rules.keywords) if (text.some((part) => mentions(part, term))) reasons.push({ rule: 'keyword', term });
  for (const term of rules.authors) if (paper.authors.some((name) => mentions(name, term))) reasons.push({ rule: 'author', term });
  for (const term of rules.organizations) if (mentions(paper.organization, term)) reasons.push({ rule: 'organization', term });
  if (rules.minUpvotes > 0 && (paper.upvotes ?? 0) >= rules.minUpvotes) reasons.push({ rule: 'upvotes', threshold: rules.minUpvotes });
  for (const rule of matchRules(paper, userRules)) if (rule.effect !== 'dim') reasons.push({ rule: 'rule', term: ruleLabel(rule) });
  return reasons;
}

/** Minutes since midnight of an `HH:MM` time. */
export function minutesOfDay(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Whether `minute` (minutes since local midnight) falls in the quiet hours, which may span midnight. */
export function inQuietHours(rules: Pick<NotificationRules, 'quiet' | 'quietFrom' | 'quietTo'>, minute: number): boolean {
  if (!rules.quiet) return false;
  const from = minutesOfDay(rules.quietFrom);
  const to = minutesOfDay(rules.quietTo);
  if (from === to) return false;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** The papers to tell the user about now: matching, and never notified before. */
export function newMatches(papers: readonly Paper[], rules: NotificationRules, notified: ReadonlySet<string>, userRules: readonly Rule[] = []): Match[] {
  return papers.filter((paper) => !notified.has(paper.id)).flatMap((paper) => {
    const reasons = matchReasons(paper, rules, userRules);
    return reasons.length > 0 ? [{ paper, reasons }] : [];
  });
}
