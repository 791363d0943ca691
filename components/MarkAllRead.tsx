import { countOf, formatCount } from '../utils/lib/format';
import { t } from '../utils/lib/i18n';

/** "Mark 12 as read": every unread paper in the list as shown; the message after it offers Undo. */
export function MarkAllRead({ unread, onClick }: { unread: number; onClick: () => void }) {
  if (unread === 0) return null;
  return (
    <button type="button" class="btn" data-action="mark-all-read" title={countOf(unread, 'list.markAllTitle')} onClick={onClick}>
      {t('list.markAll', [formatCount(unread)])}
    </button>
  );
}
