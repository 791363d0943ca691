import { useEffect, useRef } from 'preact/hooks';
import { createToastTimer, TOAST_MS, TOAST_UNDO_MS, type ToastTimer } from '../utils/triage/toast-timer';
import type { ToastMessage } from '../utils/triage/types';
import { t } from '../utils/lib/i18n';

interface Props {
  message: ToastMessage | undefined;
  /** The message left: by its ✕, or by itself after its time. */
  onClose: () => void;
  /** After Undo was pressed: focus goes back to the list. */
  onUndone: () => void;
}

/** Keeps a message up for its time, waiting while it is hovered, focused or the page hidden. */
function useTimer(message: ToastMessage | undefined, onClose: () => void) {
  const timer = useRef<ToastTimer | undefined>(undefined);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (!message) return;
    const t = createToastTimer(() => close.current(), message.undo ? TOAST_UNDO_MS : TOAST_MS);
    const onVisibility = () => (document.hidden ? t.hold('hidden') : t.release('hidden'));
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    timer.current = t;
    return () => {
      t.stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [message]);
  return timer;
}

/**
 * The page's one-line message (`data-role="toast"`): a confirmation or an error, with Undo when
 * the change can be undone. It sits in a place of its own that covers nothing, is announced
 * politely, and leaves by itself.
 */
export function Toast({ message, onClose, onUndone }: Props) {
  const timer = useTimer(message, onClose);
  return (
    <div class="toast-slot" role="status" aria-live="polite" aria-atomic="true">
      {message && (
        <div
          class={`toast tone-${message.tone}`}
          data-role="toast"
          onMouseEnter={() => timer.current?.hold('hover')}
          onMouseLeave={() => timer.current?.release('hover')}
          onFocusIn={() => timer.current?.hold('focus')}
          onFocusOut={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) timer.current?.release('focus');
          }}
        >
          <span class="toast-text">{message.text}</span>
          {message.undo && (
            <button
              type="button"
              class="btn"
              data-action="undo"
              onClick={() => {
                message.undo?.();
                onUndone();
              }}
            >
              {t('toast.undo')}
            </button>
          )}
          <button type="button" class="icon-button" aria-label={t('toast.close')} onClick={onClose}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      )}
    </div>
  );
}
