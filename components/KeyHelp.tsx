import { KEY_MAP } from '../utils/triage/keyboard';

/** The `?` overlay: every key and what it does. */
export function KeyHelp({ onClose }: { onClose: () => void }) {
  return (
    <div class="key-help" role="dialog" aria-modal="false" aria-label="Keyboard shortcuts" data-role="key-help">
      <h2>Keyboard</h2>
      <dl>
        {KEY_MAP.map(([keys, does]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
      <button type="button" class="btn" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
