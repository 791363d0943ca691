import type { ToastMessage } from '../utils/triage/types';

/** A one-line confirmation or error at the bottom of the page, with Undo when it can be undone. */
export function Toast({ message, onClose }: { message: ToastMessage | undefined; onClose: () => void }) {
  return (
    <div class="toast-slot" role="status" aria-live="polite">
      {message && (
        <div class={`toast tone-${message.tone}`} data-role="toast">
          <span>{message.text}</span>
          {message.undo && (
            <button type="button" class="btn" data-action="undo" onClick={message.undo}>
              Undo
            </button>
          )}
          <button type="button" class="icon-button" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
