import { RulesEditor } from '../../components/RulesEditor';
import { useRulesEditor } from '../../utils/pages/use-rules-editor';

/** The options page's rules section. */
export function Rules() {
  const { rules, draft, setDraft, toggleField, preview, add, remove } = useRulesEditor();
  return <RulesEditor rules={rules} draft={draft} preview={preview} onDraft={setDraft} onField={toggleField} onAdd={add} onRemove={remove} />;
}
