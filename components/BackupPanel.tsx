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
      <h2 id="backup-title">Backup</h2>
      <p class="hint">
        Everything you did — read, saved and dismissed papers — and your settings, in one JSON file. Importing merges it into this
        profile: nothing here is lost, and importing the same file twice changes nothing.
      </p>
      <div class="actions">
        <button type="button" class="btn" data-action="export-backup" onClick={onExport} disabled={busy}>
          Export backup
        </button>
        <label class="btn file-button">
          Import backup…
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
