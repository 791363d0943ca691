import { formatCount } from '../utils/lib/format';
import { t, type MessageKey } from '../utils/lib/i18n';
import { RULE_EFFECTS, RULE_FIELDS, ruleLabel, type Rule, type RuleEffect, type RuleField } from '../utils/discover/rule-types';
import type { RuleDraft, RulePreview } from '../utils/pages/use-rules-editor';

const FIELD_TEXT: Record<RuleField, MessageKey> = { title: 'options.rules.fieldTitle', abstract: 'options.rules.fieldAbstract', authors: 'options.rules.fieldAuthors', organization: 'options.rules.fieldOrganization' };
/** The fields inside a sentence ("in title, abstract"): lower case in English, nouns stay capitalised in German. */
const FIELD_IN_TEXT: Record<RuleField, MessageKey> = { title: 'options.rules.inTitle', abstract: 'options.rules.inAbstract', authors: 'options.rules.inAuthors', organization: 'options.rules.inOrganization' };
const EFFECT_TEXT: Record<RuleEffect, MessageKey> = { pin: 'options.rules.effectPin', highlight: 'options.rules.effectHighlight', dim: 'options.rules.effectDim' };

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
  if (rules.length === 0) return <p class="hint">{t('options.rules.none')}</p>;
  return (
    <ul class="rule-list" data-role="rules">
      {rules.map((rule) => (
        <li key={rule.id} data-rule-id={rule.id}>
          <strong>{t(EFFECT_TEXT[rule.effect])}</strong> {ruleLabel(rule)} {t('options.rules.ruleIn', [rule.fields.map((f) => t(FIELD_IN_TEXT[f])).join(', ')])}{' '}
          <button type="button" class="btn ghost" data-action="remove-rule" aria-label={t('options.rules.removeLabel', [ruleLabel(rule)])} onClick={() => onRemove(rule.id)}>
            {t('options.rules.remove')}
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
      <p class="hint">{t('options.rules.preview', [formatCount(preview.matches), formatCount(preview.pool)])}</p>
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
      <h2 id="rules-title">{t('options.rules.title')}</h2>
      <p class="hint">{t('options.rules.hint')}</p>
      <RuleList rules={rules} onRemove={onRemove} />
      <form class="rule-form" onSubmit={(event) => (event.preventDefault(), onAdd())}>
        <label class="field">
          {t('options.rules.pattern')} <input type="text" data-role="rule-pattern" value={draft.pattern} maxLength={200} onInput={(e) => onDraft({ ...draft, pattern: e.currentTarget.value })} />
        </label>{' '}
        <label class="field">
          <input type="checkbox" data-role="rule-regex" checked={draft.regex} onChange={(e) => onDraft({ ...draft, regex: e.currentTarget.checked })} /> {t('options.rules.regex')}
        </label>
        <fieldset class="rule-fields">
          <legend>{t('options.rules.lookIn')}</legend>
          {RULE_FIELDS.map((field) => (
            <label key={field} class="field">
              <input type="checkbox" data-role={`rule-field-${field}`} checked={draft.fields.includes(field)} onChange={(e) => onField(field, e.currentTarget.checked)} /> {t(FIELD_TEXT[field])}{' '}
            </label>
          ))}
        </fieldset>
        <label class="field">
          {t('options.rules.then')}{' '}
          <select data-role="rule-effect" value={draft.effect} onChange={(e) => onDraft({ ...draft, effect: e.currentTarget.value as RuleEffect })}>
            {RULE_EFFECTS.map((effect) => (
              <option key={effect} value={effect}>{t(EFFECT_TEXT[effect])}</option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" class="btn" data-action="add-rule" disabled={Boolean(preview.error)}>{t('options.rules.add')}</button>
        <Preview preview={preview} />
      </form>
    </section>
  );
}
