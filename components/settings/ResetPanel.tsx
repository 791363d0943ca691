import { t } from '../../utils/lib/i18n';
import type { Outcome } from '../../utils/pages/use-options';

interface Props {
  result?: Outcome;
  onReset: () => void;
}

/** Every setting back to its default, with a way back. */
export function ResetPanel({ result, onReset }: Props) {
  return (
    <section class="panel" aria-labelledby="reset-title">
      <h2 id="reset-title">{t('options.reset.title')}</h2>
      <p class="hint">{t('options.reset.hint')}</p>
      <div class="actions">
        <button type="button" class="btn" data-action="reset-settings" onClick={onReset}>
          {t('options.reset.button')}
        </button>
      </div>
      {result && (
        <p class={`result ${result.ok ? 'tone-ok' : 'tone-warn'}`} role="status" data-role="reset-result">
          {result.message}{' '}
          {result.undo && (
            <button type="button" class="link-button" data-action="undo-reset" onClick={result.undo}>
              {t('options.reset.undo')}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
