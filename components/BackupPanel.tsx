import { t } from '../utils/lib/i18n';
interface Props {
  busy: boolean;
  result?: { ok: boolean; message: string };
  onExport: () => void;
  onImport: (file: File) => void;
}

/** Export and import of all user state, with the outcome in plain words. */
export function BackupPanel({ busy, result, onExport, onImport }: Props) {
  return (
    <section class="panel" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p class="hint">
        {t('backup.hint')}
      </p>
      <div class="actions">
        <button type="button" class="btn" data-action="export-backup" onClick={onExport} disabled={busy}>
          {t('backup.export')}
        </button>
        <label class="btn file-button">
          {t('backup.import')}
          <input
            type="file"
            accept="application/json,.json"
            data-action="import-backup"
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) onImport(file);
            }}
          />
        </label>
      </div>
      {result && (
        <p class={`result ${result.ok ? 'tone-ok' : 'tone-warn'}`} role="status" data-role="backup-result" data-ok={String(result.ok)}>
          {result.message}
        </p>
      )}
    </section>
  );
}
