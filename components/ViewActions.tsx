import type { ComponentChildren } from 'preact';
import type { ExportFormat } from '../utils/triage/citation';
import { isOnDemand, type ViewId } from '../utils/views/view-id';
import { MarkAllRead } from './MarkAllRead';
import { t } from '../utils/lib/i18n';

interface Props {
  view: ViewId;
  unread: number;
  /** Papers in the list: nothing to export from an empty Saved list. */
  count: number;
  busy: boolean;
  needsAccess: boolean;
  onMarkAllRead: () => void;
  onExport: (format: ExportFormat) => void;
  onRefresh: () => void;
  onRemove?: () => void;
  onHelp: () => void;
  /** More controls on the list, before the key map (the new tab's layout switch). */
  children?: ComponentChildren;
}

/** Actions on the whole list: mark all read, export the saved list, refresh an on-demand feed, the key map. */
export function ViewActions({ view, unread, count, busy, needsAccess, onMarkAllRead, onExport, onRefresh, onRemove, onHelp, children }: Props) {
  return (
    <div class="view-actions">
      {/* Hidden papers are out of every list already: marking them read there means nothing. */}
      {view !== 'hidden' && <MarkAllRead unread={unread} onClick={onMarkAllRead} />}
      {view === 'saved' && count > 0 && (
        <span class="export" role="group" aria-label={t('list.exportGroup')}>
          {t('list.exportAs')}
          <button type="button" class="btn" data-action="export-bibtex" onClick={() => onExport('bibtex')}>{t('export.bibtex')}</button>
          <button type="button" class="btn" data-action="export-markdown" onClick={() => onExport('markdown')}>{t('export.markdown')}</button>
          <button type="button" class="btn" data-action="export-json" onClick={() => onExport('json')}>{t('export.json')}</button>
        </span>
      )}
      {isOnDemand(view) && (
        <button type="button" class="btn" data-action="refresh-feed" disabled={busy} onClick={onRefresh}>
          {t(needsAccess ? 'list.allowArxiv' : busy ? 'notice.fetching' : 'list.refresh')}
        </button>
      )}
      {onRemove && (
        <button type="button" class="btn ghost" data-action="remove-arxiv" onClick={onRemove}>
          {t('list.removeFeed')}
        </button>
      )}
      {children}
      <button type="button" class="btn ghost" data-action="key-help" onClick={onHelp} title={t('keys.buttonTitle')} aria-keyshortcuts="?">
        {t('keys.button')}
      </button>
    </div>
  );
}
