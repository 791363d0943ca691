import { t } from '../utils/lib/i18n';

interface Props {
  on?: boolean;
  message?: string;
  /** The sites watched, as shown to the user (`arxiv.org`, `alphaxiv.org`, `huggingface.co`). */
  hosts: readonly string[];
  onChange: (on: boolean) => void;
}

/** The switch for read detection, with what it asks for and why. */
export function ReadDetectionPanel({ on, message, hosts, onChange }: Props) {
  return (
    <section class="panel" aria-labelledby="read-detection-title">
      <h2 id="read-detection-title">{t('options.readDetection.title')}</h2>
      <label class="field">
        <input type="checkbox" data-setting="read-detection" checked={on === true} disabled={on === undefined} onChange={(event) => onChange(event.currentTarget.checked)} />{' '}
        {t('options.readDetection.switch', [hosts.join(', ')])}
      </label>
      <p class="hint">{t('options.readDetection.hint')}</p>
      {message && (
        <p class="result tone-warn" role="alert" data-role="read-detection-message">
          {message}
        </p>
      )}
    </section>
  );
}
