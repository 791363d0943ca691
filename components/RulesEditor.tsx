import { RULE_EFFECTS, RULE_FIELDS, ruleLabel, type Rule, type RuleEffect, type RuleField } from '../utils/discover/rule-types';
import type { RuleDraft, RulePreview } from '../utils/pages/use-rules-editor';

const FIELD_TEXT: Record<RuleField, string> = { title: 'Title', abstract: 'Abstract', authors: 'Authors', organization: 'Organisation' };
const EFFECT_TEXT: Record<RuleEffect, string> = { pin: 'Pin to the top', highlight: 'Highlight', dim: 'Dim' };

interface Props {
  rules: readonly Rule[];
  draft: RuleDraft;
  preview: RulePreview;
  onDraft: (draft: RuleDraft) => void;
  onField: (field: RuleField, on: boolean) => void;
  onAdd: () => void;
  onRemove: (id: string) => void;
}

function RuleList({ rules, onRemove }: Pick<Props, 'rules' | 'onRemove'>) {
  if (rules.length === 0) return <p class="hint">No rules yet.</p>;
  return (
    <ul class="rule-list" data-role="rules">
      {rules.map((rule) => (
        <li key={rule.id} data-rule-id={rule.id}>
          <strong>{EFFECT_TEXT[rule.effect]}</strong> {ruleLabel(rule)} in {rule.fields.map((f) => FIELD_TEXT[f].toLowerCase()).join(', ')}{' '}
          <button type="button" class="btn ghost" data-action="remove-rule" aria-label={`Remove the rule ${ruleLabel(rule)}`} onClick={() => onRemove(rule.id)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

function Preview({ preview }: { preview: RulePreview }) {
  if (preview.error) return <p class="result tone-warn" data-role="rule-error" role="status">{preview.error}</p>;
  return (
    <div data-role="rule-preview" aria-live="polite">
      <p class="hint">
        Matches {preview.matches} of the {preview.pool} papers stored.
      </p>
      <ul class="rule-preview">
        {preview.titles.map((title) => (
          <li key={title}>{title}</li>
        ))}
      </ul>
    </div>
  );
}

/** The user's rules: the list, and a form for a new one with a live preview of what it matches. */
export function RulesEditor({ rules, draft, preview, onDraft, onField, onAdd, onRemove }: Props) {
  return (
    <section class="panel" aria-labelledby="rules-title">
      <h2 id="rules-title">Your rules</h2>
      <p class="hint">A keyword (matches the start of words, any case) or a regular expression. Rules show in every view and lift or lower papers in For you.</p>
      <RuleList rules={rules} onRemove={onRemove} />
      <form class="rule-form" onSubmit={(event) => (event.preventDefault(), onAdd())}>
        <label class="field">
          Keyword or pattern <input type="text" data-role="rule-pattern" value={draft.pattern} maxLength={200} onInput={(e) => onDraft({ ...draft, pattern: e.currentTarget.value })} />
        </label>{' '}
        <label class="field">
          <input type="checkbox" data-role="rule-regex" checked={draft.regex} onChange={(e) => onDraft({ ...draft, regex: e.currentTarget.checked })} /> Regular expression
        </label>
        <fieldset class="rule-fields">
          <legend>Look in</legend>
          {RULE_FIELDS.map((field) => (
            <label key={field} class="field">
              <input type="checkbox" data-role={`rule-field-${field}`} checked={draft.fields.includes(field)} onChange={(e) => onField(field, e.currentTarget.checked)} /> {FIELD_TEXT[field]}{' '}
            </label>
          ))}
        </fieldset>
        <label class="field">
          Then{' '}
          <select data-role="rule-effect" value={draft.effect} onChange={(e) => onDraft({ ...draft, effect: e.currentTarget.value as RuleEffect })}>
            {RULE_EFFECTS.map((effect) => (
              <option key={effect} value={effect}>{EFFECT_TEXT[effect]}</option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" class="btn" data-action="add-rule" disabled={Boolean(preview.error)}>Add rule</button>
        <Preview preview={preview} />
      </form>
    </section>
  );
}
