import { useEffect, useRef } from 'preact/hooks';
import { KEY_MAP } from '../utils/triage/keyboard';
import { t } from '../utils/lib/i18n';

/**
 * The `?` key map, a modal dialog: it takes focus when it opens (Tab stays inside it) and gives
 * it back to where it was when it closes, by Close, Escape or `?`.
 */
export function KeyHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    return () => {
      if (opener?.isConnected && opener !== document.body) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      class="key-help"
      aria-labelledby="key-help-title"
      data-role="key-help"
      onCancel={(event) => {
        // Escape: the page closes it, so that its state and the dialog agree.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="key-help-title">{t('keys.title')}</h2>
      <dl>
        {KEY_MAP.map(([keys, does]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(does)}</dd>
          </div>
        ))}
      </dl>
      <p class="key-help-note">{t('keys.note')}</p>
      <button type="button" class="btn" onClick={onClose} autofocus>
        {t('common.close')}
      </button>
    </dialog>
  );
}
