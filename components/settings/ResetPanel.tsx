import type { Outcome } from '../../utils/pages/use-options';

interface Props {
  result?: Outcome;
  onReset: () => void;
}

/** Every setting back to its default, with a way back. */
export function ResetPanel({ result, onReset }: Props) {
  return (
    <section class="panel" aria-labelledby="reset-title">
      <h2 id="reset-title">Reset</h2>
      <p class="hint">Puts every setting on this page back to its default. Read, saved and hidden papers stay as they are.</p>
      <div class="actions">
        <button type="button" class="btn" data-action="reset-settings" onClick={onReset}>
          Reset settings
        </button>
      </div>
      {result && (
        <p class={`result ${result.ok ? 'tone-ok' : 'tone-warn'}`} role="status" data-role="reset-result">
          {result.message}{' '}
          {result.undo && (
            <button type="button" class="link-button" data-action="undo-reset" onClick={result.undo}>
              Undo
            </button>
          )}
        </p>
      )}
    </section>
  );
}
