import { markAllReadText, markAllReadTitle } from './paper-attributes';

/** "Mark 12 as read": every unread paper in the list as shown; the message after it offers Undo. */
export function MarkAllRead({ unread, onClick }: { unread: number; onClick: () => void }) {
  if (unread === 0) return null;
  return (
    <button type="button" class="btn" data-action="mark-all-read" title={markAllReadTitle(unread)} onClick={onClick}>
      {markAllReadText(unread)}
    </button>
  );
}
