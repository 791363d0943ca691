import { useMemo, useState } from 'preact/hooks';
import type { Paper } from '../data/db';
import { checkRule, matchRules, type Rule, type RuleField } from '../discover/rules';
import { rulesItem } from '../settings/settings';
import { usePageDeps } from './deps';
import { useRules } from './use-discover';
import { useLiveQuery } from './use-live-query';

/** A rule being typed: everything but its id. */
export type RuleDraft = Omit<Rule, 'id'>;

export const EMPTY_DRAFT: RuleDraft = { pattern: '', regex: false, fields: ['title', 'abstract'], effect: 'highlight' };
/** Papers the live preview tries the draft on: the most recently listed ones. */
const PREVIEW_POOL = 2000;
const PREVIEW_SHOWN = 6;

export interface RulePreview {
  /** Why the draft cannot be saved, in plain words (empty pattern included). */
  error?: string;
  matches: number;
  pool: number;
  titles: string[];
}

function previewOf(draft: RuleDraft, papers: readonly Paper[]): RulePreview {
  const check = checkRule(draft);
  if (!check.ok) return { error: check.message, matches: 0, pool: papers.length, titles: [] };
  const rule: Rule = { ...draft, id: 'draft' };
  const matched = papers.filter((paper) => matchRules(paper, [rule]).length > 0);
  return { matches: matched.length, pool: papers.length, titles: matched.slice(0, PREVIEW_SHOWN).map((p) => p.title) };
}

/** The options page's rules editor: the saved rules, a draft with its live preview over the stored papers, add and remove. */
export function useRulesEditor() {
  const { db } = usePageDeps();
  const rules = useRules();
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_DRAFT);
  const papers = useLiveQuery(() => db.papers.orderBy('lastSeenInFeedAt').reverse().limit(PREVIEW_POOL).toArray(), [db], []);
  const preview = useMemo(() => previewOf(draft, papers), [draft, papers]);

  function add(): void {
    if (preview.error) return;
    const rule: Rule = { ...draft, pattern: draft.pattern.trim(), id: crypto.randomUUID() };
    void rulesItem.setValue([...rules, rule]);
    setDraft({ ...draft, pattern: '' });
  }
  const remove = (id: string) => void rulesItem.setValue(rules.filter((rule) => rule.id !== id));
  const toggleField = (field: RuleField, on: boolean) =>
    setDraft((d) => ({ ...d, fields: on ? [...new Set([...d.fields, field])] : d.fields.filter((f) => f !== field) }));
  return { rules, draft, setDraft, toggleField, preview, add, remove };
}
